package nl.werkpact.keurmerk.network;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.common.SpreadsheetCsv;
import nl.werkpact.keurmerk.common.Texts;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.PageHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /netwerk}: the members of the region's Sociaal Economisch Netwerk (the holders in their free year, and after
 * it), as a page and as CSV for the network ({@code /netwerk.csv}), and the form that plans a meeting and invites
 * them ({@code POST /netwerk/bijeenkomst}). For accountmanagers and admins: it lists contact data. An admin chooses
 * the region a meeting is for.
 */
@Controller
class NetworkController {

  static final String PATH = "/netwerk";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final NetworkMembers members;
  private final NetworkMeetings meetings;
  private final StaffPages staffPages;
  private final Regions regions;

  NetworkController(
      NetworkMembers members, NetworkMeetings meetings, StaffPages staffPages, Regions regions) {
    this.members = members;
    this.meetings = meetings;
    this.staffPages = staffPages;
    this.regions = regions;
  }

  @Bean
  static FilterRegistrationBean<PageHeaders> networkPageSecurityHeaders() {
    return PageHeaders.on(
        "network-page-security-headers", "no-store", PATH, PATH + ".csv", PATH + "/*");
  }

  /** At most this many holders per list on the page; the CSV has them all. */
  static final int SHOWN = 50;

  @GetMapping(PATH)
  String page(
      @RequestParam(name = "q", required = false) String query,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String problem = Texts.searchProblem(query, "een naam of gemeente");
    if (problem != null) {
      response.setStatus(400);
      return render(request, model, null, problem, new String[8], "");
    }
    return render(request, model, null, null, new String[8], query == null ? "" : query.strip());
  }

  @GetMapping(PATH + ".csv")
  void csv(HttpServletResponse response) throws IOException {
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename("netwerk-leden-" + members.today() + ".csv", StandardCharsets.UTF_8)
            .build()
            .toString());
    try (var csv = SpreadsheetCsv.printer(response.getWriter())) {
      csv.printRecord(
          "regio",
          "werkgever",
          "gemeente",
          "contactpersoon",
          "e-mail",
          "keurmerknummer",
          "keurmerk geldig tot en met",
          "gratis lidmaatschap van",
          "gratis lidmaatschap tot en met",
          "lid");
      for (var m : members.current()) {
        csv.printRecord(
            m.regionName(),
            m.name(),
            m.municipality(),
            m.contactPerson(),
            m.contactEmail(),
            m.number(),
            Dates.numeric(m.keurmerkUntil()),
            Dates.numeric(m.freeFrom()),
            Dates.numeric(m.freeUntil()),
            m.inFreeYear() ? "gratis jaar" : "na het gratis jaar");
      }
    }
  }

  @PostMapping(PATH + "/bijeenkomst")
  String plan(
      @RequestParam(name = "datum", required = false) String date,
      @RequestParam(name = "van", required = false) String from,
      @RequestParam(name = "tot", required = false) String until,
      @RequestParam(name = "plaats", required = false) String place,
      @RequestParam(name = "onderwerp", required = false) String subject,
      @RequestParam(name = "toelichting", required = false) String notes,
      @RequestParam(name = "wie", required = false) String who,
      @RequestParam(name = "regio", required = false) String regionCode,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<String> refusal = staffPages.refusalOfForm(request, response, token, "pagina Netwerk");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    String[] typed = {date, from, until, place, subject, notes, who, regionCode};
    try {
      String scope =
          regions.forNewRecord(
              regionCode, "Kies de regio van de bijeenkomst: haar leden worden uitgenodigd.");
      var plan =
          new NetworkMeetings.Plan(date, from, until, place, subject, notes, "alle".equals(who));
      String user = staffPages.callerId(request);
      var meeting = RegionScope.in(scope, () -> meetings.plan(plan, user));
      return renderAll(
          request,
          model,
          "Bijeenkomst gepland: "
              + meeting.invited()
              + (meeting.invited() == 1 ? " uitnodiging gaat" : " uitnodigingen gaan")
              + " per e-mail de deur uit, elk met de bijeenkomst als agenda-item (bijeenkomst.ics).",
          null,
          new String[8]);
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      return render(request, model, null, String.join(" ", e.problems()), typed, "");
    }
  }

  private String renderAll(
      HttpServletRequest request, Model model, String done, String problem, String[] typed) {
    return render(request, model, done, problem, typed, "");
  }

  private String render(
      HttpServletRequest request,
      Model model,
      String done,
      String problem,
      String[] typed,
      String query) {
    String q = query.toLowerCase(java.util.Locale.ROOT);
    var all =
        members.current().stream()
            .filter(
                m ->
                    q.isEmpty()
                        || m.name().toLowerCase(java.util.Locale.ROOT).contains(q)
                        || m.municipality().toLowerCase(java.util.Locale.ROOT).contains(q))
            .toList();
    var inFreeYear = all.stream().filter(NetworkMembers.Member::inFreeYear).toList();
    var after = all.stream().filter(m -> !m.inFreeYear()).toList();
    model.addAttribute("query", query);
    model.addAttribute("shown", SHOWN);
    model.addAttribute("memberCount", inFreeYear.size());
    model.addAttribute("formerCount", after.size());
    model.addAttribute("members", inFreeYear.subList(0, Math.min(SHOWN, inFreeYear.size())));
    model.addAttribute("formerMembers", after.subList(0, Math.min(SHOWN, after.size())));
    model.addAttribute("national", RegionScope.ALL.equals(RegionScope.current()));
    model.addAttribute("regions", regions.all());
    model.addAttribute(
        "meetings",
        meetings.upcoming().stream()
            .map(
                m ->
                    new Shown(
                        Dates.numeric(
                            m.startsAt().atZoneSameInstant(Dates.AMSTERDAM).toLocalDate()),
                        TIME.format(m.startsAt().atZoneSameInstant(Dates.AMSTERDAM))
                            + "–"
                            + TIME.format(m.endsAt().atZoneSameInstant(Dates.AMSTERDAM)),
                        m.place(),
                        m.subject(),
                        m.invited(),
                        regions.find(m.regionCode()).map(Regions.Region::name).orElse("")))
            .toList());
    model.addAttribute("done", done);
    model.addAttribute("problem", problem);
    model.addAttribute("typed", typed);
    model.addAttribute("token", staffPages.formToken(request));
    return "network/page";
  }

  /** A meeting as the page lists it. */
  record Shown(String day, String time, String place, String subject, int invited, String region) {}
}
