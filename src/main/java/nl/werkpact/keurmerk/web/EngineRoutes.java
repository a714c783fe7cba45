package nl.werkpact.keurmerk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/** How a request names a route of the engine's REST API, for every filter that judges one: one way to read it. */
public final class EngineRoutes {

  private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine/[^/]+(?=/)");

  private EngineRoutes() {}

  /**
   * The path as the REST resources will see it: decoded, without matrix parameters and a trailing slash, so
   * that {@code C%6Fnvenant}, {@code ;x=1} or {@code start/} match like the plain spelling.
   */
  public static String resourcePath(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    path = path.replaceAll(";[^/]*", "");
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  /** The path as Camunda's REST resources see it, without /engine-rest, /camunda/api/engine or a named engine. */
  public static String routeOf(HttpServletRequest request) {
    String path = resourcePath(request);
    path =
        path.replaceFirst("^/engine-rest(?=/|$)", "")
            .replaceFirst("^/camunda/api/engine(?=/|$)", "");
    return NAMED_ENGINE.matcher(path).replaceFirst("");
  }
}
