package nl.werkpact.keurmerk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.werkpact.keurmerk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** The webapps in the postgres profile: security headers on, CSRF protection on. */
class WebappHeadersIT extends IntegrationTest {

  @Autowired TestRestTemplate restTemplate;

  @Test
  void tasklistIsServedWithSecurityHeaders() {
    var page = restTemplate.getForEntity("/camunda/app/tasklist/default/", String.class);

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void sessionCookieIsSecureAndStrict() {
    // The login itself is CSRF-protected: take the token the app hands out, as the browser does.
    var page = restTemplate.getForEntity("/camunda/app/tasklist/default/", String.class);
    List<String> pageCookies = page.getHeaders().getOrEmpty("Set-Cookie");
    String token =
        pageCookies.stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .findFirst()
            .orElseThrow()
            .split(";")[0]
            .substring("XSRF-TOKEN=".length());
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", ACCOUNTMANAGER);
    form.add("password", PASSWORD);
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add("X-XSRF-TOKEN", token);
    headers.add(
        "Cookie", String.join("; ", pageCookies.stream().map(c -> c.split(";")[0]).toList()));

    var login =
        restTemplate.postForEntity(
            "/camunda/api/admin/auth/user/default/login/tasklist",
            new HttpEntity<>(form, headers),
            String.class);

    assertThat(login.getStatusCode().value()).isEqualTo(200);
    var sessionCookies = new ArrayList<>(pageCookies);
    sessionCookies.addAll(login.getHeaders().getOrEmpty("Set-Cookie"));
    assertThat(sessionCookies)
        .filteredOn(c -> c.startsWith("JSESSIONID="))
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("Secure").contains("SameSite=Strict"));
  }

  @Test
  void webappApiRefusesAChangeWithoutCsrfToken() {
    var refused =
        restTemplate.postForEntity(
            "/camunda/api/admin/auth/user/default/logout", null, String.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
  }
}
