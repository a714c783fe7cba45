package nl.werkpact.keurmerk.employer;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code werkpact.region.*}: the region the Werkpact works in.
 *
 * @param municipalities the municipalities an employer may be in, spelled as the Werkpact reports them (for MVS:
 *     Maassluis, Vlaardingen, Schiedam); the start form's list, the import and the records take only these
 */
@ConfigurationProperties("werkpact.region")
public record RegionSettings(
    @DefaultValue({"Maassluis", "Vlaardingen", "Schiedam"}) List<String> municipalities) {

  public RegionSettings {
    municipalities = municipalities.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
    if (municipalities.isEmpty()) {
      throw new IllegalArgumentException(
          "werkpact.region.municipalities is leeg: noem de gemeenten van de regio, met komma's ertussen.");
    }
  }
}
