package nl.werkpact.keurmerk.preferences;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.tasks.StaffPreferences;
import nl.werkpact.keurmerk.web.PageHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /mijn-instellingen}: what a member of staff chooses for themselves, for now whether they get the daily
 * digest of their groups' new tasks (off unless they switch it on).
 */
@Controller
class PreferencesController {

  static final String PATH = "/mijn-instellingen";

  private final StaffPreferences preferences;
  private final StaffPages staffPages;

  PreferencesController(StaffPreferences preferences, StaffPages staffPages) {
    this.preferences = preferences;
    this.staffPages = staffPages;
  }

  @Bean
  static FilterRegistrationBean<PageHeaders> preferencesPageSecurityHeaders() {
    return PageHeaders.on("preferences-page-security-headers", "no-store", PATH);
  }

  @GetMapping(PATH)
  String page(HttpServletRequest request, Model model) {
    return render(request, model, null);
  }

  @PostMapping(PATH)
  String save(
      @RequestParam(name = "dagoverzicht", required = false) String digest,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<String> refusal =
        staffPages.refusalOfForm(request, response, token, "pagina Mijn instellingen");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    boolean wanted = "aan".equals(digest);
    preferences.setDailyDigest(staffPages.callerId(request), wanted);
    return render(
        request,
        model,
        wanted
            ? "Opgeslagen: u krijgt elke ochtend om 08:00 een overzicht van de nieuwe taken van uw groepen."
            : "Opgeslagen: u krijgt geen dagoverzicht.");
  }

  private String render(HttpServletRequest request, Model model, String done) {
    model.addAttribute("digest", preferences.wantsDailyDigest(staffPages.callerId(request)));
    model.addAttribute("done", done);
    model.addAttribute("token", staffPages.formToken(request));
    return "preferences/page";
  }
}
