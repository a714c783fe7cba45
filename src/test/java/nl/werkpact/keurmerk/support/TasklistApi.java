package nl.werkpact.keurmerk.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The API Tasklist itself calls ({@code /camunda/api/engine/engine/default/...}), with a logged-in session and
 * the CSRF token, exactly as the browser sends it: the second route into the engine next to /engine-rest.
 */
public final class TasklistApi {

  private static final String ENGINE = "/camunda/api/engine/engine/default";

  private final TestRestTemplate rest;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String token;

  private TasklistApi(TestRestTemplate rest) {
    this.rest = rest;
  }

  public static TasklistApi login(TestRestTemplate rest, String user, String password) {
    var api = new TasklistApi(rest);
    api.remember(rest.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders());
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", user);
    form.add("password", password);
    var headers = api.headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    var login =
        rest.postForEntity(
            "/camunda/api/admin/auth/user/default/login/tasklist",
            new HttpEntity<>(form, headers),
            String.class);
    if (!login.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("Tasklist login of " + user + " failed: " + login.getStatusCode());
    }
    api.remember(login.getHeaders());
    // The login starts a new session with a new CSRF token; the app hands it out on the next page
    // load.
    api.remember(
        rest.exchange(
                "/camunda/app/tasklist/default/",
                HttpMethod.GET,
                new HttpEntity<>(api.headers()),
                String.class)
            .getHeaders());
    return api;
  }

  /** POST to the engine API of the webapps; path as after /engine-rest (e.g. "/task/{id}/submit-form"). */
  public ResponseEntity<Map<String, Object>> post(String path, Object body) {
    var headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var response =
        rest.exchange(
            ENGINE + path,
            HttpMethod.POST,
            new HttpEntity<>(body, headers),
            new ParameterizedTypeReference<Map<String, Object>>() {});
    remember(response.getHeaders());
    return response;
  }

  public ResponseEntity<List<Map<String, Object>>> getList(String path) {
    var response =
        rest.exchange(
            ENGINE + path,
            HttpMethod.GET,
            new HttpEntity<>(headers()),
            new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    remember(response.getHeaders());
    return response;
  }

  /** A page of the app outside the engine API (the dossier), with this browser session's cookies. */
  public ResponseEntity<String> getPage(String path) {
    var response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
    remember(response.getHeaders());
    return response;
  }

  private HttpHeaders headers() {
    var headers = new HttpHeaders();
    if (!cookies.isEmpty()) {
      headers.add(
          "Cookie",
          String.join(
              "; ",
              cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }
    if (token != null) {
      headers.add("X-XSRF-TOKEN", token);
    }
    return headers;
  }

  private void remember(HttpHeaders headers) {
    for (String cookie : headers.getOrEmpty("Set-Cookie")) {
      String pair = cookie.split(";")[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      if (pair.startsWith("XSRF-TOKEN=")) {
        token = pair.substring(eq + 1);
      }
    }
    if (headers.getFirst("X-XSRF-TOKEN") != null
        && !"Required".equals(headers.getFirst("X-XSRF-TOKEN"))) {
      token = headers.getFirst("X-XSRF-TOKEN");
    }
  }
}
