package nl.werkpact.keurmerk.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Every resource method of {@code /engine-rest} (Camunda's own, read from their JAX-RS annotations, and the project's),
 * called as each role that is not an administrator, with an id that does not exist and an empty body: no call
 * answers a server error, every refusal is one Dutch sentence, and no call that would change something succeeds.
 * A route whose engine command is outside the role's allowlist is refused by the guard before it runs
 * (CommandAllowlistIT proves that per command); this test proves that no route of the REST API is a way around it
 * and that its answers stay Dutch.
 */
class RestRoutesIT extends IntegrationTest {

  private static final List<String> ROLES =
      List.of(
          Groups.ACCOUNTMANAGERS,
          Groups.AUDITORS,
          Groups.KEURMERKCOMMISSIE,
          Groups.PROCESBEHEERDERS);
  private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";

  /** English a Dutch user must not see: Camunda's and Jersey's own texts. */
  private static final Pattern ENGLISH =
      Pattern.compile(
          "\\b(the|not found|cannot|could not|does not|doesn't|exist|invalid|must|unsupported|required|exception|error|null|parameter)\\b",
          Pattern.CASE_INSENSITIVE);

  @Autowired TestRestTemplate rest;

  record Route(String method, String path) {}

  @Test
  void everyRestRouteRefusesInDutchWhatARoleMayNotDoAndNeverFailsOnTheServer() {
    List<Route> routes = routes();
    assertThat(routes).as("Camunda's REST API has several hundred routes").hasSizeGreaterThan(300);
    Map<String, String> wrong = new TreeMap<>();
    int calls = 0;
    int refused = 0;
    for (String role : ROLES) {
      String user = "itroutes" + role;
      TestUsers.ensure(identityService, user, PASSWORD, role);
      for (Route route : routes) {
        String path = route.path().replaceAll("\\{[^}]+}", NO_SUCH_ID);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, PASSWORD);
        var answer =
            rest.exchange(
                baseUrl() + "/engine-rest" + path,
                org.springframework.http.HttpMethod.valueOf(route.method()),
                new HttpEntity<>(
                    route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}",
                    headers),
                String.class);
        calls++;
        int status = answer.getStatusCode().value();
        String body = answer.getBody() == null ? "" : answer.getBody();
        String where = role + " " + route.method() + " " + route.path();
        if (status >= 500) {
          wrong.put(where, status + " " + body);
        } else if (status >= 400) {
          refused++;
          if (changes(route)
              && !allowedForWork(route)
              && !(status == 403 && body.contains("voorbehouden aan beheerders"))) {
            wrong.put(where, status + " not refused before it ran: " + body);
          }
          String message =
              body.replaceAll("(?s).*\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\".*", "$1");
          if (message.isBlank()
              || message.equals(body) && !body.isBlank() && body.startsWith("<")
              || ENGLISH.matcher(message).find()) {
            wrong.put(where, status + " not one Dutch sentence: " + body);
          }
        } else if (changes(route)) {
          wrong.put(where, status + " succeeded with an id that does not exist: " + body);
        }
      }
    }
    assertThat(wrong)
        .as("routes that answered a server error, English, or changed something")
        .isEmpty();
    System.out.printf(
        "RestRoutesIT: %d calls over %d routes, %d refused (4xx, Dutch), 0 server errors%n",
        calls, routes.size(), refused);
    assertThat(refused).isGreaterThan(calls / 2);
  }

  /** The routes of a role's work (engine/RestRouteAllowlist); those are refused further on, by the guard or the engine. */
  private static boolean allowedForWork(Route route) {
    try {
      var allows =
          Class.forName("nl.werkpact.keurmerk.guard.RestRouteAllowlist")
              .getDeclaredMethod("allows", String.class, String.class);
      allows.setAccessible(true);
      return (Boolean)
          allows.invoke(
              null,
              route.method(),
              route
                  .path()
                  .replaceAll("\\{[^}]+}", NO_SUCH_ID)
                  .replaceFirst("^/engine/[^/]+(?=/)", ""));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A route that changes state; with an id that does not exist, or with an empty body, it can only be refused. */
  private static boolean changes(Route route) {
    if (route.method().equals("GET")) {
      return false;
    }
    if (route.method().equals("POST") && QUERY.matcher(route.path()).matches()) {
      return false; // a query sent as POST (Camunda's long query strings), no change
    }
    return true;
  }

  /** Camunda's queries by POST: the list and its count, of a resource or of history. */
  private static final Pattern QUERY =
      Pattern.compile(
          "(/history)?/[a-z-]+(/count)?|/history/[a-z-]+/[a-z-]+(/count)?|/filter/\\{id}/(list|count|singleResult)|/process-definition/statistics|"
              + "/authorization/check|/identity/verify|/task/report/candidate-group-count");

  /** The routes of the REST API, from the JAX-RS annotations of its root resources and their sub-resources. */
  private static List<Route> routes() {
    Set<Route> routes = new LinkedHashSet<>();
    for (Class<?> root : CamundaRestResources.getResourceClasses()) {
      Path path = pathOf(root);
      if (path == null || path.value().contains("{name}")) {
        continue; // the named-engine copies of the same resources
      }
      collect(root, normalize(path.value()), routes, 0);
    }
    for (String own :
        List.of(
            "nl.werkpact.keurmerk.certificate.CertificateResource",
            "nl.werkpact.keurmerk.mail.CorrespondenceResource",
            "nl.werkpact.keurmerk.keurmerk.process.KeurmerkWithdrawalResource",
            "nl.werkpact.keurmerk.models.MigrationResource")) {
      try {
        Class<?> type = Class.forName(own);
        collect(type, normalize(pathOf(type).value()), routes, 0);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return new ArrayList<>(routes);
  }

  private static void collect(Class<?> type, String prefix, Set<Route> routes, int depth) {
    if (depth > 4) {
      return;
    }
    for (Method method : type.getMethods()) {
      Method annotated = annotated(type, method);
      if (annotated == null) {
        continue;
      }
      Path path = annotated.getAnnotation(Path.class);
      String here = prefix + (path == null ? "" : normalize(path.value()));
      String http = httpMethod(annotated);
      if (http != null) {
        routes.add(new Route(http, here.isEmpty() ? "/" : here));
      } else if (path != null
          && !method.getReturnType().isPrimitive()
          && method.getReturnType() != Object.class) {
        collect(method.getReturnType(), here, routes, depth + 1);
      }
    }
  }

  /** The method as declared where its JAX-RS annotations are: the class itself or one of its interfaces. */
  private static Method annotated(Class<?> type, Method method) {
    List<Class<?>> candidates = new ArrayList<>();
    candidates.add(type);
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      candidates.addAll(List.of(c.getInterfaces()));
    }
    for (Class<?> candidate : candidates) {
      try {
        Method declared = candidate.getMethod(method.getName(), method.getParameterTypes());
        if (declared.isAnnotationPresent(Path.class) || httpMethod(declared) != null) {
          return declared;
        }
      } catch (NoSuchMethodException absent) {
        // not here
      }
    }
    return null;
  }

  private static String httpMethod(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return HttpMethod.GET;
    }
    if (method.isAnnotationPresent(POST.class)) {
      return HttpMethod.POST;
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return HttpMethod.PUT;
    }
    if (method.isAnnotationPresent(DELETE.class)) {
      return HttpMethod.DELETE;
    }
    return null;
  }

  private static Path pathOf(Class<?> type) {
    if (type.isAnnotationPresent(Path.class)) {
      return type.getAnnotation(Path.class);
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> face : c.getInterfaces()) {
        if (face.isAnnotationPresent(Path.class)) {
          return face.getAnnotation(Path.class);
        }
      }
    }
    return null;
  }

  private static String normalize(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    p = p.replaceAll("\\{([a-zA-Z]+)\\s*:[^}]*}", "{$1}");
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
