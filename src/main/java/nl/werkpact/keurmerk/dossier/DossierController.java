package nl.werkpact.keurmerk.dossier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.werkpact.keurmerk.audit.AuditOutcome;
import nl.werkpact.keurmerk.audit.AuditStatus;
import nl.werkpact.keurmerk.audit.process.KeurmerkCeremonyProcess;
import nl.werkpact.keurmerk.ceremony.Ceremonies;
import nl.werkpact.keurmerk.certificate.Certificates;
import nl.werkpact.keurmerk.certificate.PrintVariant;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.convenant.Accountmanagers;
import nl.werkpact.keurmerk.convenant.ContactProposals;
import nl.werkpact.keurmerk.convenant.ConvenantStatus;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.identity.StaffNames;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLinks;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.mail.CorrespondenceStatus;
import nl.werkpact.keurmerk.models.RegionTenant;
import nl.werkpact.keurmerk.region.Regions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One page per employer for accountmanagers, the keurmerkcommissie and admins: the convenant, every audit with its
 * figures and decision, every keurmerk with its status history, every e-mail, newest first, and links into Tasklist and
 * Cockpit for what is still open; statuses in Dutch and staff by their full names. The employer's accountmanager
 * (or an admin) corrects its contact data here, with a history.
 */
@Controller
class DossierController {

  private final EmployerDossier dossiers;
  private final StaffPages staffPages;
  private final Certificates certificates;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final HistoryService history;
  private final StaffNames staffNames;
  private final Accountmanagers accountmanagers;
  private final EmployerService employers;
  private final Clock clock;
  private final Regions regions;
  private final KeurmerkLinks links;

  private final Ceremonies ceremonyEvents;
  private final ContactProposals proposals;

  DossierController(
      EmployerDossier dossiers,
      StaffPages staffPages,
      Certificates certificates,
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository,
      HistoryService history,
      StaffNames staffNames,
      Accountmanagers accountmanagers,
      EmployerService employers,
      Clock clock,
      Regions regions,
      KeurmerkLinks links,
      Ceremonies ceremonyEvents,
      ContactProposals proposals) {
    this.ceremonyEvents = ceremonyEvents;
    this.proposals = proposals;
    this.regions = regions;
    this.links = links;
    this.dossiers = dossiers;
    this.staffPages = staffPages;
    this.certificates = certificates;
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.history = history;
    this.staffNames = staffNames;
    this.accountmanagers = accountmanagers;
    this.employers = employers;
    this.clock = clock;
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
    return render(kvk, request, response, model, null, null, null);
  }

  /**
   * Contact data corrected by the employer's accountmanager or an admin: validated in Dutch (nothing stored on a
   * problem), recorded with who, when and the old and new values.
   */
  @PostMapping("/dossier/{kvk}/contactgegevens")
  String correctContact(
      @PathVariable("kvk") String kvk,
      @RequestParam(name = "contactpersoon", required = false) String person,
      @RequestParam(name = "email", required = false) String email,
      @RequestParam(name = "telefoon", required = false) String phone,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return changingContact(
        kvk,
        token,
        request,
        response,
        model,
        employerId -> {
          String user = staffPages.callerId(request);
          try {
            boolean changed = employers.correctContact(employerId, person, email, phone, user);
            return render(
                kvk,
                request,
                response,
                model,
                changed ? "De contactgegevens zijn opgeslagen." : "Er is niets gewijzigd.",
                null,
                null);
          } catch (InvalidRequestException e) {
            response.setStatus(400);
            return render(
                kvk,
                request,
                response,
                model,
                null,
                String.join(" ", e.problems()),
                new String[] {person, email, phone});
          }
        });
  }

