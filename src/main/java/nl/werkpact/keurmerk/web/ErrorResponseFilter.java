package nl.werkpact.keurmerk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.common.ConflictException;
import nl.werkpact.keurmerk.common.ForbiddenException;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What a user of the REST API or of Tasklist, Cockpit and Admin sees when a request fails: one Dutch sentence,
 * never engine codes, SQL, table or class names.
 *
 * <ul>
 *   <li>A refusal of ours (seen by the engine guard, {@link Refusals}) answers 400, 403 or 409 with exactly its
 *       Dutch sentence, whatever status and wrapping Camunda's REST resources gave it ("ENGINE-03051 There was an
 *       exception while invoking the TaskListener ...": the webapps' API is a JAX-RS application of Camunda's own,
 *       out of reach of our exception mappers).</li>
 *   <li>Any other server error answers 500 with a Dutch sentence and a reference; the details go to the log.</li>
 *   <li>Any other 4xx (Camunda's own "No task found …", "Unsupported value type", "Cannot set query parameter",
 *       Jersey's 404, 405 and 415) keeps its status and type and gets a plain Dutch sentence for its status: only
 *       what our own code said is passed on, not a list of what looks technical.</li>
 * </ul>
 */
public class ErrorResponseFilter extends OncePerRequestFilter {

  /** Its place among the servlet filters: outermost of ours; the guards come after it. */
  public static final int ORDER = 100;

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponseFilter.class);

  /** A Camunda error type (a class's simple name) may stay: Tasklist and Cockpit read it. */
  private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{2,60}");

  private final ObjectMapper json = new ObjectMapper();

  static int statusOf(InvalidRequestException refusal) {
    if (refusal instanceof ForbiddenException) {
      return HttpServletResponse.SC_FORBIDDEN;
    }
    if (refusal instanceof ConflictException) {
      return HttpServletResponse.SC_CONFLICT;
    }
    if (refusal instanceof NotFoundException) {
      return HttpServletResponse.SC_NOT_FOUND;
    }
    return HttpServletResponse.SC_BAD_REQUEST;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Refusals.clear();
    var wrapped = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapped);
      rewriteErrors(request, wrapped);
    } finally {
      Refusals.clear();
      wrapped.copyBodyToResponse();
    }
  }

  private void rewriteErrors(HttpServletRequest request, ContentCachingResponseWrapper response)
      throws IOException {
    int status = response.getStatus();
    if (status < 400) {
      return;
    }
    InvalidRequestException refusal = Refusals.take();
    if (refusal != null) {
      replace(response, statusOf(refusal), "InvalidRequestException", refusal.getMessage());
      return;
    }
    String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    if (status >= 500) {
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.error(
          "{} {} answered {} (reference {}): {}",
          request.getMethod(),
          request.getRequestURI(),
          status,
          reference,
          body);
      replace(
          response,
          status,
          "ServerError",
          "Er ging op de server iets mis; er is niets opgeslagen. Probeer het later opnieuw. "
              + "Blijft het misgaan, geef dan referentie "
              + reference
              + " door aan de beheerder.");
      return;
    }
    if (Refusals.isAnswered()) {
      return;
    }
    JsonNode parsed = parse(body);
    String message = parsed == null ? body : parsed.path("message").asText("");
    LOG.info(
        "{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), status, message);
    String type = parsed == null ? "Error" : parsed.path("type").asText("Error");
    replace(response, status, TYPE.matcher(type).matches() ? type : "Error", plainMessage(status));
  }

  private static String plainMessage(int status) {
    return switch (status) {
      case 401 -> "Log eerst in.";
      case 403 -> "U heeft geen toestemming voor deze handeling.";
      case 404 -> "Dit bestaat niet (meer), of u mag het niet zien; vernieuw de pagina.";
      case 405 ->
          "Deze handeling kan hier niet; gebruik de knoppen van de Takenlijst of de documentatie van de API.";
      case 413 -> "Het verzoek is te groot; er is niets opgeslagen.";
      case 415 ->
          "Stuur de gegevens als JSON (Content-Type: application/json); er is niets opgeslagen.";
      case 409 ->
          "Iemand anders heeft dit intussen al gewijzigd; vernieuw de pagina en probeer het opnieuw.";
      default ->
          "Dit verzoek kan niet worden uitgevoerd; controleer de invoer. Er is niets opgeslagen.";
    };
  }

  private void replace(
      ContentCachingResponseWrapper response, int status, String type, String message)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  private JsonNode parse(String body) {
    try {
      return body.isBlank() ? null : json.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
