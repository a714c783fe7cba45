package nl.werkpact.keurmerk.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.ui.Model;

/**
 * The page a link mailed with a one-time code opens (confirming an intent, signing in): only a button that posts the
 * code, so a mail scanner that opens every link uses nothing; 410 with a Dutch message for a code that cannot be used.
 */
public final class LinkPages {

  private LinkPages() {}

  /** {@code employerName}: whom the code is for, empty when it is unknown, expired or used. */
  public static String button(
      Optional<String> employerName,
      String code,
      String unusable,
      String template,
      HttpServletResponse response,
      Model model) {
    if (employerName.isEmpty()) {
      response.setStatus(410);
      model.addAttribute("message", unusable);
      return template;
    }
    model.addAttribute("employerName", employerName.get());
    model.addAttribute("code", code);
    return template;
  }
}
