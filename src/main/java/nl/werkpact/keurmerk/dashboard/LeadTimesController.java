package nl.werkpact.keurmerk.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.werkpact.keurmerk.common.SpreadsheetCsv;
import nl.werkpact.keurmerk.dashboard.LeadTimes.Figures;
import nl.werkpact.keurmerk.dashboard.LeadTimes.Selection;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Doorlooptijden for the procesbeheerder, the Werkpact's management and admins: lead times per stage, per year and
 * municipality, the time each user task waits, and what is late now, with a CSV of the lead times.
 */
@Controller
class LeadTimesController {

  private final LeadTimes leadTimes;
  private final OverdueTasks lateTasks;

  LeadTimesController(LeadTimes leadTimes, OverdueTasks lateTasks) {
    this.leadTimes = leadTimes;
    this.lateTasks = lateTasks;
  }

  private record Shown(Figures figures, String problem) {}

  @GetMapping("/doorlooptijden")
  String page(
      @RequestParam(name = "jaar", required = false) String year,
      @RequestParam(name = "gemeente", required = false) String municipality,
      HttpServletResponse response,
      Model model) {
    Shown shown = shown(year, municipality);
    if (shown.problem() != null) {
      response.setStatus(400);
      model.addAttribute("problem", shown.problem());
    }
    model.addAttribute("f", shown.figures());
    model.addAttribute("late", lateTasks.late());
    model.addAttribute("query", query(shown.figures().selection()));
    return "dashboard/doorlooptijden";
  }

  @GetMapping("/doorlooptijden/doorlooptijden.csv")
  void csv(
      @RequestParam(name = "jaar", required = false) String year,
      @RequestParam(name = "gemeente", required = false) String municipality,
      HttpServletResponse response)
      throws IOException {
    Shown shown = shown(year, municipality);
    if (shown.problem() != null) {
      response.setStatus(400);
      response.setContentType("text/plain; charset=UTF-8");
      response.getWriter().write(shown.problem());
      return;
    }
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename("doorlooptijden.csv", StandardCharsets.UTF_8)
            .build()
            .toString());
    try (var printer = SpreadsheetCsv.printer(response.getWriter())) {
      printer.printRecord(
          "Fase", "Jaar", "Gemeente", "Aantal", "Mediaan (dagen)", "90e percentiel (dagen)");
      for (var r : shown.figures().stages()) {
        printer.printRecord(
            SpreadsheetCsv.neutralised(r.stage()),
            r.year(),
            SpreadsheetCsv.neutralised(r.municipality()),
            r.count(),
            r.median(),
            r.p90());
      }
      for (var t : shown.figures().tasks()) {
        printer.printRecord(
            SpreadsheetCsv.neutralised("Wachten in taak: " + t.task()),
            t.year(),
            "",
            t.count(),
            t.median(),
            t.p90());
      }
    }
  }

  private Shown shown(String year, String municipality) {
    String m = municipality == null || municipality.isBlank() ? null : municipality.strip();
    Integer y = null;
    boolean unreadable = false;
    if (year != null && !year.isBlank()) {
      try {
        y = Integer.valueOf(year.strip());
      } catch (NumberFormatException e) {
        unreadable = true;
      }
    }
    Figures asked = leadTimes.figures(new Selection(unreadable ? null : y, m));
    String problem = null;
    if (unreadable || y != null && !asked.years().contains(y)) {
      problem =
          asked.years().isEmpty()
              ? "Kies alle jaren: er zijn nog geen doorlooptijden."
              : "Kies een jaar uit de lijst, zoals " + asked.years().get(0) + ", of alle jaren.";
    } else if (m != null && !asked.municipalities().contains(m)) {
      problem = "Kies een gemeente uit de lijst, of alle gemeenten.";
    }
    return problem == null
        ? new Shown(asked, null)
        : new Shown(leadTimes.figures(new Selection(null, null)), problem);
  }

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
}
