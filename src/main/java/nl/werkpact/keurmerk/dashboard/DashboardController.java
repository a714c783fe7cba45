package nl.werkpact.keurmerk.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import nl.werkpact.keurmerk.dashboard.WerkpactFigures.Figures;
import nl.werkpact.keurmerk.dashboard.WerkpactFigures.Selection;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard for accountmanagers, the keurmerkcommissie and admins: the figures the Werkpact reports, per year and
 * per municipality, each chart beside a table with the same numbers and a CSV download of that table.
 */
@Controller
class DashboardController {

  private final WerkpactFigures figures;
  private final NationalFigures national;
  private final Regions regions;
  private final StaffPages staffPages;

  DashboardController(
      WerkpactFigures figures, NationalFigures national, Regions regions, StaffPages staffPages) {
    this.figures = figures;
    this.national = national;
    this.regions = regions;
    this.staffPages = staffPages;
  }

  /** The figures for the selection asked, or for everything with the Dutch reason the selection cannot be used. */
  private record Shown(Figures figures, String problem) {}

  @GetMapping("/dashboard")
  String dashboard(
      @RequestParam(name = "jaar", required = false) String year,
      @RequestParam(name = "gemeente", required = false) String municipality,
      @RequestParam(name = "regio", required = false) String region,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    boolean nationalCaller = staffPages.isNational(request);
    Optional<Regions.Region> chosen = nationalCaller ? chosenRegion(region) : Optional.empty();
    String scope = chosen.map(Regions.Region::code).orElse(RegionScope.current());
    Shown shown = RegionScope.in(scope, () -> shown(year, municipality));
    if (nationalCaller && region != null && !region.isBlank() && chosen.isEmpty()) {
      response.setStatus(400);
      model.addAttribute("problem", "Kies een regio uit de lijst, of alle regio's.");
    } else if (shown.problem() != null) {
      response.setStatus(400);
      model.addAttribute("problem", shown.problem());
    }
    model.addAttribute("f", shown.figures());
    model.addAttribute("regions", nationalCaller ? regions.all() : List.of());
    model.addAttribute("region", chosen.orElse(null));
    model.addAttribute(
        "regionName",
        chosen.isPresent()
            ? chosen.get().name()
            : RegionScope.region().map(code -> regions.get(code).name()).orElse("alle regio's"));
    model.addAttribute(
        "query", query(shown.figures().selection(), chosen.map(Regions.Region::code).orElse(null)));
    return "dashboard/index";
  }

  /** The national view: every region's key figures side by side (admins and the national role). */
  @GetMapping("/dashboard/landelijk")
  String national(
      @RequestParam(name = "jaar", required = false) String year,
      HttpServletResponse response,
      Model model) {
    NationalShown shown = nationalShown(year);
    if (shown.problem() != null) {
      response.setStatus(400);
      model.addAttribute("problem", shown.problem());
    }
    model.addAttribute("n", shown.national());
    model.addAttribute(
        "query", shown.national().year() == null ? "" : "?jaar=" + shown.national().year());
    return "dashboard/national";
  }

  @GetMapping("/dashboard/landelijk.csv")
  void nationalCsv(
      @RequestParam(name = "jaar", required = false) String year, HttpServletResponse response)
      throws IOException {
    NationalShown shown = nationalShown(year);
    if (shown.problem() != null) {
      response.setStatus(400);
      plain(response, shown.problem());
      return;
    }
    Integer y = shown.national().year();
    csvAttachment(response, "werkpact-landelijk" + (y == null ? "" : "-" + y) + ".csv");
    DashboardCsv.writeNational(shown.national(), response.getWriter());
  }

  /** The national figures for the year asked, or for all years with the Dutch reason the year cannot be used. */
  private record NationalShown(NationalFigures.National national, String problem) {}

