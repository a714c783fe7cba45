package nl.werkpact.keurmerk.golive;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.golive.ImportRuns.Run;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.PageHeaders;
import nl.werkpact.keurmerk.web.UploadPage;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The go-live import for admins in the browser: upload the file, see the dry run's report per line, import it. The run
 * goes on in the background ({@link ImportRuns}); its page shows the progress (updated by its own script, or by
 * reloading) and then the same report the command prints. Every form carries a token of the admin's session, so no
 * other site can make an admin's browser upload a file.
 */
@Controller
class ImportPageController implements UploadPage {

  static final String PATH = "/beheer/import";

  private final ImportRuns runs;
  private final StaffPages staffPages;

  private final Regions regions;

  ImportPageController(ImportRuns runs, StaffPages staffPages, Regions regions) {
    this.regions = regions;
    this.runs = runs;
    this.staffPages = staffPages;
  }

  @Bean
  static FilterRegistrationBean<PageHeaders> importPageSecurityHeaders() {
    return PageHeaders.withOwnScriptsAskingTheApp(
        "import-page-security-headers", "no-store", PATH, PATH + "/*", "/beheer-assets/*");
  }

  @GetMapping(PATH)
  String form(HttpServletRequest request, HttpServletResponse response, Model model) {
    return formPage(request, model, null);
  }

  @PostMapping(PATH)
  String upload(
      @RequestParam(name = "bestand", required = false) MultipartFile file,
      @RequestParam(name = "actie", required = false) String action,
      @RequestParam(name = "regio", required = false) String regionCode,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    Optional<String> refusal = refuse(request, response, token);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    String problem = null;
    if (file == null || file.isEmpty()) {
      problem = "Kies een CSV-bestand met de werkgevers.";
    } else if (!"proefdraai".equals(action) && !"invoeren".equals(action)) {
      problem = "Kies Proefdraai of Invoeren.";
    }
    // the caller's own region; an admin (all regions) chooses one, the first by default
    String region =
        RegionScope.region()
            .orElseGet(
                () ->
                    regionCode == null || regionCode.isBlank()
                        ? regions.firstCode()
                        : regionCode.strip());
    if (problem == null && regions.find(region).isEmpty()) {
      problem = "Kies een regio uit de lijst.";
    }
    if (problem != null) {
      response.setStatus(400);
      return formPage(request, model, problem);
    }
    try {
      Run run =
          runs.start(
              fileName(file),
              file.getBytes(),
              false, // always a dry run first; its page asks to confirm what it would store
              staffPages.callerId(request),
              region);
      return "redirect:" + PATH + "/" + run.id();
    } catch (InvalidRequestException e) {
      response.setStatus(409);
      return formPage(request, model, String.join(" ", e.problems()));
    }
  }

  @GetMapping(PATH + "/{id}")
  String run(
      @PathVariable("id") String id,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Run> run = runs.find(id);
    if (run.isEmpty()) {
      response.setStatus(404);
      return formPage(
          request,
          model,
          "Deze import bestaat niet (meer): na een herstart zijn eerdere rapporten weg. Laad het bestand opnieuw; "
              + "werkgevers die al zijn ingevoerd worden overgeslagen.");
    }
    ImportRuns.View view = run.get().view();
    model.addAttribute("run", view);
    model.addAttribute("shown", shownLines(view.report()));
    model.addAttribute("token", staffPages.formToken(request));
    return "golive/run";
  }

  /** How far the run is, for the page's script: {"klaar":false,"gedaan":120,"totaal":10000,"procent":1}. */
  @GetMapping(path = PATH + "/{id}/stand", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> progress(
      @PathVariable("id") String id, HttpServletRequest request, HttpServletResponse response) {
    return runs.find(id)
        .map(Run::view)
        .map(
            run -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("klaar", run.finished());
              body.put("gedaan", run.done());
              body.put("totaal", run.total());
              body.put("procent", run.percent());
              return ResponseEntity.ok(body);
            })
        .orElse(ResponseEntity.notFound().build());
  }