  /**
   * A change of the employer's contact data from the dossier: the form's token checked, the employer found, and the
   * caller its accountmanager or an admin; then the change, with the employer's id.
   */
  private String changingContact(
      String kvk,
      String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      java.util.function.LongFunction<String> change) {
    Optional<String> refusal = staffPages.refusalOfForm(request, response, token, "dossier");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    var found = dossiers.employer(kvk);
    if (found.isEmpty()) {
      return render(kvk, request, response, model, null, null, null);
    }
    long employerId = ((Number) found.get().get("id")).longValue();
    if (!keepsContact(request, employerId)) {
      return notContactKeeper(request, response, found.get());
    }
    return change.apply(employerId);
  }

  /** Whether the caller is the employer's accountmanager or an admin: who changes its contact data. */
  private boolean keepsContact(HttpServletRequest request, long employerId) {
    String user = staffPages.callerId(request);
    String accountmanager =
        accountmanagers.of(employerId).map(Accountmanagers.Accountmanager::userId).orElse(null);
    return staffPages.isAdmin(request) || (accountmanager != null && accountmanager.equals(user));
  }

  private static String notContactKeeper(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> employer) {
    response.setStatus(403);
    request.setAttribute(
        "forbiddenText",
        "Alleen de accountmanager van "
            + employer.get("name")
            + " of een beheerder past de contactgegevens aan.");
    return "internal/forbidden";
  }

  /**
   * The contact data the employer proposed on Mijn keurmerk, accepted (saved as this user's correction, with its
   * history) or declined by its accountmanager or an admin.
   */
  @PostMapping("/dossier/{kvk}/contactvoorstel")
  String decideProposal(
      @PathVariable("kvk") String kvk,
      @RequestParam(name = "voorstel", required = false) Long proposalId,
      @RequestParam(name = "besluit", required = false) String decision,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return changingContact(
        kvk,
        token,
        request,
        response,
        model,
        employerId -> {
          boolean accept = "overnemen".equals(decision);
          if (proposalId == null || !(accept || "afwijzen".equals(decision))) {
            response.setStatus(400);
            return render(
                kvk, request, response, model, null, "Kies: voorstel overnemen of afwijzen.", null);
          }
          try {
            if (!proposals.decide(employerId, proposalId, accept, staffPages.callerId(request))) {
              response.setStatus(409);
              return render(
                  kvk,
                  request,
                  response,
                  model,
                  null,
                  "Over dit voorstel is al besloten, of er is een nieuwer voorstel.",
                  null);
            }
          } catch (InvalidRequestException e) {
            response.setStatus(400);
            return render(
                kvk, request, response, model, null, String.join(" ", e.problems()), null);
          }
          return render(
              kvk,
              request,
              response,
              model,
              accept
                  ? "De voorgestelde contactgegevens zijn overgenomen."
                  : "Het voorstel is afgewezen; de contactgegevens blijven zoals ze waren.",
              null,
              null);
        });
  }

