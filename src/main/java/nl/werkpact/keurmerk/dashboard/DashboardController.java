package nl.werkpact.keurmerk.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.werkpact.keurmerk.dashboard.WerkpactFigures.Figures;
import nl.werkpact.keurmerk.dashboard.WerkpactFigures.Selection;
import nl.werkpact.keurmerk.identity.StaffPages;
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
  private final StaffPages staffPages;

  DashboardController(WerkpactFigures figures, StaffPages staffPages) {
    this.figures = figures;
    this.staffPages = staffPages;
  }

  /** The figures for the selection asked, or for everything with the Dutch reason the selection cannot be used. */
  private record Shown(Figures figures, String problem) {}

  @GetMapping("/dashboard")
  String dashboard(
      @RequestParam(name = "jaar", required = false) String year,
      @RequestParam(name = "gemeente", required = false) String municipality,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Shown shown = shown(year, municipality);
    if (shown.problem() != null) {
      response.setStatus(400);
      model.addAttribute("problem", shown.problem());
    }
    model.addAttribute("f", shown.figures());
    model.addAttribute("query", query(shown.figures().selection()));
    return "dashboard/index";
  }

  @GetMapping("/dashboard/{table}.csv")
  void csv(
      @PathVariable("table") String table,
      @RequestParam(name = "jaar", required = false) String year,
      @RequestParam(name = "gemeente", required = false) String municipality,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Optional<DashboardCsv.Table> csv = DashboardCsv.table(table);
    if (csv.isEmpty()) {
      response.setStatus(404);
      plain(response, "Onbekende tabel. Kies " + String.join(", ", DashboardCsv.NAMES) + ".");
      return;
    }
    Shown shown = shown(year, municipality);
    if (shown.problem() != null) {
      response.setStatus(400);
      plain(response, shown.problem());
      return;
    }
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(
                DashboardCsv.fileName(table, shown.figures().selection()), StandardCharsets.UTF_8)
            .build()
            .toString());
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
  private static String query(Selection selection) {
    var query = new StringBuilder();
    if (selection.year() != null) {
      query.append("jaar=").append(selection.year());
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