  @PostMapping(PATH + "/{id}/invoeren")
  String confirm(
      @PathVariable("id") String id,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<String> refusal = refuse(request, response, token);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Optional<Run> dryRun = runs.find(id);
    if (dryRun.isEmpty()) {
      response.setStatus(404);
      return formPage(
          request, model, "Deze proefdraai bestaat niet (meer). Laad het bestand opnieuw.");
    }
    try {
      return "redirect:"
          + PATH
          + "/"
          + runs.confirm(dryRun.get(), staffPages.callerId(request)).id();
    } catch (InvalidRequestException e) {
      response.setStatus(409);
      return formPage(request, model, String.join(" ", e.problems()));
    }
  }

  /** The report of a finished run as a spreadsheet, to correct the lines with an error in. */
  @GetMapping(PATH + "/{id}/rapport.csv")
  void reportCsv(
      @PathVariable("id") String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Run> run = runs.find(id).filter(r -> r.report() != null);
    if (run.isEmpty()) {
      response.sendError(404);
      return;
    }
    response.setContentType("text/csv; charset=UTF-8");
    String name = run.get().fileName().replaceAll("(?i)\\.csv$", "") + "-rapport.csv";
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
    run.get().report().writeCsv(response.getWriter());
  }

  /** An empty file with the header line and one example line, to fill in a spreadsheet. */
  @GetMapping(PATH + "/voorbeeld.csv")
  ResponseEntity<byte[]> example(HttpServletRequest request, HttpServletResponse response) {
    String csv =
        "\uFEFF"
            + String.join(
                ";",
                Arrays.stream(WerkgeversCsv.Column.values())
                    .map(WerkgeversCsv.Column::title)
                    .toList())
            + "\r\nBakkerij De Jong;12345678;Hoogstraat 1, 3142 AB;Maassluis;Anouk de Jong;anouk@bakkerijdejong.nl;14-03-2022;"
            + "Anouk de Jong, directeur;anna;SW-2024-0012;01-06-2024;\r\n";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"werkgevers-voorbeeld.csv\"")
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }

  /** An upload over the limit is refused before any handler runs; {@link ImportUploadLimit} sends it here. */
  @Override
  public String uploadPath() {
    return PATH;
  }

  @Override
  public String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<String> refusal = staffPages.refusalByPolicy(request, response);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    response.setStatus(413);
    return formPage(
        request,
        model,
        "Het bestand is te groot (meer dan "
            + ImportLimits.MAX_FILE_MEGABYTES
            + " MB). Splits het in kleinere bestanden.");
  }

  private Optional<String> refuse(
      HttpServletRequest request, HttpServletResponse response, String token) {
    return staffPages.refusalOfForm(request, response, token, "importpagina");
  }

  private String formPage(HttpServletRequest request, Model model, String problem) {
    model.addAttribute("problem", problem);
    model.addAttribute("token", staffPages.formToken(request));
    model.addAttribute("runs", runs.history());
    model.addAttribute("regions", regions.all());
    model.addAttribute(
        "columns",
        Arrays.stream(WerkgeversCsv.Column.values())
            .map(c -> c.required ? c.title() : c.title() + " (alleen bij een keurmerk)")
            .toList());
    return "golive/form";
  }

  /** Up to this many lines the page shows every line; beyond it only the ones to act on (the CSV has them all). */
  static final int ALL_LINES_UP_TO = 500;

  private static List<ImportReport.LineResult> shownLines(ImportReport report) {
    if (report == null || report.lines().size() <= ALL_LINES_UP_TO) {
      return report == null ? List.of() : report.lines();
    }
    return report.lines().stream()
        .filter(
            l ->
                l.outcome() == ImportReport.Outcome.ERROR
                    || l.outcome() == ImportReport.Outcome.SKIPPED)
        .toList();
  }

  private static String fileName(MultipartFile file) {
    String name = file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      return "werkgevers.csv";
    }
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
    return name.length() > 100 ? name.substring(0, 100) : name;
  }
}
