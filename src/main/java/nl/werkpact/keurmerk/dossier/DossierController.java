package nl.werkpact.keurmerk.dossier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.certificate.Certificates;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.Texts;
import nl.werkpact.keurmerk.identity.StaffPages;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final StaffPages staffPages;
  private final Certificates certificates;
  private final TaskService tasks;
  private final RuntimeService runtime;

  DossierController(
      JdbcClient jdbc,
      StaffPages staffPages,
      Certificates certificates,
      TaskService tasks,
      RuntimeService runtime) {
    this.jdbc = jdbc;
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
    String like = Texts.likeContaining(q);
    model.addAttribute(
        "employers",
        q.isEmpty()
            ? List.of()
            : jdbc
                .sql(
                    """
            SELECT name, kvk_number, municipality FROM employer
            WHERE LOWER(name) LIKE ? ESCAPE '\\' OR kvk_number = ? ORDER BY LOWER(name) LIMIT 50""")
                .params(like, q)
                .query()
                .listOfRows()
                .stream()
                .map(DossierController::local)
                .toList());
    return "dossier/search";
  }

  @GetMapping("/dossier/{kvk}")
  String dossier(
      @PathVariable("kvk") String kvk,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var employer =
        jdbc
            .sql(
                "SELECT id, name, kvk_number, address, municipality, contact_person, contact_email FROM employer WHERE kvk_number = ?")
            .param(kvk)
            .query()
            .listOfRows()
            .stream()
            .map(DossierController::local)
            .toList();
    if (employer.isEmpty()) {
      response.setStatus(404);
      model.addAttribute(
          "message",
          "Er is geen werkgever met KvK-nummer "
              + (kvk.matches("[0-9]{1,8}") ? kvk : "zoals opgegeven")
              + " bekend.");
      return "dossier/message";
    }
    Object id = employer.get(0).get("id");
    model.addAttribute("employer", employer.get(0));
    model.addAttribute(
        "convenants",
        jdbc
            .sql(
                """
            SELECT id, status, registered_at, registered_by, intake_date, intake_notes, intended_workplaces, signed_date, signed_by,
                   withdrawn_at, withdrawal_reason FROM convenant WHERE employer_id = ? ORDER BY registered_at DESC""")
            .param(id)
            .query()
            .listOfRows()
            .stream()
            .map(DossierController::local)
            .toList());
    model.addAttribute(
        "audits",
        jdbc
            .sql(
                """
            SELECT a.id, a.status, a.requested_at, a.requested_by, a.planned_date, a.auditor, a.workforce_size, a.target_group_employees,
                   a.extra_workplaces, a.work_experience_places, a.social_purchasing_euros, a.findings, a.performed_by, a.criteria_outcome,
                   a.criteria_reason, a.criteria_version, a.final_outcome, a.committee_reason, a.decided_by, a.decided_on,
                   k.number AS renewal_of
            FROM audit a LEFT JOIN keurmerk k ON k.id = a.renewal_of_keurmerk_id WHERE a.employer_id = ? ORDER BY a.requested_at DESC""")
            .param(id)
            .query()
            .listOfRows()
            .stream()
            .map(DossierController::local)
            .toList());
    List<Map<String, Object>> keurmerken = new ArrayList<>();
    for (var keurmerk :
        jdbc
            .sql(
                "SELECT id, number, valid_from, valid_until, status FROM keurmerk WHERE employer_id = ? ORDER BY valid_from DESC")
            .param(id)
            .query()
            .listOfRows()
            .stream()
            .map(DossierController::local)
            .toList()) {
      var withHistory = new LinkedHashMap<>(keurmerk);
      withHistory.put(
          "history",
          jdbc
              .sql(
                  "SELECT status, reason, changed_at FROM keurmerk_status_change WHERE keurmerk_id = ? ORDER BY changed_at DESC, id DESC")
              .param(keurmerk.get("id"))
              .query()
              .listOfRows()
              .stream()
              .map(DossierController::local)
              .toList());
      keurmerken.add(withHistory);
    }
    model.addAttribute("keurmerken", keurmerken);
    model.addAttribute(
        "mails",
        jdbc
            .sql(
                """
            SELECT c.id, c.created_at, c.sent_at, c.recipient, c.subject, c.status, c.last_error FROM correspondence c
            WHERE (c.concerns_type = 'CONVENANT' AND c.concerns_id IN (SELECT id FROM convenant WHERE employer_id = ?))
               OR (c.concerns_type = 'AUDIT' AND c.concerns_id IN (SELECT id FROM audit WHERE employer_id = ?))
               OR (c.concerns_type = 'KEURMERK' AND c.concerns_id IN (SELECT id FROM keurmerk WHERE employer_id = ?))
            ORDER BY c.created_at DESC, c.id DESC""")
            .params(id, id, id)
            .query()
            .listOfRows()
            .stream()
            .map(DossierController::local)
            .toList());
    String businessKey = (String) employer.get(0).get("kvk_number");
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
    boolean ofThisEmployer =
        jdbc.sql(
                    "SELECT COUNT(*) FROM keurmerk k JOIN employer e ON e.id = k.employer_id WHERE e.kvk_number = ? AND k.number = ?")
                .params(kvk, number)
                .query(Long.class)
                .single()
            > 0;
    Optional<byte[]> pdf = ofThisEmployer ? certificates.forNumber(number) : Optional.empty();
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

  /** Dates and moments as the page shows them, whichever type the database driver gives: Amsterdam local time. */
  private static Map<String, Object> local(Map<String, Object> row) {
    var result = new LinkedHashMap<String, Object>();
    row.forEach(
        (column, value) -> {
          var zone = Dates.AMSTERDAM;
          if (value instanceof Timestamp timestamp) {
            value = timestamp.toInstant().atZone(zone).toLocalDateTime();
          } else if (value instanceof OffsetDateTime moment) {
            value = moment.atZoneSameInstant(zone).toLocalDateTime();
          } else if (value instanceof Date date) {
            value = date.toLocalDate();
          }
          result.put(column.toLowerCase(Locale.ROOT), value);
        });
    return result;
  }
}
