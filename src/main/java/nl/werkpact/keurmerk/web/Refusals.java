package nl.werkpact.keurmerk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.werkpact.keurmerk.common.InvalidRequestException;

/**
 * The refusal of the request this thread is serving, as the engine saw it ({@link CommandGuard}); the HTTP
 * layer ({@link ErrorResponseFilter}) answers with it instead of whatever wrapping the REST resources put
 * around it. A request is served by one thread, so a thread-local is its scope.
 */
public final class Refusals {

  private static final ThreadLocal<InvalidRequestException> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<Boolean> ANSWERED = new ThreadLocal<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Refusals() {}

  public static void record(InvalidRequestException refusal) {
    CURRENT.set(refusal);
  }

  static InvalidRequestException take() {
    InvalidRequestException refusal = CURRENT.get();
    CURRENT.remove();
    return refusal;
  }

  static void clear() {
    CURRENT.remove();
    ANSWERED.remove();
  }

  /**
   * A filter of ours answers the request with its own Dutch sentence, as Camunda's REST answers look
   * ({@code {"type": ..., "message": ...}}); {@link ErrorResponseFilter} leaves it as it is.
   */
  public static void answer(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    ANSWERED.set(Boolean.TRUE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  public static boolean isAnswered() {
    return Boolean.TRUE.equals(ANSWERED.get());
  }
}
