package nl.werkpact.keurmerk.criteria;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.Map;
import nl.werkpact.keurmerk.audit.SocialReturn;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.convenant.process.OnlineIntents;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.ContactSettings;
import nl.werkpact.keurmerk.web.CrossSite;
import nl.werkpact.keurmerk.web.PageHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page "Partner worden" ({@code /partner-worden/<regio>}): what the region's keurmerk asks, read from its
 * criteria table, and the self-scan ({@code POST .../zelfscan}) that shows per criterion what the employer's figures
 * meet and lack. No login, no JavaScript, nothing stored: the figures are evaluated and shown, then forgotten (the
 * page is not cached and the figures travel in the form's body, not in the address).
 */
@Controller
class SelfScanController {

  static final String PATH = "/partner-worden";

  private final SelfScan selfScan;
  private final OnlineIntents intents;
  private final Regions regions;
  private final ContactSettings contact;

  SelfScanController(
      SelfScan selfScan, OnlineIntents intents, Regions regions, ContactSettings contact) {
    this.selfScan = selfScan;
    this.intents = intents;
    this.regions = regions;
    this.contact = contact;
  }

  @Bean
  static FilterRegistrationBean<PageHeaders> partnerPageSecurityHeaders() {
    return PageHeaders.on(
        "partner-page-security-headers",
        "no-store",
        PATH,
        PATH + "/*",
        PATH + "/*/zelfscan",
        PATH + "/*/aanmelden");
  }

  /** The regions to choose from; with one region, its page. */
  @GetMapping(PATH)
  String regions(Model model) {
    if (regions.all().size() == 1) {
      return page(regions.all().get(0), model, null, null, Map.of());
    }
    model.addAttribute("regions", regions.all());
    return "partner/regions";
  }

  @GetMapping(PATH + "/{region}")
  String region(@PathVariable("region") String code, HttpServletResponse response, Model model) {
    var region = regions.find(code).orElse(null);
    if (region == null) {
      return unknown(response, model);
    }
    return page(region, model, null, null, Map.of());
  }

  @PostMapping(PATH + "/{region}/zelfscan")
  String scan(
      @PathVariable("region") String code,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    var region = regions.find(code).orElse(null);
    if (region == null) {
      return unknown(response, model);
    }
    Map<SocialReturn.Count, String> counts = new EnumMap<>(SocialReturn.Count.class);
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      counts.put(count, limited(form.get(count.variable())));
    }
    var typed =
        new SelfScan.Typed(
            limited(form.get("medewerkers")),
            limited(form.get("doelgroep")),
            limited(form.get("extra")),
            limited(form.get("werkervaring")),
            limited(form.get("inkoop")),
            counts);
    try {
      return page(region, model, selfScan.scan(region.code(), typed), null, form);
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      return page(region, model, null, String.join(" ", e.problems()), form);
    }
  }

  @PostMapping(PATH + "/{region}/aanmelden")
  String register(
      @PathVariable("region") String code,
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var region = regions.find(code).orElse(null);
    if (region == null) {
      return unknown(response, model);
    }
    if (CrossSite.posted(request)) {
      response.setStatus(403);
      model.addAttribute("intentProblem", "Aanmelden kan alleen met het formulier op deze pagina.");
      return page(region, model, null, null, form);
    }
    var details =
        new EmployerDetails(
            text(form.get("naam"), 200),
            text(form.get("kvk"), 20),
            text(form.get("adres"), 300),
            text(form.get("gemeente"), 100),
            text(form.get("contactpersoon"), 200),
            text(form.get("email"), 254));
    try {
      intents.request(region.code(), details, request.getRemoteAddr());
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      model.addAttribute("intentProblem", String.join(" ", e.problems()));
      return page(region, model, null, null, form);
    } catch (OnlineIntents.TooMany e) {
      response.setStatus(429);
      model.addAttribute(
          "intentProblem",
          "Er zijn vanaf hier of voor dit e-mailadres net al aanmeldingen gedaan. Probeer het later opnieuw,"
              + " of bel het Werkgeversservicepunt.");
      return page(region, model, null, null, form);
    }
    model.addAttribute(
        "intentDone",
        "Dank u. Wij hebben een e-mail gestuurd naar "
            + details.contactEmail()
            + ". Klik binnen 24 uur op de link in die e-mail om uw aanmelding te bevestigen."
            + " Zonder bevestiging gebeurt er niets.");
    return page(region, model, null, null, Map.of());
  }

  @GetMapping(PATH + "/bevestigen")
  String confirmPage(
      @RequestParam(name = "code", required = false) String code,
      HttpServletResponse response,
      Model model) {
    var pending = intents.pending(code);
    if (pending.isEmpty()) {
      response.setStatus(410);
      model.addAttribute("message", UNUSABLE);
      return "partner/confirm";
    }
    model.addAttribute("employerName", pending.get());
    model.addAttribute("code", code);
    return "partner/confirm";
  }

  @PostMapping(PATH + "/bevestigen")
  String confirm(
      @RequestParam(name = "code", required = false) String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (CrossSite.posted(request)) {
      response.setStatus(403);
      model.addAttribute("message", "Bevestigen kan alleen met de knop op onze pagina.");
      return "partner/confirm";
    }
    switch (intents.confirm(code)) {
      case STARTED ->
          model.addAttribute(
              "message",
              "Uw aanmelding is bevestigd. Een accountmanager neemt contact met u op voor een kennismaking.");
      case ALREADY_KNOWN ->
          model.addAttribute(
              "message",
              "Voor dit KvK-nummer loopt al een aanmelding of een convenant. Het Werkgeversservicepunt neemt"
                  + " contact met u op als dat nodig is.");
      default -> {
        response.setStatus(410);
        model.addAttribute("message", UNUSABLE);
      }
    }
    return "partner/confirm";
  }

  private static final String UNUSABLE =
      "Deze link werkt niet meer: hij is verlopen of al gebruikt. Meld u opnieuw aan op de pagina Partner worden.";

  private static String text(String value, int max) {
    return value == null ? null : value.length() > max + 1 ? value.substring(0, max + 1) : value;
  }

  /** A field of at most 20 characters; a longer one is cut, so it is refused as unreadable. */
  private static String limited(String value) {
    return value == null ? null : value.length() > 20 ? value.substring(0, 21) : value;
  }

  private String page(
      Regions.Region region,
      Model model,
      SelfScan.Scan scan,
      String problem,
      Map<String, String> typed) {
    model.addAttribute("region", region);
    model.addAttribute("criteria", selfScan.criteria(region.code()));
    model.addAttribute("counts", SocialReturn.Count.values());
    model.addAttribute("scan", scan);
    model.addAttribute("problem", problem);
    model.addAttribute("typed", typed);
    model.addAttribute("desk", region.deskOr(contact.name()));
    model.addAttribute("municipalities", region.municipalities());
    return "partner/page";
  }

  private String unknown(HttpServletResponse response, Model model) {
    response.setStatus(404);
    model.addAttribute("regions", regions.all());
    model.addAttribute("problem", "Deze regio kennen wij niet; kies hieronder uw regio.");
    return "partner/regions";
  }
}
