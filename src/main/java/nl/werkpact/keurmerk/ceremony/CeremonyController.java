package nl.werkpact.keurmerk.ceremony;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.common.Texts;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.PageHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /uitreikingen}: the region's new holders awaiting a ceremony and its ceremonies, with the forms that plan one
 * for several holders ({@code POST /uitreikingen}), change or cancel it ({@code .../wijzigen}, {@code .../annuleren})
 * and record it afterwards ({@code .../verslag}). For accountmanagers and admins (contact data; the e-mails go to
 * employers). An admin without a region of their own chooses the region of a new ceremony.
 */
@Controller
class CeremonyController {

  static final String PATH = "/uitreikingen";

  private final Ceremonies ceremonies;
  private final StaffPages staffPages;
  private final Regions regions;

  CeremonyController(Ceremonies ceremonies, StaffPages staffPages, Regions regions) {
    this.ceremonies = ceremonies;
    this.staffPages = staffPages;
    this.regions = regions;
  }

  @Bean
  static FilterRegistrationBean<PageHeaders> ceremonyPageSecurityHeaders() {
    return PageHeaders.on("ceremony-page-security-headers", "no-store", PATH, PATH + "/*/*");
  }

  /** At most this many awaiting holders per list on the page; a search finds the others. */
  static final int SHOWN = 50;

  @GetMapping(PATH)
  String page(
      @RequestParam(name = "q", required = false) String query,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String problem = Texts.searchProblem(query, "een naam, gemeente of keurmerknummer");
    if (problem != null) {
      response.setStatus(400);
      return render(request, model, null, problem, new String[7], List.of(), "");
    }
    return render(
        request, model, null, null, new String[7], List.of(), query == null ? "" : query.strip());
  }

  @PostMapping(PATH)
  String plan(
      @ModelAttribute EventForm event,
      @RequestParam(name = "keurmerk", required = false) List<String> numbers,
      @RequestParam(name = "regio", required = false) String regionCode,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String[] typed = {
      event.datum(),
      event.van(),
      event.tot(),
      event.plaats(),
      event.uitreiker(),
      event.toelichting(),
      regionCode
    };
    List<String> chosen = numbers == null ? List.of() : numbers;
    return act(
        request,
        response,
        model,
        token,
        typed,
        chosen,
        () -> {
          String scope =
              regions.forNewRecord(
                  regionCode,
                  "Kies de regio van de uitreiking: haar keurmerkhouders worden uitgenodigd.");
          String user = staffPages.callerId(request);
          var ceremony = RegionScope.in(scope, () -> ceremonies.plan(event.plan(), chosen, user));
          int invited = RegionScope.in(scope, () -> ceremonies.holders(ceremony.id()).size());
          return "Uitreiking gepland: "
              + invited
              + (invited == 1 ? " keurmerkhouder krijgt" : " keurmerkhouders krijgen")
              + " een uitnodiging per e-mail met de uitreiking als agenda-item (uitreiking.ics);"
              + " hun accountmanagers een kopie.";
        });
  }

  @PostMapping(PATH + "/{id}/wijzigen")
  String change(
      @PathVariable("id") long id,
      @ModelAttribute EventForm event,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(
        request,
        response,
        model,
        token,
        new String[7],
        List.of(),
        () -> {
          ceremonies.change(id, event.plan(), staffPages.callerId(request));
          return "Uitreiking gewijzigd: de keurmerkhouders en hun accountmanagers krijgen de nieuwe"
              + " gegevens per e-mail, met het bijgewerkte agenda-item.";
        });
  }

  @PostMapping(PATH + "/{id}/annuleren")
  String cancel(
      @PathVariable("id") long id,
      @RequestParam(name = "reden", required = false) String reason,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(
        request,
        response,
        model,
        token,
        new String[7],
        List.of(),
        () -> {
          ceremonies.cancel(id, reason, staffPages.callerId(request));
          return "Uitreiking afgelast: de keurmerkhouders en hun accountmanagers krijgen bericht; de"
              + " keurmerkhouders wachten weer op een uitreiking.";
        });
  }

