package nl.werkpact.keurmerk.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.region.RegionSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MunicipalitiesTest {

  private static RegionSettings region(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("werkpact.region", RegionSettings.class);
  }

  private final Municipalities mvs = new Municipalities(region(Map.of()));

  @Test
  void whatWasTypedWithOtherCapitalsOrSpacesIsTheListedMunicipality() {
    assertThat(mvs.canonical("  vlaardingen ")).contains("Vlaardingen");
    assertThat(mvs.canonical("SCHIEDAM")).contains("Schiedam");
    assertThat(mvs.canonical("Rotterdam")).isEmpty();
    assertThat(mvs.canonical("Maas sluis")).isEmpty();
    assertThat(mvs.refusal(" Rotterdam"))
        .isEqualTo(
            "Gemeente \"Rotterdam\" hoort niet bij deze regio; kies Maassluis, Vlaardingen of Schiedam.");
  }

  @Test
  void aRegionNamesItsOwnMunicipalitiesAndNotNone() {
    var other =
        new Municipalities(region(Map.of("werkpact.region.municipalities", "Delft, Rijswijk")));
    assertThat(other.names()).containsExactly("Delft", "Rijswijk");
    assertThat(other.choices()).isEqualTo("Delft of Rijswijk");
    assertThatThrownBy(() -> new RegionSettings(List.of(" "), "mvs"))
        .hasMessageContaining("werkpact.region.municipalities is leeg");
  }

  @Test
  void theStartFormOffersExactlyTheDefaultRegionsMunicipalities() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/ConvenantIntent.form").toFile());
    List<String> offered = new ArrayList<>();
    for (JsonNode component : form.get("components")) {
      if ("municipality".equals(component.path("key").asText())) {
        assertThat(component.get("type").asText()).isEqualTo("select");
        component.get("values").forEach(v -> offered.add(v.get("value").asText()));
      }
    }
    assertThat(offered).isEqualTo(mvs.names());
  }
}
