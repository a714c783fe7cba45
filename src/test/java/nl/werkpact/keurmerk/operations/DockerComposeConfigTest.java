package nl.werkpact.keurmerk.operations;

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
    read.addAll(
        matches(PLACEHOLDER, Files.readString(Path.of("src/main/resources/application.yaml"))));
    read.addAll(
        matches(
            PLACEHOLDER,
            Files.readString(Path.of("src/main/resources/application-postgres.yaml"))));

    assertThat(appEnvironment())
        .allSatisfy(
            name ->
                assertThat(read).as("variable %s set by docker-compose.yml", name).contains(name));
  }

  @Test
  void integrationTestsSetTheSameVariablesAsCompose() throws Exception {
    Set<String> setByTests =
        matches(
            TEST_VARIABLE,
            Files.readString(
                Path.of("src/test/java/nl/werkpact/keurmerk/support/IntegrationTest.java")));
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

  @Test
  @SuppressWarnings("unchecked")
  void theAppWaitsForAReadyDatabaseRestartsOnFailureAndReportsItsOwnReadiness() throws Exception {
    Map<String, Object> services =
        (Map<String, Object>)
            ((Map<String, Object>) new Yaml().load(Files.readString(Path.of("docker-compose.yml"))))
                .get("services");
    Map<String, Object> app = (Map<String, Object>) services.get("app");
    Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");

    assertThat(String.valueOf(((Map<String, Object>) postgres.get("healthcheck")).get("test")))
        .contains("pg_isready");
    assertThat((Map<String, Object>) ((Map<String, Object>) app.get("depends_on")).get("postgres"))
        .containsEntry("condition", "service_healthy");
    assertThat(app.get("restart")).isIn("on-failure", "unless-stopped", "always");
    assertThat(String.valueOf(((Map<String, Object>) app.get("healthcheck")).get("test")))
        .contains("/actuator/health/readiness");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theJvmLimitsOfTheDockerfileFitTheContainersMemory() throws Exception {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    Map<String, Object> app =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>)
                            new Yaml().load(Files.readString(Path.of("docker-compose.yml"))))
                        .get("services"))
                .get("app");
    long limit = megabytes(String.valueOf(app.get("mem_limit")));
    long bounded = 0;
    for (String flag :
        new String[] {
          "-Xmx", "-XX:MaxMetaspaceSize=", "-XX:ReservedCodeCacheSize=", "-XX:MaxDirectMemorySize="
        }) {
      var value = Pattern.compile(Pattern.quote(flag) + "([0-9]+[mMgG])").matcher(dockerfile);
      assertThat(value.find()).as("Dockerfile sets %s", flag).isTrue();
      bounded += megabytes(value.group(1));
    }
    // What the flags bound, plus about 100 MB for threads, GC and the JVM itself, stays inside the
    // container's limit.
    assertThat(bounded + 100).isLessThanOrEqualTo(limit);
    assertThat(Files.readString(Path.of("tools/run-bounded.sh")))
        .contains("JAVA_TOOL_OPTIONS")
        .contains("Dockerfile");
  }

  private static long megabytes(String size) {
    long value = Long.parseLong(size.replaceAll("[^0-9]", ""));
    return size.toLowerCase().endsWith("g") ? value * 1024 : value;
  }

  private static Set<String> appEnvironment() throws Exception {
    return environment().keySet();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment() throws Exception {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
    Map<String, Object> app =
        (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("app");
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
