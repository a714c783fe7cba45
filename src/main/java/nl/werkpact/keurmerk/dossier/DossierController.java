package nl.werkpact.keurmerk.dossier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import nl.werkpact.keurmerk.certificate.Certificates;
import nl.werkpact.keurmerk.identity.StaffPages;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One page per employer for accountmanagers, the keurmerkcommissie and admins: the convenant, every audit with its
 * figures and decision, every keurmerk with its status history, every e-mail, newest first, and links into Tasklist and
 * Cockpit for what is still open. Logged in with Camunda's own login (the Tasklist session, or HTTP Basic).
 */
@Controller
class DossierController {

  private final EmployerDossier dossiers;
  private final StaffPages staffPages;
  private final Certificates certificates;
  private final TaskService tasks;
  private final RuntimeService runtime;

  DossierController(
      EmployerDossier dossiers,
      StaffPages staffPages,
      Certificates certificates,
      TaskService tasks,
      RuntimeService runtime) {
    this.dossiers = dossiers;
    this.staffPages = staffPages;
    this.certificates = certificates;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @GetMapping("/dossier")
  String search(
      @RequestParam(name = "q", required = false) String query,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String q = query == null ? "" : query.strip();
    model.addAttribute("query", q);
    if (q.length() > 100) {
      model.addAttribute("problem", "Zoek op ten hoogste 100 tekens: een naam of een KvK-nummer.");
      model.addAttribute("employers", List.of());
      return "dossier/search";
    }
    model.addAttribute("employers", q.isEmpty() ? List.of() : dossiers.search(q));
    return "dossier/search";
  }

  @GetMapping("/dossier/{kvk}")
  String dossier(
      @PathVariable("kvk") String kvk,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var found = dossiers.employer(kvk);
    if (found.isEmpty()) {
      response.setStatus(404);
      model.addAttribute(
          "message",
          "Er is geen werkgever met KvK-nummer "
              + (kvk.matches("[0-9]{1,8}") ? kvk : "zoals opgegeven")
              + " bekend.");
      return "dossier/message";
    }
    var employer = found.get();
    Object id = employer.get("id");
    model.addAttribute("employer", employer);
    model.addAttribute("convenants", dossiers.convenants(id));
    model.addAttribute("audits", dossiers.audits(id));
    model.addAttribute("keurmerken", dossiers.keurmerken(id));
    model.addAttribute("mails", dossiers.mails(id));
    String businessKey = (String) employer.get("kvk_number");
    model.addAttribute(
        "openTasks",
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(businessKey)
            .orderByTaskCreateTime()
            .desc()
            .list());
    model.addAttribute(
        "runningInstances",
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list());
    return "dossier/employer";
  }

  /** The certificate of one of the employer's keurmerken, as attached to the award e-mail. */
  @GetMapping("/dossier/{kvk}/certificaat/{number}")
  Object certificate(
      @PathVariable("kvk") String kvk,
      @PathVariable("number") String number,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<byte[]> pdf =
        dossiers.hasKeurmerk(kvk, number) ? certificates.forNumber(number) : Optional.empty();
    if (pdf.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("message", "Deze werkgever heeft geen keurmerk met dit nummer.");
      return "dossier/message";
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(Certificates.filename(number))
                .build()
                .toString())
        .body(pdf.get());
  }
}
