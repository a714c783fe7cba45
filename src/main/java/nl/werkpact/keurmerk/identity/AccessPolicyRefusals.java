package nl.werkpact.keurmerk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Renders a refusal of {@link AccessPolicyInterceptor}: the Dutch login page (401) or refusal page (403). */
@ControllerAdvice(basePackages = "nl.werkpact.keurmerk")
class AccessPolicyRefusals {

  @ExceptionHandler(AccessPolicyInterceptor.Refused.class)
  String refused(
      AccessPolicyInterceptor.Refused refusal,
      HttpServletRequest request,
      HttpServletResponse response) {
    response.setStatus(refusal.status);
    if (refusal.status == 401) {
      return "internal/login";
    }
    if (refusal.text != null) {
      request.setAttribute("forbiddenText", refusal.text);
    }
    return "internal/forbidden";
  }
}
