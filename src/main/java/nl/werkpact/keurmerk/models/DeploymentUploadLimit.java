package nl.werkpact.keurmerk.models;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.werkpact.keurmerk.web.EngineRoutes;
import nl.werkpact.keurmerk.web.Refusals;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A deployment larger than the models may be ({@link ModelDeploymentCheck#MAX_BYTES}, with room for the multipart
 * framing) is refused from its announced length, for everyone, before any of it is read: a Dutch 413, sent at once
 * (outside the answer rewriting, which would hold it back) with {@code Connection: close}, so the server reads at most
 * Tomcat's swallow limit of the rest and keeps none of it. An upload without a length is still refused by
 * ModelDeploymentCheck once read.
 */
class DeploymentUploadLimit extends OncePerRequestFilter {

  static final long MAX_REQUEST_BYTES = ModelDeploymentCheck.MAX_BYTES + 512 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !EngineRoutes.routeOf(request).equals("/deployment/create");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() <= MAX_REQUEST_BYTES) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Connection", "close");
    Refusals.answer(
        response,
        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        "InvalidRequestException",
        "Het model is niet geïnstalleerd: de upload is groter dan "
            + (ModelDeploymentCheck.MAX_BYTES / 1024 / 1024)
            + " MB. Er is niets opgeslagen.");
    response.flushBuffer();
  }
}
