package nl.werkpact.keurmerk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Renders a refusal of {@link AccessPolicyInterceptor}: a browser's GET is sent to the login page {@code /aanmelden}
 * (and back after it), other requests get the Dutch login text (401) or refusal page (403).
 */
@ControllerAdvice(basePackages = "nl.werkpact.keurmerk")
class AccessPolicyRefusals {

  @ExceptionHandler(AccessPolicyInterceptor.Refused.class)
  String refused(
      AccessPolicyInterceptor.Refused refusal,
      HttpServletRequest request,
      HttpServletResponse response) {
    response.setStatus(refusal.status);
    if (refusal.status == 401) {
      if (StaffPages.isBrowser(request) && "GET".equals(request.getMethod())) {
        // A browser logs in on our page and comes back here.
        return "redirect:" + LoginPage.redirectFor(request);
      }
      return "internal/login";
    }
    if (refusal.text != null) {
      request.setAttribute("forbiddenText", refusal.text);
    }
    return "internal/forbidden";
  }
}
