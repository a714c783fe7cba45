package nl.werkpact.keurmerk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml can't be run here (no Docker engine), so its settings are checked against what the
 * app reads and what the integration tests set: the same variables, one to one.
 */
class DockerComposeConfigTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");
  private static final Pattern TEST_VARIABLE = Pattern.compile("registry\\.add\\(\"([A-Z0-9_]+)\"");
  /** Read by Spring Boot itself rather than by a placeholder. */
  private static final Set<String> READ_BY_SPRING = Set.of("SPRING_PROFILES_ACTIVE");

  @Test
  void composeSetsOnlyVariablesThatTheAppReads() throws Exception {
    Set<String> read = new TreeSet<>(READ_BY_SPRING);
    read.addAll(matches(PLACEHOLDER, Files.readString(Path.of("src/main/resources/application.yaml"))));
    read.addAll(matches(PLACEHOLDER, Files.readString(Path.of("src/main/resources/application-postgres.yaml"))));

    assertThat(appEnvironment()).allSatisfy(name -> assertThat(read).as("variable %s set by docker-compose.yml", name).contains(name));
  }

  @Test
  void integrationTestsSetTheSameVariablesAsCompose() throws Exception {
    Set<String> setByTests = matches(TEST_VARIABLE, Files.readString(Path.of("src/test/java/nl/werkpact/keurmerk/support/IntegrationTest.java")));
    Set<String> compose = new TreeSet<>(appEnvironment());
    compose.removeAll(READ_BY_SPRING);

    assertThat(setByTests).isEqualTo(compose);
  }

  @Test
  void composeRunsThePostgresProfileWithoutSecretsInTheFile() throws Exception {
    Map<String, String> env = environment();
    assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
    assertThat(env.get("WERKPACT_DB_PASSWORD")).startsWith("${");
    assertThat(env.get("WERKPACT_ADMIN_PASSWORD")).startsWith("${");
  }

  private static Set<String> appEnvironment() throws Exception {
    return environment().keySet();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment() throws Exception {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
    Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("app");
    return (Map<String, String>) app.get("environment");
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    var matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
