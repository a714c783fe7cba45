package nl.werkpact.keurmerk.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.web.CachedBodyRequest;
import nl.werkpact.keurmerk.web.EngineRoutes;
import nl.werkpact.keurmerk.web.Refusals;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, at the REST boundary, any query or filter that holds an expression ({@code ${...}} or
 * {@code #{...}}) anywhere: query string, JSON body, nested {@code orQueries}, field names, JSON-escaped
 * characters included. The engine has expressions in queries switched off as well; this is the second lock,
 * because 7.24.0 gets no more patches and a remote-code-execution report exists for exactly this path.
 *
 * <p>Requests that carry user data or models by design (completing a task, starting a process, correlating a
 * message, setting variables, deploying) are not queries and pass: a finding that reads "${x}" is text.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

  static final String MESSAGE =
      "Zoekvragen en filters mogen geen expressies (${...} of #{...}) bevatten.";
  static final String MALFORMED =
      "De zoekvraag in het adres is ongeldig (een % moet gevolgd worden door twee hexadecimale tekens).";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final Pattern NOT_A_QUERY =
      Pattern.compile(
          ".*/(complete|submit-form|resolve|start|message|signal|correlate|modification|variables(/.*)?|localVariables(/.*)?|deployment/create|migration/.*)$");
  private static final int MAX_BODY = 1_000_000;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return NOT_A_QUERY.matcher(EngineRoutes.resourcePath(request)).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    String decoded;
    try {
      decoded = query == null ? null : URLDecoder.decode(query, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      refuse(response, MALFORMED);
      return;
    }
    if (decoded != null && EXPRESSION.matcher(decoded).find()) {
      refuse(response, MESSAGE);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    if (body.length > 0 && holdsExpression(body)) {
      refuse(response, MESSAGE);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private boolean holdsExpression(byte[] body) {
    if (EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
      return true;
    }
    try {
      return holdsExpression(json.readTree(body));
    } catch (IOException notJson) {
      return false;
    }
  }

  /** Walks the decoded JSON, so that "\u0024{" and expressions in field names are found too. */
  private boolean holdsExpression(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isTextual()) {
      return EXPRESSION.matcher(node.asText()).find();
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        var field = fields.next();
        if (EXPRESSION.matcher(field.getKey()).find() || holdsExpression(field.getValue())) {
          return true;
        }
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (holdsExpression(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private void refuse(HttpServletResponse response, String message) throws IOException {
    Refusals.answer(
        response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", message);
  }
}
