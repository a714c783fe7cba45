package nl.werkpact.keurmerk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.werkpact.keurmerk.region.RegionScope;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link AccessPolicy} for every page of the project: before any handler of a {@code nl.werkpact.keurmerk} controller
 * runs, the caller must be admitted by the rule for the request, or gets the Dutch login page (401) or refusal (403);
 * a handler without a rule is closed (403). Camunda's webapps and Spring's own handlers are not the project's and are
 * left to their own checks.
 */
@Component
class AccessPolicyInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  /** The refusal the controller advice renders. */
  static final class Refused extends RuntimeException {
    final int status;
    final String text;

    Refused(int status, String text) {
      super(text, null, false, false);
      this.status = status;
      this.text = text;
    }
  }

  private final StaffPages staffPages;

  AccessPolicyInterceptor(StaffPages staffPages) {
    this.staffPages = staffPages;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).order(Integer.MIN_VALUE);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || !method.getBeanType().getName().startsWith("nl.werkpact.keurmerk.")) {
      return true;
    }
    var refusal = staffPages.refusalByPolicy(request, response);
    if (refusal.isPresent()) {
      throw new Refused(response.getStatus(), (String) request.getAttribute("forbiddenText"));
    }
    // Everything the handler reads or writes of the project's own records is of the caller's
    // region.
    RegionScope.set(staffPages.regionScope(request));
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    RegionScope.clear();
  }
}