  private NationalShown nationalShown(String year) {
    Integer asked = null;
    boolean unreadable = false;
    if (year != null && !year.isBlank()) {
      try {
        asked = Integer.valueOf(year.strip());
      } catch (NumberFormatException e) {
        unreadable = true;
      }
    }
    // the years on the list come from all records, whichever year is shown: one computation in the
    // usual case
    NationalFigures.National shown = national.of(asked);
    if (unreadable || asked != null && !shown.years().contains(asked)) {
      NationalFigures.National all = asked == null ? shown : national.of(null);
      return new NationalShown(
          all, "Kies een jaar uit de lijst, zoals " + all.years().get(0) + ", of alle jaren.");
    }
    return new NationalShown(shown, null);
  }

  private static void csvAttachment(HttpServletResponse response, String fileName) {
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(fileName, StandardCharsets.UTF_8)
            .build()
            .toString());
  }

  private Optional<Regions.Region> chosenRegion(String region) {
    return region == null || region.isBlank() ? Optional.empty() : regions.find(region.strip());
  }

  @GetMapping("/dashboard/{table}.csv")
  void csv(
      @PathVariable("table") String table,
      @RequestParam(name = "jaar", required = false) String year,
      @RequestParam(name = "gemeente", required = false) String municipality,
      @RequestParam(name = "regio", required = false) String region,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Optional<DashboardCsv.Table> csv = DashboardCsv.table(table);
    if (csv.isEmpty()) {
      response.setStatus(404);
      plain(response, "Onbekende tabel. Kies " + String.join(", ", DashboardCsv.NAMES) + ".");
      return;
    }
    boolean nationalCaller = staffPages.isNational(request);
    Optional<Regions.Region> chosen = nationalCaller ? chosenRegion(region) : Optional.empty();
    if (nationalCaller && region != null && !region.isBlank() && chosen.isEmpty()) {
      response.setStatus(400);
      plain(response, "Kies een regio uit de lijst, of alle regio's.");
      return;
    }
    String scope = chosen.map(Regions.Region::code).orElse(RegionScope.current());
    Shown shown = RegionScope.in(scope, () -> shown(year, municipality));
    if (shown.problem() != null) {
      response.setStatus(400);
      plain(response, shown.problem());
      return;
    }
    csvAttachment(response, DashboardCsv.fileName(table, shown.figures().selection()));
    csv.get().write(shown.figures(), response.getWriter());
  }

  private Shown shown(String year, String municipality) {
    String m = municipality == null || municipality.isBlank() ? null : municipality.strip();
    Integer y = null;
    boolean yearUnreadable = false;
    if (year != null && !year.isBlank()) {
      try {
        y = Integer.valueOf(year.strip());
      } catch (NumberFormatException e) {
        yearUnreadable = true;
      }
    }
    Figures asked = figures.figures(new Selection(y, m));
    String problem = null;
    if (yearUnreadable || y != null && !asked.years().contains(y)) {
      problem = "Kies een jaar uit de lijst, zoals " + asked.years().get(0) + ", of alle jaren.";
    } else if (m != null && !asked.municipalities().contains(m)) {
      problem = "Kies een gemeente uit de lijst, of alle gemeenten.";
    }
    return problem == null
        ? new Shown(asked, null)
        : new Shown(figures.figures(new Selection(null, null)), problem);
  }

  /** The query string that keeps the selection on the CSV links. */
  private static String query(Selection selection, String region) {
    var query = new StringBuilder();
    if (region != null) {
      query.append("regio=").append(URLEncoder.encode(region, StandardCharsets.UTF_8));
    }
    if (selection.year() != null) {
      query.append(query.isEmpty() ? "" : "&").append("jaar=").append(selection.year());
    }
    if (selection.municipality() != null) {
      query
          .append(query.isEmpty() ? "" : "&")
          .append("gemeente=")
          .append(URLEncoder.encode(selection.municipality(), StandardCharsets.UTF_8));
    }
    return query.isEmpty() ? "" : "?" + query;
  }

  private static void plain(HttpServletResponse response, String text) throws IOException {
    response.setContentType("text/plain; charset=UTF-8");
    response.getWriter().write(text);
  }
}
