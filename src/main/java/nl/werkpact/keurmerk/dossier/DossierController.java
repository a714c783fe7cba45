package nl.werkpact.keurmerk.dossier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
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

  private static final List<String> MAY_READ = List.of(Groups.ACCOUNTMANAGERS, Groups.KEURMERKCOMMISSIE, Groups.ADMINS,
      org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;

  DossierController(JdbcClient jdbc, IdentityService identity, TaskService tasks, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @GetMapping("/dossier")
  String search(@RequestParam(name = "q", required = false) String query, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    Optional<String> refusal = refusal(request, response);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    String q = query == null ? "" : query.strip();
    model.addAttribute("query", q);
    if (q.length() > 100) {
      model.addAttribute("problem", "Zoek op ten hoogste 100 tekens: een naam of een KvK-nummer.");
      model.addAttribute("employers", List.of());
      return "dossier/search";
    }
    String like = "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    model.addAttribute("employers", q.isEmpty() ? List.of() : jdbc.sql("""
            SELECT name, kvk_number, municipality FROM employer
            WHERE LOWER(name) LIKE ? ESCAPE '\\' OR kvk_number = ? ORDER BY LOWER(name) LIMIT 50""")
        .params(like, q).query().listOfRows().stream().map(DossierController::local).toList());
    return "dossier/search";
  }

  @GetMapping("/dossier/{kvk}")
  String dossier(@PathVariable("kvk") String kvk, HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<String> refusal = refusal(request, response);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    var employer = jdbc.sql("SELECT id, name, kvk_number, address, municipality, contact_person, contact_email FROM employer WHERE kvk_number = ?")
        .param(kvk).query().listOfRows().stream().map(DossierController::local).toList();
    if (employer.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("message", "Er is geen werkgever met KvK-nummer " + (kvk.matches("[0-9]{1,8}") ? kvk : "zoals opgegeven") + " bekend.");
      return "dossier/message";
    }
    Object id = employer.get(0).get("id");
    model.addAttribute("employer", employer.get(0));
    model.addAttribute("convenants", jdbc.sql("""
            SELECT id, status, registered_at, registered_by, intake_date, intake_notes, intended_workplaces, signed_date, signed_by,
                   withdrawn_at, withdrawal_reason FROM convenant WHERE employer_id = ? ORDER BY registered_at DESC""").param(id).query().listOfRows().stream().map(DossierController::local).toList());
    model.addAttribute("audits", jdbc.sql("""
            SELECT a.id, a.status, a.requested_at, a.requested_by, a.planned_date, a.auditor, a.workforce_size, a.target_group_employees,
                   a.extra_workplaces, a.work_experience_places, a.social_purchasing_euros, a.findings, a.performed_by, a.criteria_outcome,
                   a.criteria_reason, a.criteria_version, a.final_outcome, a.committee_reason, a.decided_by, a.decided_on,
                   k.number AS renewal_of
            FROM audit a LEFT JOIN keurmerk k ON k.id = a.renewal_of_keurmerk_id WHERE a.employer_id = ? ORDER BY a.requested_at DESC""")
        .param(id).query().listOfRows().stream().map(DossierController::local).toList());
    List<Map<String, Object>> keurmerken = new ArrayList<>();
    for (var keurmerk : jdbc.sql("SELECT id, number, valid_from, valid_until, status FROM keurmerk WHERE employer_id = ? ORDER BY valid_from DESC")
        .param(id).query().listOfRows().stream().map(DossierController::local).toList()) {
      var withHistory = new java.util.LinkedHashMap<>(keurmerk);
      withHistory.put("history", jdbc.sql("SELECT status, reason, changed_at FROM keurmerk_status_change WHERE keurmerk_id = ? ORDER BY changed_at DESC, id DESC")
          .param(keurmerk.get("id")).query().listOfRows().stream().map(DossierController::local).toList());
      keurmerken.add(withHistory);
    }
    model.addAttribute("keurmerken", keurmerken);
    model.addAttribute("mails", jdbc.sql("""
            SELECT c.id, c.created_at, c.sent_at, c.recipient, c.subject, c.status, c.last_error FROM correspondence c
            WHERE (c.concerns_type = 'CONVENANT' AND c.concerns_id IN (SELECT id FROM convenant WHERE employer_id = ?))
               OR (c.concerns_type = 'AUDIT' AND c.concerns_id IN (SELECT id FROM audit WHERE employer_id = ?))
               OR (c.concerns_type = 'KEURMERK' AND c.concerns_id IN (SELECT id FROM keurmerk WHERE employer_id = ?))
            ORDER BY c.created_at DESC, c.id DESC""").params(id, id, id).query().listOfRows().stream().map(DossierController::local).toList());
    String businessKey = (String) employer.get(0).get("kvk_number");
    model.addAttribute("openTasks", tasks.createTaskQuery().processInstanceBusinessKey(businessKey).orderByTaskCreateTime().desc().list());
    model.addAttribute("runningInstances", runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list());
    return "dossier/employer";
  }

  /** Dates and moments as the page shows them, whichever type the database driver gives: Amsterdam local time. */
  private static Map<String, Object> local(Map<String, Object> row) {
    var result = new java.util.LinkedHashMap<String, Object>();
    row.forEach((column, value) -> {
      var zone = nl.werkpact.keurmerk.engine.EngineClock.AMSTERDAM;
      if (value instanceof java.sql.Timestamp timestamp) {
        value = timestamp.toInstant().atZone(zone).toLocalDateTime();
      } else if (value instanceof java.time.OffsetDateTime moment) {
        value = moment.atZoneSameInstant(zone).toLocalDateTime();
      } else if (value instanceof java.sql.Date date) {
        value = date.toLocalDate();
      }
      result.put(column.toLowerCase(java.util.Locale.ROOT), value);
    });
    return result;
  }

  /** Nothing for anonymous callers (401) and other roles (403); empty when the caller may read dossiers. */
  private Optional<String> refusal(HttpServletRequest request, HttpServletResponse response) {
    List<String> groups = groupsOfCaller(request);
    if (groups == null) {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Basic realm=\"Werkpact Keurmerk\"");
      return Optional.of("dossier/login");
    }
    if (groups.stream().noneMatch(MAY_READ::contains)) {
      response.setStatus(403);
      return Optional.of("dossier/forbidden");
    }
    return Optional.empty();
  }

  /** The groups of the user logged in to Tasklist in this browser, or of the HTTP Basic login; null when neither. */
  private List<String> groupsOfCaller(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session != null) {
      var auths = AuthenticationUtil.getAuthsFromSession(session);
      var auth = auths == null ? null : auths.getAuthenticationForProcessEngine("default");
      if (auth instanceof org.camunda.bpm.webapp.impl.security.auth.UserAuthentication user && user.getGroupIds() != null) {
        return user.getGroupIds();
      }
    }
    String[] credentials = nl.werkpact.keurmerk.engine.BasicCredentials.of(request.getHeader("Authorization"));
    if (credentials != null && identity.checkPassword(credentials[0], credentials[1])) {
      return identity.createGroupQuery().groupMember(credentials[0]).list().stream().map(Group::getId).toList();
    }
    return null;
  }
}
