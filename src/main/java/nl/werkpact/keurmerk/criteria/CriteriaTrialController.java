package nl.werkpact.keurmerk.criteria;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.web.PageHeaders;
import nl.werkpact.keurmerk.web.UploadPage;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The criteria trial for procesbeheerders and admins: a candidate KeurmerkCriteria table (uploaded, or a deployed
 * version) tried on the audits decided in a period, beside what was decided, every flip named. Nothing is deployed,
 * stored or sent. The form carries the session's token, so no other site can make a browser run a trial.
 */
@Controller
class CriteriaTrialController implements UploadPage {

  static final String PATH = "/beheer/criteria";

  private final CriteriaTrial trial;
  private final StaffPages staffPages;
  private final Clock clock;

  CriteriaTrialController(CriteriaTrial trial, StaffPages staffPages, Clock clock) {
    this.trial = trial;
    this.staffPages = staffPages;
    this.clock = clock;
  }

  @Bean
  static FilterRegistrationBean<PageHeaders> criteriaTrialSecurityHeaders() {
    return PageHeaders.on("criteria-trial-security-headers", "no-store", PATH);
  }

  @GetMapping(PATH)
  String form(HttpServletRequest request, Model model) {
    LocalDate today = LocalDate.now(clock);
    return page(request, model, Dates.numeric(today.minusYears(2)), Dates.numeric(today), null);
  }

  @PostMapping(PATH)
  String tryCandidate(
      @RequestParam(name = "bestand", required = false) MultipartFile file,
      @RequestParam(name = "versie", required = false) String version,
      @RequestParam(name = "van", required = false) String from,
      @RequestParam(name = "tot", required = false) String until,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    Optional<String> refusal = staffPages.refusalOfForm(request, response, token, "criteriapagina");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    try {
      LocalDate today = LocalDate.now(clock);
      LocalDate start =
          Optional.ofNullable(Dates.parse("Beslist vanaf", from)).orElse(today.minusYears(2));
      LocalDate end = Optional.ofNullable(Dates.parse("Beslist tot en met", until)).orElse(today);
      if (end.isBefore(start)) {
        throw new InvalidRequestException(
            "Beslist tot en met ligt vóór beslist vanaf; kies een periode die na het begin eindigt.");
      }
      CriteriaTrial.Result result;
      if (file != null && !file.isEmpty()) {
        String name = fileName(file);
        result = trial.run(name, trial.parseUpload(name, file.getBytes()), start, end);
      } else if (version != null && !version.isBlank()) {
        var chosen = trial.versions().stream().filter(d -> d.getId().equals(version)).findFirst();
        result =
            trial.run(
                chosen.map(d -> "versie " + d.getVersion()).orElse("versie"),
                trial.parseDeployed(version),
                start,
                end);
      } else {
        throw new InvalidRequestException(
            "Kies een DMN-bestand met de criteria of een geïnstalleerde versie.");
      }
      model.addAttribute("result", result);
      return page(request, model, from, until, null);
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      return page(request, model, from, until, String.join(" ", e.problems()));
    }
  }

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
    LocalDate today = LocalDate.now(clock);
    return page(
        request,
        model,
        Dates.numeric(today.minusYears(2)),
        Dates.numeric(today),
        "Het bestand is te groot voor een beslistabel (meer dan "
            + (CriteriaTrial.MAX_BYTES / 1024)
            + " kB). Kies het .dmn-bestand van KeurmerkCriteria.");
  }

  private String page(
      HttpServletRequest request, Model model, String from, String until, String problem) {
    model.addAttribute("problem", problem);
    model.addAttribute("token", staffPages.formToken(request));
    model.addAttribute("versions", trial.versions());
    model.addAttribute("from", from);
    model.addAttribute("until", until);
    return "criteria/trial";
  }

  private static String fileName(MultipartFile file) {
    String name = file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      return "KeurmerkCriteria.dmn";
    }
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
    return name.length() > 100 ? name.substring(0, 100) : name;
  }
}