  private String render(
      String kvk,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      String done,
      String problem,
      String[] typed) {
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
    long employerId = ((Number) id).longValue();
    var convenants = dossiers.convenants(id);
    var audits = dossiers.audits(id);
    var keurmerken = dossiers.keurmerken(id);
    var mails = dossiers.mails(id);
    var contactChanges = dossiers.contactChanges(id);
    String businessKey = (String) employer.get("kvk_number");
    List<Task> openTasks =
        RegionTenant.inThisRegion(tasks.createTaskQuery())
            .processInstanceBusinessKey(businessKey)
            .orderByTaskCreateTime()
            .desc()
            .list();
    var accountmanager = accountmanagers.of(employerId);

    Set<String> userIds = new HashSet<>();
    convenants.forEach(c -> userIds.add((String) c.get("registered_by")));
    audits.forEach(
        a -> {
          userIds.add((String) a.get("requested_by"));
          userIds.add((String) a.get("auditor"));
          userIds.add((String) a.get("performed_by"));
          userIds.add((String) a.get("decided_by"));
        });
    openTasks.forEach(t -> userIds.add(t.getAssignee()));
    contactChanges.forEach(c -> userIds.add((String) c.get("changed_by")));

    model.addAttribute("employer", employer);
    model.addAttribute("convenants", labelled(convenants, ConvenantStatus::labelOf));
    model.addAttribute(
        "audits",
        audits.stream()
            .map(
                a -> {
                  var row = new LinkedHashMap<>(a);
                  row.put("status", AuditStatus.labelOf((String) a.get("status")));
                  row.put(
                      "criteria_outcome",
                      a.get("criteria_outcome") == null
                          ? null
                          : AuditOutcome.labelOf((String) a.get("criteria_outcome")));
                  row.put(
                      "final_outcome",
                      a.get("final_outcome") == null
                          ? null
                          : AuditOutcome.labelOf((String) a.get("final_outcome")));
                  return (Map<String, Object>) row;
                })
            .toList());
    model.addAttribute(
        "keurmerken",
        keurmerken.stream()
            .map(
                k -> {
                  var row = new LinkedHashMap<>(k);
                  row.put("status", KeurmerkStatus.labelOf((String) k.get("status")));
                  @SuppressWarnings("unchecked")
                  var history = (List<Map<String, Object>>) k.get("history");
                  row.put("history", labelled(history, KeurmerkStatus::labelOf));
                  row.put("badge_snippet", links.badgeSnippet((String) k.get("number")));
                  return (Map<String, Object>) row;
                })
            .toList());
    model.addAttribute("mails", labelled(mails, CorrespondenceStatus::labelOf));
    model.addAttribute("openTasks", openTasks);
    model.addAttribute("runningProcesses", runningProcesses(businessKey));
    model.addAttribute("names", staffNames.of(userIds));
    model.addAttribute(
        "accountmanager", accountmanager.map(Accountmanagers.Accountmanager::name).orElse(null));
    model.addAttribute("memberships", memberships(id));
    model.addAttribute(
        "ceremonies",
        ceremonies(businessKey, ceremonyEvents.dossierLines(((Number) id).longValue())));
    model.addAttribute("contactChanges", contactChanges);
    model.addAttribute("proposal", proposals.open(employerId).orElse(null));
    String user = staffPages.callerId(request);
    model.addAttribute(
        "mayCorrectContact",
        staffPages.isAdmin(request)
            || accountmanager.map(a -> a.userId().equals(user)).orElse(false));
    model.addAttribute(
        "typed",
        typed != null
            ? typed
            : new String[] {
              (String) employer.get("contact_person"),
              (String) employer.get("contact_email"),
              (String) employer.get("contact_phone")
            });
    model.addAttribute("done", done);
    model.addAttribute("problem", problem);
    model.addAttribute("token", staffPages.formToken(request));
    return "dossier/employer";
  }

  private static List<Map<String, Object>> labelled(
      List<Map<String, Object>> rows, Function<String, String> label) {
    return rows.stream()
        .map(
            r -> {
              var row = new LinkedHashMap<>(r);
              row.put("status", label.apply((String) r.get("status")));
              return (Map<String, Object>) row;
            })
        .toList();
  }

  /** A running process of the employer as the dossier names it: its Dutch name and its Cockpit page. */
  record RunningProcess(String id, String name) {}

  /**
   * The employer's running processes by their Dutch names, leaving out one that only waits for a process it called
   * (the keurmerkaudit while the ceremony is planned): that called process is listed instead.
   */
  private List<RunningProcess> runningProcesses(String businessKey) {
    var instances =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list();
    Set<String> callers = new HashSet<>();
    for (var instance : instances) {
      runtime
          .createProcessInstanceQuery()
          .subProcessInstanceId(instance.getId())
          .list()
          .forEach(caller -> callers.add(caller.getId()));
    }
    Map<String, String> names = new HashMap<>();
    List<RunningProcess> result = new ArrayList<>();
    for (var instance : instances) {
      if (callers.contains(instance.getId())) {
        continue;
      }
      String name =
          names.computeIfAbsent(
              instance.getProcessDefinitionId(),
              definition -> {
                var found = repository.getProcessDefinition(definition);
                return found.getName() == null ? found.getKey() : found.getName();
              });
      result.add(new RunningProcess(instance.getId(), name));
    }
    return result;
  }

