package nl.werkpact.keurmerk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The field checks of Camunda Forms (form-js, bundled in the webapps' {@code lib/deps.js}) speak English and show
 * raw regular expressions ("Field must match pattern ^[0-9]{8}$."); they cannot be configured. This filter serves
 * that file with the messages in Dutch, saying what to type instead of showing a pattern.
 */
class DutchFormMessages extends OncePerRequestFilter {

  static final Map<String, String> MESSAGES = new LinkedHashMap<>();

  static {
    MESSAGES.put("\"Field is required.\"", "\"Dit veld is verplicht.\"");
    MESSAGES.put(
        "`Field must match pattern ${t.pattern}.`",
        "`Vul dit veld in zoals de toelichting eronder zegt.`");
    MESSAGES.put(
        "`Field must have minimum value of ${t.min}.`",
        "`De waarde moet ten minste ${t.min} zijn.`");
    MESSAGES.put(
        "`Field must have maximum value of ${t.max}.`", "`De waarde mag hoogstens ${t.max} zijn.`");
    MESSAGES.put(
        "`Field must have minimum length of ${t.minLength}.`",
        "`Vul ten minste ${t.minLength} tekens in.`");
    MESSAGES.put(
        "`Field must have maximum length of ${t.maxLength}.`",
        "`Vul hoogstens ${t.maxLength} tekens in.`");
    MESSAGES.put(
        "\"Field must be a valid email.\"",
        "\"Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.\"");
    MESSAGES.put(
        "\"Field must be a valid  international phone number. (e.g. +4930664040900)\"",
        "\"Vul een geldig internationaal telefoonnummer in, zoals +31101234567.\"");
    MESSAGES.put("\"Value is not a number.\"", "\"Vul een getal in.\"");
    MESSAGES.put("\"be an integer\"", "\"een geheel getal zijn\"");
    MESSAGES.put("\"Value is expected to \"", "\"De waarde moet \"");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().endsWith("/lib/deps.js");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var wrapped = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapped);
    byte[] body = wrapped.getContentAsByteArray();
    if (wrapped.getStatus() == HttpServletResponse.SC_OK && body.length > 0) {
      String script = new String(body, StandardCharsets.UTF_8);
      for (var message : MESSAGES.entrySet()) {
        script = script.replace(message.getKey(), message.getValue());
      }
      wrapped.resetBuffer();
      wrapped.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    }
    wrapped.copyBodyToResponse();
  }
}
