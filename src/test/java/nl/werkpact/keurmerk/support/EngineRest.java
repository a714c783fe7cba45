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

/** Calls to /engine-rest as a given user, the way Tasklist-less clients and Camunda Modeler make them. */
public final class EngineRest {

  private final TestRestTemplate rest;

  public EngineRest(TestRestTemplate rest, String user, String password) {
    this.rest = user == null ? rest : rest.withBasicAuth(user, password);
  }

  public ResponseEntity<Map<String, Object>> post(String path, Map<String, Object> body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(
        "/engine-rest" + path,
        HttpMethod.POST,
        new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<Map<String, Object>>() {});
  }

  public ResponseEntity<List<Map<String, Object>>> getList(String path) {
    return rest.exchange(
        "/engine-rest" + path,
        HttpMethod.GET,
        null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {});
  }

  /** Camunda's REST variable format: {"name": {"value": ...}}; the engine infers the type from the JSON value. */
  public static Map<String, Object> variables(Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }
}