  private List<String> memberships(Object employerId) {
    LocalDate today = LocalDate.now(clock.withZone(Dates.AMSTERDAM));
    List<String> lines = new ArrayList<>();
    for (var m : dossiers.memberships(employerId)) {
      LocalDate from = (LocalDate) m.get("valid_from");
      LocalDate until = (LocalDate) m.get("valid_until");
      String period =
          "Gratis lidmaatschap van "
              + regions
                  .find((String) m.get("region_code"))
                  .map(Regions.Region::network)
                  .orElse("het netwerk")
              + " bij keurmerk "
              + m.get("number")
              + ", van "
              + Dates.numeric(from)
              + " tot en met "
              + Dates.numeric(until);
      String state =
          today.isAfter(until) ? "afgelopen" : today.isBefore(from) ? "nog niet begonnen" : "loopt";
      lines.add(period + ": " + state + ".");
    }
    return lines;
  }

  /**
   * The ceremonies of the employer's keurmerken, newest first: those of the page Uitreikingen ({@code events}, per
   * keurmerk number), then for other keurmerken what their KeurmerkCeremony process left.
   */
  private List<String> ceremonies(String businessKey, Map<String, List<String>> events) {
    LocalDate today = LocalDate.now(clock.withZone(Dates.AMSTERDAM));
    List<String> lines = new ArrayList<>();
    events.values().forEach(lines::addAll);
    for (var instance :
        RegionTenant.inThisRegion(history.createHistoricProcessInstanceQuery())
            .processDefinitionKey(KeurmerkCeremonyProcess.PROCESS_KEY)
            .processInstanceBusinessKey(businessKey)
            .orderByProcessInstanceStartTime()
            .desc()
            .list()) {
      Map<String, Object> vars = new HashMap<>();
      history
          .createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId())
          .list()
          .forEach(v -> vars.put(v.getName(), v.getValue()));
      Object number = vars.get(KeurmerkCeremonyProcess.Vars.KEURMERK_NUMBER);
      if (number != null && events.containsKey(number.toString())) {
        continue;
      }
      String of = "Uitreiking" + (number == null ? "" : " keurmerk " + number);
      LocalDate date;
      try {
        date =
            Dates.parse("Datum uitreiking", vars.get(KeurmerkCeremonyProcess.Vars.CEREMONY_DATE));
      } catch (InvalidRequestException notADate) {
        date = null;
      }
      Object location = vars.get(KeurmerkCeremonyProcess.Vars.CEREMONY_LOCATION);
      String where = location == null || location.toString().isBlank() ? "" : " in " + location;
      if (date != null) {
        lines.add(
            of
                + (date.isAfter(today) ? ": gepland op " : ": gehouden op ")
                + Dates.numeric(date)
                + where
                + ".");
      } else if (instance.getEndTime() == null) {
        lines.add(of + ": nog te plannen.");
      } else {
        lines.add(of + ": vervallen.");
      }
    }
    return lines;
  }

  /** The certificate of one of the employer's keurmerken, as attached to the award e-mail. */
  @GetMapping("/dossier/{kvk}/certificaat/{number}")
  Object certificate(
      @PathVariable("kvk") String kvk,
      @PathVariable("number") String number,
      @RequestParam(name = "drukwerk", required = false) String printShop,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    boolean print;
    try {
      print = PrintVariant.asked(printShop);
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      model.addAttribute("message", String.join(" ", e.problems()));
      return "dossier/message";
    }
    Optional<byte[]> pdf =
        dossiers.hasKeurmerk(kvk, number)
            ? certificates.forNumber(number, print)
            : Optional.empty();
    if (pdf.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("message", "Deze werkgever heeft geen keurmerk met dit nummer.");
      return "dossier/message";
    }
    return Certificates.download(pdf.get(), number, print);
  }
}
