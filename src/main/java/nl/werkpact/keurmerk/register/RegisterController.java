package nl.werkpact.keurmerk.register;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.Texts;
import nl.werkpact.keurmerk.region.RegionLogos;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.ContactSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public keurmerkregister, without login: {@code /register} lists the current holders (search, pages; also as
 * JSON at {@code /register.json}), {@code /register/{nummer}} verifies one keurmerk number, which is what the QR code
 * on a certificate points to. Server-rendered, no JavaScript, in Dutch.
 */
@Controller
class RegisterController {

  static final int PAGE_SIZE = 25;
  private static final int MAX_QUERY = 100;

  private final KeurmerkRegister register;
  private final Regions regions;
  private final RegionLogos logos;
  private final ContactSettings contact;
  private final Verifications verifications;

  RegisterController(
      KeurmerkRegister register,
      Regions regions,
      RegionLogos logos,
      ContactSettings contact,
      Verifications verifications) {
    this.verifications = verifications;
    this.register = register;
    this.regions = regions;
    this.logos = logos;
    this.contact = contact;
  }

  /** A region's logo, for its pages, certificates and e-mails; 404 for a region without one. */
  @GetMapping(path = "/register/{region}/logo.png")
  ResponseEntity<byte[]> logo(@PathVariable("region") String code) {
    return regions
        .find(code)
        .flatMap(r -> logos.of(r.code()))
        .map(
            png ->
                ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_PNG)
                    .header("Cache-Control", "public, max-age=300")
                    .body(png))
        .orElse(ResponseEntity.notFound().build());
  }

  /** Who the footer names: the region's Werkgeversservicepunt, or all of them on the national pages. */
  private String desk(Regions.Region region) {
    if (region == null) {
      return regions.all().size() > 1
          ? "De Werkgeversservicepunten van de regio's."
          : regions.all().get(0).deskOr(contact.name()) + ".";
    }
    return region.deskOr(contact.name()) + ".";
  }

  /** What was asked, or why it cannot be answered, in Dutch. */
  private record Search(String query, int page, String problem) {}

  private static Search search(String query, String page) {
    String q = query == null ? "" : query.strip();
    if (q.length() > MAX_QUERY) {
      return new Search(
          "",
          1,
          "Zoek op ten hoogste "
              + MAX_QUERY
              + " tekens: een naam, een gemeente of een KvK-nummer.");
    }
    if (Texts.hasForbiddenCharacters(q, false)) {
      return new Search(
          "",
          1,
          "Uw zoekopdracht bevat tekens die wij niet kunnen lezen; typ een naam, een gemeente of een KvK-nummer.");
    }
    int p = 1;
    if (page != null && !page.isBlank()) {
      try {
        p = Integer.parseInt(page.strip());
      } catch (NumberFormatException e) {
        p = -1;
      }
      if (p < 1 || p > 100_000) {
        return new Search(q, 1, "Paginanummer moet een geheel getal vanaf 1 zijn, zoals 2.");
      }
    }
    return new Search(q, p, null);
  }

  @GetMapping(path = "/register", produces = MediaType.TEXT_HTML_VALUE)
  String holders(
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "pagina", required = false) String page,
      Model model,
      HttpServletResponse response) {
    return holders(null, query, page, model, response);
  }

  /** The holders of one region ({@code /register/mvs}) or of all ({@code region} null). */
  private String holders(
      Regions.Region region, String query, String page, Model model, HttpServletResponse response) {
    Search search = search(query, page);
    var result =
        register.holders(
            region == null ? null : region.code(), search.query(), search.page(), PAGE_SIZE);
    model.addAttribute("region", region);
    model.addAttribute("desk", desk(region));
    model.addAttribute("regions", regions.all());
    model.addAttribute("listPath", region == null ? "/register" : "/register/" + region.code());
    if (search.problem() != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    model.addAttribute("query", search.query());
    model.addAttribute("problem", search.problem());
    model.addAttribute("result", result);
    model.addAttribute("today", Dates.dutch(register.today()));
    model.addAttribute(
        "rows",
        result.holders().stream()
            .map(
                h ->
                    Map.of(
                        "name",
                        h.employerName(),
                        "municipality",
                        h.municipality(),
                        "number",
                        h.number(),
                        "from",
                        Dates.dutch(h.validFrom()),
                        "until",
                        Dates.dutch(h.validUntil()),
                        "region",
                        h.regionName()))
            .toList());
    return "register/list";
  }

  @GetMapping(
      path = {"/register.json", "/register"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> holdersAsJson(
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "pagina", required = false) String page,
      @RequestParam(name = "regio", required = false) String regionCode) {
    Search search = search(query, page);
    if (search.problem() != null) {
      return ResponseEntity.badRequest().body(Map.of("fout", search.problem()));
    }
    Regions.Region region = null;
    if (regionCode != null && !regionCode.isBlank()) {
      region = regions.find(regionCode.strip().toLowerCase(java.util.Locale.ROOT)).orElse(null);
      if (region == null) {
        return ResponseEntity.badRequest()
            .body(Map.of("fout", "Kies een regio uit de lijst: " + regionChoices() + "."));
      }
    }
    var result =
        register.holders(
            region == null ? null : region.code(), search.query(), search.page(), PAGE_SIZE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("peildatum", register.today().toString());
    if (region != null) {
      body.put("regio", region.code());
    }
    body.put("totaal", result.total());
    body.put("pagina", result.page());
    body.put("paginas", result.pages());
    body.put(
        "houders",
        result.holders().stream()
            .map(
                h -> {
                  Map<String, Object> holder = new LinkedHashMap<>();
                  holder.put("werkgever", h.employerName());
                  holder.put("gemeente", h.municipality());
                  holder.put("keurmerknummer", h.number());
                  holder.put("geldigVan", h.validFrom().toString());
                  holder.put("geldigTotEnMet", h.validUntil().toString());
                  holder.put("regio", h.regionCode());
                  holder.put("regioNaam", h.regionName());
                  return holder;
                })
            .toList());
    return ResponseEntity.ok().header("Access-Control-Allow-Origin", "*").body(body);
  }

  private String regionChoices() {
    return String.join(", ", regions.all().stream().map(Regions.Region::code).toList());
  }

  /**
   * {@code /register/<regio>} lists a region's holders; any other {@code /register/<nummer>} verifies a number, as
   * every QR code and link issued before regions does.
   */
  @GetMapping(path = "/register/{number}", produces = MediaType.TEXT_HTML_VALUE)
  String verify(
      @PathVariable("number") String number,
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "pagina", required = false) String page,
      Model model,
      HttpServletResponse response) {
    var region = regions.find(number);
    if (region.isPresent()) {
      return holders(region.get(), query, page, model, response);
    }
    Verifications.Verdict verdict = verifications.verdict(number);
    if ("ONBEKEND".equals(verdict.state())) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
    }
    model.addAttribute("verdict", verdict);
    var issuer =
        verdict.entry() == null ? null : regions.find(verdict.entry().regionCode()).orElse(null);
    model.addAttribute("issuer", issuer);
    model.addAttribute("desk", desk(issuer));
    model.addAttribute("today", Dates.dutch(register.today()));
    return "register/verify";
  }

  @GetMapping(path = "/register/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> verifyAsJson(
      @PathVariable("number") String number,
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "pagina", required = false) String page) {
    if (regions.find(number).isPresent()) {
      return holdersAsJson(query, page, number);
    }
    Verifications.Verdict verdict = verifications.verdict(number);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", verdict.state());
    body.put("toelichting", verdict.sentence());
    if (verdict.entry() != null) {
      body.put("keurmerknummer", verdict.entry().number());
      body.put("werkgever", verdict.entry().employerName());
      body.put("gemeente", verdict.entry().municipality());
      body.put("geldigVan", verdict.entry().validFrom().toString());
      body.put("geldigTotEnMet", verdict.entry().validUntil().toString());
      body.put("regioNaam", verdict.entry().regionName());
    }
    return ResponseEntity.status(
            "ONBEKEND".equals(verdict.state()) ? HttpStatus.NOT_FOUND : HttpStatus.OK)
        .header("Access-Control-Allow-Origin", "*")
        .body(body);
  }
}
