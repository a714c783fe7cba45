package nl.werkpact.keurmerk.region;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code werkpact.region.*}: the installation's first region, the one today's data and every model deployed without a
 * region belong to. Other regions are records of their own ({@link Regions}), made by an admin.
 *
 * @param municipalities the municipalities an employer of the first region may be in, spelled as the Werkpact
 *     reports them (for MVS: Maassluis, Vlaardingen, Schiedam), as long as the region lists none of its own
 * @param code the first region's code: its Camunda tenant id and the path of its register ({@code mvs})
 */
@ConfigurationProperties("werkpact.region")
public record RegionSettings(
    @DefaultValue({"Maassluis", "Vlaardingen", "Schiedam"}) List<String> municipalities,
    @DefaultValue("mvs") String code) {

  public RegionSettings {
    municipalities = municipalities.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
    if (municipalities.isEmpty()) {
      throw new IllegalArgumentException(
          "werkpact.region.municipalities is leeg: noem de gemeenten van de regio, met komma's ertussen.");
    }
    if (code == null || !code.matches("[a-z][a-z0-9-]{1,19}")) {
      throw new IllegalArgumentException(
          "werkpact.region.code moet 2 tot 20 kleine letters, cijfers of streepjes zijn, zoals mvs.");
    }
  }
}
