package nl.werkpact.keurmerk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.web.PageHeaders;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /aanmelden}: the app's own login for its staff pages, in Dutch, instead of the browser's Basic-auth pop-up. A
 * right user id and password log this browser in to Camunda's webapps as the Takenlijst's login does (the same
 * session: the Takenlijst opens without a second login), and it goes back to the page asked for. The password check is
 * the engine's, behind guard/LoginThrottle. REST clients keep HTTP Basic.
 */
@Controller
class LoginPage {

  static final String PATH = "/aanmelden";
  static final String LOGOUT_PATH = "/afmelden";

  /** Where to go back to: a path of this app, nothing else (no other site, no scheme, no line breaks). */
  private static final Pattern OWN_PAGE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~%?&=+-]*");

  private final IdentityService identity;
  private final ProcessEngine engine;
  private final StaffPages staffPages;

  LoginPage(IdentityService identity, ProcessEngine engine, StaffPages staffPages) {
    this.identity = identity;
    this.engine = engine;
    this.staffPages = staffPages;
  }

  @Bean
  static FilterRegistrationBean<PageHeaders> loginPageSecurityHeaders() {
    return PageHeaders.on("login-page-security-headers", "no-store", PATH, LOGOUT_PATH);
  }

  /** Where a browser that must log in first is sent: this page, with the page it asked for. */
  static String redirectFor(HttpServletRequest request) {
    String asked = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getQueryString() != null) {
      asked += "?" + request.getQueryString();
    }
    return PATH + "?terug=" + URLEncoder.encode(asked, StandardCharsets.UTF_8);
  }

  @GetMapping(PATH)
  String page(
      @RequestParam(name = "terug", required = false) String back,
      @RequestParam(name = "afgemeld", required = false) String loggedOut,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("loggedOut", loggedOut != null);
    return render(request, model, back, null, null);
  }

  /** The menu's Afmelden: one button, so that a link followed from elsewhere logs nobody out. */
  @GetMapping(LOGOUT_PATH)
  String logoutPage(HttpServletRequest request, Model model) {
    model.addAttribute("token", staffPages.formToken(request));
    return "internal/logout";
  }

  /** Ends this browser's session: our pages and the Takenlijst alike ask for a login again. */
  @PostMapping(LOGOUT_PATH)
  String logout(
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response) {
    Optional<String> refusal =
        staffPages.refusalOfForm(request, response, token, "pagina Afmelden");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    var session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return "redirect:" + PATH + "?afgemeld";
  }

  @PostMapping(PATH)
  String login(
      @RequestParam(name = "gebruiker", required = false) String user,
      @RequestParam(name = "wachtwoord", required = false) String password,
      @RequestParam(name = "terug", required = false) String back,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<String> refusal =
        staffPages.refusalOfForm(request, response, token, "pagina Aanmelden");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    String id = user == null ? "" : user.strip();
    if (id.isEmpty() || password == null || password.isEmpty()) {
      response.setStatus(400);
      return render(request, model, back, id, "Vul uw gebruikersnaam en wachtwoord in.");
    }
    if (id.length() > 100 || password.length() > 200 || !identity.checkPassword(id, password)) {
      response.setStatus(401);
      return render(
          request, model, back, id, "Deze gebruikersnaam en dit wachtwoord horen niet bij elkaar.");
    }
    var authentication = AuthenticationUtil.createAuthentication(engine, id);
    if (authentication == null) {
      response.setStatus(401);
      return render(
          request, model, back, id, "Deze gebruikersnaam en dit wachtwoord horen niet bij elkaar.");
    }
    // A new session id for the logged-in browser (no session fixation), as the Takenlijst's login.
    AuthenticationUtil.revalidateSession(request, authentication);
    return "redirect:" + ownPage(back);
  }

  private String render(
      HttpServletRequest request, Model model, String back, String user, String problem) {
    model.addAttribute("back", ownPage(back));
    model.addAttribute("user", user);
    model.addAttribute("problem", problem);
    model.addAttribute("token", staffPages.formToken(request));
    model.addAttribute("loginForm", true);
    return "internal/login";
  }

  private static String ownPage(String back) {
    return back != null && back.length() <= 500 && OWN_PAGE.matcher(back).matches()
        ? back
        : "/dossier";
  }
}
