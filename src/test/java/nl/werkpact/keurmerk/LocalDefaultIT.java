package nl.werkpact.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * The README's first command, {@code mvn spring-boot:run}: the whole system starts on its embedded default (the local
 * profile: H2, demo users and data, e-mails as files) with nothing set, and a newcomer can log in and look around. The
 * other integration tests run the postgres profile; a bean that only the local profile lacks would pass them all.
 */
class LocalDefaultIT {

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @Test
  void theEmbeddedDefaultStartsWithItsDemoUsersAndData() throws Exception {
    try (var app =
        new SpringApplicationBuilder(KeurmerkApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:local-default;DB_CLOSE_DELAY=-1",
                "--werkpact.mail.drop-directory=target/local-default/mail")) {
      assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
      assertThat(app.getEnvironment().getDefaultProfiles()).containsExactly("local");
      String base =
          "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();

      var register = get(base + "/register.json", null);
      assertThat(register.statusCode()).isEqualTo(200);
      assertThat(register.body()).as("the demo data's holders").containsPattern("\"totaal\":[1-9]");
      assertThat(get(base + "/camunda/app/tasklist/", null).statusCode()).isEqualTo(200);
      var tasks = get(base + "/engine-rest/task/count", "anna:demo");
      assertThat(tasks.statusCode()).as("the demo accountmanager logs in").isEqualTo(200);
      assertThat(get(base + "/actuator/health", null).body()).contains("\"status\":\"UP\"");
    }
  }

  private HttpResponse<String> get(String url, String credentials) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
