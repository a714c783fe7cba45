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
import nl.werkpact.keurmerk.web.LinkPages;
import nl.werkpact.keurmerk.web.PageHeaders;
import nl.werkpact.keurmerk.web.RequestThrottle;
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

  /** The self-scan's fields, carried along (hidden) by the contact form under its outcome. */
  static final java.util.List<String> SCAN_FIELDS = scanFields();

  private static java.util.List<String> scanFields() {
    java.util.List<String> fields =
        new java.util.ArrayList<>(
            java.util.List.of("medewerkers", "doelgroep", "extra", "werkervaring", "inkoop"));
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      fields.add(count.variable());
    }
    return java.util.List.copyOf(fields);
  }

  private final SelfScan selfScan;
  private final OnlineIntents intents;
  private final ScanContacts contacts;
  private final Regions regions;
  private final ContactSettings contact;

  SelfScanController(
      SelfScan selfScan,
      OnlineIntents intents,
      ScanContacts contacts,
      Regions regions,
      ContactSettings contact) {
    this.selfScan = selfScan;
    this.intents = intents;
    this.contacts = contacts;
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
        PATH + "/*/contact",
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
    try {
      return page(region, model, selfScan.scan(region.code(), typed(form)), null, form);
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      return page(region, model, null, String.join(" ", e.problems()), form);
    }
  }

  /** The figures as the self-scan's form posts them (also carried along by the contact form). */
  private static SelfScan.Typed typed(Map<String, String> form) {
    Map<SocialReturn.Count, String> counts = new EnumMap<>(SocialReturn.Count.class);
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      counts.put(count, limited(form.get(count.variable())));
    }
    return new SelfScan.Typed(
        limited(form.get("medewerkers")),
        limited(form.get("doelgroep")),
        limited(form.get("extra")),
        limited(form.get("werkervaring")),
        limited(form.get("inkoop")),
        counts);
  }

  /**
   * "Neem contact met mij op" under the outcome: the figures are scanned again and kept only now, with the contact
   * details, for the region's Werkgeversservicepunt.
   */
  @PostMapping(PATH + "/{region}/contact")
  String contact(
      @PathVariable("region") String code,
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var region = regions.find(code).orElse(null);
    if (region == null) {
      return unknown(response, model);
    }
    SelfScan.Scan scan;
    try {
      scan = selfScan.scan(region.code(), typed(form));
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      return page(region, model, null, String.join(" ", e.problems()), form);
    }
    if (CrossSite.posted(request)) {
      response.setStatus(403);
      model.addAttribute(
          "contactProblem", "Een verzoek om contact kan alleen met het formulier op deze pagina.");
      return page(region, model, scan, null, form);
    }
    var contact =
        new ScanContacts.Contact(
            text(form.get("organisatie"), 200),
            text(form.get("contactnaam"), 200),
            text(form.get("contactemail"), 254),
            text(form.get("contacttelefoon"), 30));
    try {
      contacts.request(region.code(), contact, scan, request.getRemoteAddr());
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      model.addAttribute("contactProblem", String.join(" ", e.problems()));
      return page(region, model, scan, null, form);
    } catch (RequestThrottle.TooMany e) {
      response.setStatus(429);
      model.addAttribute(
          "contactProblem",
          "Er is vanaf hier of voor dit e-mailadres net al om contact gevraagd. Probeer het later opnieuw, of bel"
              + " het Werkgeversservicepunt.");
      return page(region, model, scan, null, form);
    }
    model.addAttribute(
        "contactDone",
        "Dank u. Het Werkgeversservicepunt heeft uw vraag en deze uitkomst gekregen en neemt contact met u op.");
    return page(region, model, scan, null, form);
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
    } catch (RequestThrottle.TooMany e) {
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
    return LinkPages.button(
        intents.pending(code), code, UNUSABLE, "partner/confirm", response, model);
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
    model.addAttribute("scanFields", SCAN_FIELDS);
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