  @PostMapping(PATH + "/{id}/verslag")
  String record(
      @PathVariable("id") long id,
      @RequestParam(name = "aanwezig", required = false) List<String> attended,
      @RequestParam(name = "certificaat", required = false) List<String> certificate,
      @RequestParam(name = "trofee", required = false) List<String> trophy,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(
        request,
        response,
        model,
        token,
        new String[7],
        List.of(),
        () -> {
          ceremonies.record(
              id, Ceremonies.outcomes(attended, certificate, trophy), staffPages.callerId(request));
          return "Verslag vastgelegd: het staat in het dossier van elke keurmerkhouder.";
        });
  }

  /** A form's work, after its token is checked; a refusal shows the page again with the problems, nothing done. */
  private String act(
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      String token,
      String[] typed,
      List<String> chosen,
      Supplier<String> work) {
    Optional<String> refusal =
        staffPages.refusalOfForm(request, response, token, "pagina Uitreikingen");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    try {
      String done = work.get();
      return render(request, model, done, null, new String[7], List.of(), "");
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      return render(request, model, null, String.join(" ", e.problems()), typed, chosen, "");
    }
  }

  private String render(
      HttpServletRequest request,
      Model model,
      String done,
      String problem,
      String[] typed,
      List<String> chosen,
      String query) {
    String q = query.toLowerCase(Locale.ROOT);
    var awaiting =
        ceremonies.awaiting().stream()
            .filter(
                h ->
                    q.isEmpty()
                        || chosen.contains(h.number())
                        || h.employerName().toLowerCase(Locale.ROOT).contains(q)
                        || h.municipality().toLowerCase(Locale.ROOT).contains(q)
                        || h.number().toLowerCase(Locale.ROOT).contains(q))
            .toList();
    var firstAwards = awaiting.stream().filter(h -> !h.renewal()).toList();
    var renewals = awaiting.stream().filter(Ceremonies.Holder::renewal).toList();
    model.addAttribute("query", query);
    model.addAttribute("shown", SHOWN);
    model.addAttribute("firstAwardCount", firstAwards.size());
    model.addAttribute("renewalCount", renewals.size());
    model.addAttribute("firstAwards", shown(firstAwards, chosen));
    model.addAttribute("renewals", shown(renewals, chosen));
    model.addAttribute(
        "ceremonies",
        ceremonies.current().stream()
            .map(
                c ->
                    new Shown(
                        c,
                        ceremonies.holders(c.id()),
                        regions.find(c.regionCode()).map(Regions.Region::name).orElse(""),
                        !c.day().isAfter(ceremonies.today())))
            .toList());
    model.addAttribute("national", RegionScope.ALL.equals(RegionScope.current()));
    model.addAttribute("regions", regions.all());
    model.addAttribute("done", done);
    model.addAttribute("problem", problem);
    model.addAttribute("typed", typed);
    model.addAttribute("chosen", chosen);
    model.addAttribute("token", staffPages.formToken(request));
    return "ceremony/page";
  }

  /** The first {@link #SHOWN} of a list, and those chosen in a refused form wherever they are. */
  private static List<Ceremonies.Holder> shown(List<Ceremonies.Holder> all, List<String> chosen) {
    List<Ceremonies.Holder> shown = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (i < SHOWN || chosen.contains(all.get(i).number())) {
        shown.add(all.get(i));
      }
    }
    return shown;
  }

  /** The event's fields of the plan and change forms, by their Dutch names. */
  record EventForm(
      String datum, String van, String tot, String plaats, String uitreiker, String toelichting) {
    Ceremonies.Plan plan() {
      return new Ceremonies.Plan(datum, van, tot, plaats, uitreiker, toelichting);
    }
  }

  /** A ceremony as the page lists it; {@code due}: its day has come, so its record can be made. */
  record Shown(
      Ceremonies.Ceremony ceremony, List<Ceremonies.Holder> holders, String region, boolean due) {}
}
