package nl.werkpact.keurmerk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Cockpit, Admin and the Welcome page speak Dutch: our locales hold every key of the English ones that Camunda
 * ships, with the same placeholders, so a Camunda upgrade that adds texts fails here instead of showing keys or English
 * in between Dutch.
 */
class WebappLocaleTest {

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void theDutchLocaleHasEveryKeyOfTheShippedEnglishOne(String app) throws IOException {
    String locales = "META-INF/resources/webjars/camunda/app/" + app + "/locales/";
    JsonNode english = read(shipped(locales + "en.json"));
    JsonNode dutch = read(getClass().getClassLoader().getResource(locales + "nl.json"));

    List<String> missing = new ArrayList<>();
    collectMissing("", english, dutch, missing);

    assertThat(missing).as("keys of Camunda's %s en.json missing in our nl.json", app).isEmpty();
    assertThat(dutch.path("labels").path("PAGE_LOGIN_SIGN_IN_ACTION").asText())
        .isEqualTo("Aanmelden");
    // A placeholder lost in translation shows the user a hole ("{{count}} processen" without the
    // count).
    List<String> broken = new ArrayList<>();
    english
        .path("labels")
        .fields()
        .forEachRemaining(
            label -> {
              if (!placeholders(label.getValue().asText())
                  .equals(placeholders(dutch.path("labels").path(label.getKey()).asText()))) {
                broken.add(label.getKey());
              }
            });
    assertThat(broken).as("labels of %s whose placeholders differ from the English", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void dutchIsTheDefaultAndTheProductHasItsOwnName(String app) throws IOException {
    String config;
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream(
                "META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js")) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(config)
        .contains("fallbackLocale: 'nl'")
        .contains("availableLocales: ['nl'")
        .contains("vendor: 'Werkpact Keurmerk'")
        .contains("normal: 'DD-MM-YYYY HH:mm'");
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    var matcher = Pattern.compile("\\{\\{.*?\\}\\}").matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replace(" ", ""));
    }
    Collections.sort(found);
    return found;
  }

  @Test
  void tasklistReadsDatesTheDutchWay() throws IOException {
    JsonNode dutch =
        read(
            getClass()
                .getClassLoader()
                .getResource("META-INF/resources/webjars/camunda/app/tasklist/locales/nl.json"));

    assertThat(dutch.path("labels").path("CLAIM_TASK").asText()).isEqualTo("Oppakken");
    assertThat(dutch.path("dateLocales").path("longDateFormat").path("L").asText())
        .isEqualTo("DD-MM-YYYY");
  }

  private void collectMissing(String path, JsonNode english, JsonNode dutch, List<String> missing) {
    english
        .fieldNames()
        .forEachRemaining(
            name -> {
              JsonNode theirs = english.get(name);
              JsonNode ours = dutch == null ? null : dutch.get(name);
              if (ours == null) {
                missing.add(path + name);
              } else if (theirs.isObject()) {
                collectMissing(path + name + ".", theirs, ours, missing);
              }
            });
  }

  /** The English locale from Camunda's webjar (ours has none of that name). */
  private URL shipped(String resource) throws IOException {
    List<URL> found = Collections.list(getClass().getClassLoader().getResources(resource));
    assertThat(found).as("Camunda's " + resource).isNotEmpty();
    return found.get(0);
  }

  private JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }
}
