package nl.werkpact.keurmerk.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.werkpact.keurmerk.audit.AuditOutcome;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.audit.AuditStatus;
import nl.werkpact.keurmerk.audit.process.EmployerFigures;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.audit.process.OnlineRenewals;
import nl.werkpact.keurmerk.certificate.Certificates;
import nl.werkpact.keurmerk.common.ConflictException;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.convenant.ContactProposals;
import nl.werkpact.keurmerk.convenant.ConvenantStatus;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLinks;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.mail.CorrespondenceStatus;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.web.CrossSite;
import nl.werkpact.keurmerk.web.LinkPages;
import nl.werkpact.keurmerk.web.PageHeaders;
import nl.werkpact.keurmerk.web.RequestThrottle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Mijn keurmerk ({@code /mijn-keurmerk}): the employer's own way in, without a password. It asks for a link by e-mail,
 * signs in with it, and then sees its convenant, audits with their outcome and reasons, keurmerken with their status,
 * certificate and badge, and the e-mails it was sent; it asks for the renewal audit (the reminder's link leads here)
 * and proposes new contact data. Everything is read and changed by the employer of the session, never by a number
 * in the address; every form is refused from another site and carries the session's token. No JavaScript.
 */
@Controller
class PortalController {

  static final String PATH = "/mijn-keurmerk";

  private final EmployerSignIns signIns;
  private final OwnRecords records;
  private final AuditService audits;
  private final OnlineRenewals renewals;
  private final ContactProposals proposals;
  private final EmployerFigures figures;
  private final Certificates certificates;
  private final KeurmerkLinks links;
  private final Clock clock;

  PortalController(
      EmployerSignIns signIns,
      OwnRecords records,
      AuditService audits,
      OnlineRenewals renewals,
      ContactProposals proposals,
      EmployerFigures figures,
      Certificates certificates,
      KeurmerkLinks links,
      Clock clock) {
    this.signIns = signIns;
    this.records = records;
    this.audits = audits;
    this.renewals = renewals;
    this.proposals = proposals;
    this.figures = figures;
    this.certificates = certificates;
    this.links = links;
    this.clock = clock;
  }

  @Bean
  static FilterRegistrationBean<PageHeaders> portalPageSecurityHeaders() {
    return PageHeaders.on("portal-page-security-headers", "no-store", PATH, PATH + "/*");
  }

  /** Signed in: the employer's page; otherwise the form that asks for a link (the KvK number filled in if given). */
  @GetMapping(PATH)
  String page(
      @RequestParam(name = "kvk", required = false) String kvk,
      HttpServletRequest request,
      Model model) {
    var session = EmployerSession.of(request, clock);
    if (session.isEmpty()) {
      model.addAttribute("kvk", kvk != null && kvk.matches("[0-9]{8}") ? kvk : "");
      return "portal/sign-in";
    }
    return own(session.get(), model, null, null, null);
  }

  @PostMapping(PATH + "/inloggen")
  String requestLink(
      @RequestParam(name = "kvk", required = false) String kvk,
      @RequestParam(name = "email", required = false) String email,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("kvk", kvk == null ? "" : cut(kvk, 20));
    model.addAttribute("email", email == null ? "" : cut(email, 254));
    if (CrossSite.posted(request)) {
      response.setStatus(403);
      model.addAttribute("problem", "Inloggen kan alleen met het formulier op deze pagina.");
      return "portal/sign-in";
    }
    try {
      signIns.request(cut(kvk, 20), cut(email, 255), request.getRemoteAddr());
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      model.addAttribute("problem", String.join(" ", e.problems()));
      return "portal/sign-in";
    } catch (RequestThrottle.TooMany e) {
      response.setStatus(429);
      model.addAttribute(
          "problem",
          "Er is net al een paar keer om een link gevraagd. Probeer het over een uur opnieuw, of bel het"
              + " Werkgeversservicepunt.");
      return "portal/sign-in";
    }
    model.addAttribute(
        "done",
        "Als dit KvK-nummer en dit e-mailadres bij ons bekend zijn, krijgt u binnen een paar minuten een e-mail"
            + " met een link om in te loggen. De link werkt "
            + EmployerSignIns.VALID.toMinutes()
            + " minuten en maar één keer. Geen e-mail gekregen? Kijk ook bij de ongewenste e-mail, of vraag uw"
            + " accountmanager welk e-mailadres wij van u hebben.");
    model.addAttribute("email", "");
    return "portal/sign-in";
  }

  /** The page the e-mail's link opens: a button that signs in, so a mail scanner that opens links uses nothing. */
  @GetMapping(PATH + "/link")
  String linkPage(
      @RequestParam(name = "code", required = false) String code,
      HttpServletResponse response,
      Model model) {
    return LinkPages.button(signIns.pending(code), code, UNUSABLE, "portal/link", response, model);
  }

  @PostMapping(PATH + "/link")
  String signIn(
      @RequestParam(name = "code", required = false) String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (CrossSite.posted(request)) {
      response.setStatus(403);
      model.addAttribute("message", "Inloggen kan alleen met de knop op onze pagina.");
      return "portal/link";
    }
    var signedIn = signIns.signIn(code);
    if (signedIn.isEmpty()) {
      response.setStatus(410);
      model.addAttribute("message", UNUSABLE);
      return "portal/link";
    }
    EmployerSession.start(request, signedIn.get(), clock);
    return "redirect:" + PATH;
  }

  @PostMapping(PATH + "/uitloggen")
  String signOut(HttpServletRequest request, Model model) {
    if (CrossSite.posted(request)) {
      // another site cannot sign the employer out either
      return "redirect:" + PATH;
    }
    EmployerSession.end(request);
    model.addAttribute("kvk", "");
    model.addAttribute("done", "U bent uitgelogd.");
    return "portal/sign-in";
  }

  @PostMapping(PATH + "/verlengen")
  String renew(
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return changing(
        request,
        response,
        model,
        token,
        null,
        session -> {
          renewals.request(session.employerId(), session.regionCode());
          return "U hebt de verlengingsaudit aangevraagd. Een auditor neemt contact met u op om een datum af te"
              + " spreken; uw accountmanager weet ervan.";
        });
  }

  @PostMapping(PATH + "/contactgegevens")
  String proposeContact(
      @RequestParam(name = "token", required = false) String token,
      @RequestParam(name = "contactpersoon", required = false) String person,
      @RequestParam(name = "email", required = false) String email,
      @RequestParam(name = "telefoon", required = false) String phone,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String[] typed = {cut(person, 201), cut(email, 255), cut(phone, 31)};
    return changing(
        request,
        response,
        model,
        token,
        typed,
        session -> {
          RegionScope.run(
              session.regionCode(),
              () -> proposals.propose(session.employerId(), typed[0], typed[1], typed[2]));
          return "Dank u. Uw accountmanager bekijkt de nieuwe contactgegevens; tot dan gebruiken wij de oude.";
        });
  }

  /**
   * The figures and activities the employer prepares for its planned audit: a draft the auditor sees in Audit
   * uitvoeren, corrects and confirms; refused (409) once the audit is performed or when none is planned.
   */
  @PostMapping(PATH + "/cijfers")
  String prepareFigures(
      @RequestParam(name = "token", required = false) String token,
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (String field : FIGURE_FIELDS) {
      typed.put(field, cut(form.get(field), 21));
    }
    String activities = cut(form.get("activiteiten"), 4001);
    model.addAttribute("figuresTyped", typed);
    model.addAttribute("activitiesTyped", activities);
    return changing(
        request,
        response,
        model,
        token,
        null,
        session -> {
          figures.save(session.employerId(), session.regionCode(), typed, activities);
          model.addAttribute("figuresTyped", null);
          model.addAttribute("activitiesTyped", null);
          return "Dank u. De auditor ziet uw cijfers bij de audit, controleert ze en stelt ze vast.";
        });
  }

  /** The audit form's fields the employer fills, by their variable names, in the form's order. */
  static final java.util.List<String> FIGURE_FIELDS = figureFields();

  private static java.util.List<String> figureFields() {
    java.util.List<String> fields =
        new java.util.ArrayList<>(EmployerFigures.WHOLE_NUMBERS.keySet());
    fields.add(4, KeurmerkAuditProcess.Vars.SOCIAL_PURCHASING_EUROS);
    fields.add(5, KeurmerkAuditProcess.Vars.SOCIAL_WORKSHOPS);
    return java.util.List.copyOf(fields);
  }

  /** The certificate of one of the signed-in employer's own keurmerken that is valid today, as a PDF. */
  @GetMapping(PATH + "/certificaat/{number}")
  Object certificate(
      @PathVariable("number") String number,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var session = EmployerSession.of(request, clock);
    if (session.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("kvk", "");
      model.addAttribute("problem", "Log eerst in om uw certificaat te downloaden.");
      return "portal/sign-in";
    }
    Optional<byte[]> pdf =
        RegionScope.in(
            session.get().regionCode(),
            () ->
                records.owns(session.get().employerId(), number)
                    ? certificates.forNumber(number, false)
                    : Optional.<byte[]>empty());
    if (pdf.isEmpty()) {
      response.setStatus(404);
      return own(
          session.get(),
          model,
          null,
          "Er is geen geldig keurmerk met dit nummer op uw naam; een certificaat is er alleen voor een keurmerk"
              + " dat nu geldig is.",
          null);
    }
    return Certificates.download(pdf.get(), number, false);
  }

  /**
   * A change by the signed-in employer: refused without a session, from another site or without the page's token;
   * then the change, whose answer is the page with its Dutch confirmation, or with the refusal (409 for a conflict,
   * 400 for what the employer can fix) and what it typed.
   */
  private String changing(
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      String token,
      String[] typedContact,
      java.util.function.Function<EmployerSession, String> change) {
    var session = EmployerSession.of(request, clock);
    if (session.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("kvk", "");
      model.addAttribute(
          "problem", "U bent niet (meer) ingelogd. Vraag hieronder een nieuwe link aan.");
      return "portal/sign-in";
    }
    if (CrossSite.posted(request) || !session.get().tokenMatches(token)) {
      response.setStatus(403);
      return own(
          session.get(),
          model,
          null,
          "Dit formulier kwam niet van deze pagina. Er is niets gewijzigd; probeer het hier opnieuw.",
          null);
    }
    try {
      return own(session.get(), model, change.apply(session.get()), null, null);
    } catch (ConflictException e) {
      response.setStatus(409);
      return own(session.get(), model, null, String.join(" ", e.problems()), typedContact);
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      return own(session.get(), model, null, String.join(" ", e.problems()), typedContact);
    }
  }

  private String own(
      EmployerSession session, Model model, String done, String problem, String[] typed) {
    return RegionScope.in(
        session.regionCode(), (Supplier<String>) () -> fill(session, model, done, problem, typed));
  }

  private String fill(
      EmployerSession session, Model model, String done, String problem, String[] typed) {
    long id = session.employerId();
    var employer = records.employer(id).orElseThrow();
    model.addAttribute("employer", employer);
    model.addAttribute(
        "convenants",
        records.convenants(id).stream()
            .map(
                c ->
                    row(
                        "status", ConvenantStatus.labelOf((String) c.get("status")),
                        "registered", OwnRecords.day(c.get("registered_at")),
                        "signed", OwnRecords.day(c.get("signed_date"))))
            .toList());
    model.addAttribute(
        "audits",
        records.audits(id).stream()
            .map(
                a -> {
                  String outcome = (String) a.get("final_outcome");
                  return row(
                      "kind",
                      a.get("renewal_of") == null
                          ? "Eerste audit"
                          : "Verlenging van " + a.get("renewal_of"),
                      "requested",
                      OwnRecords.day(a.get("requested_at")),
                      "planned",
                      OwnRecords.day(a.get("planned_date")),
                      "status",
                      AuditStatus.labelOf((String) a.get("status")),
                      "outcome",
                      outcome == null ? null : AuditOutcome.labelOf(outcome),
                      "reason",
                      outcome == null
                          ? null
                          : AuditService.explanationForEmployer(
                              audits.get(((Number) a.get("id")).longValue())),
                      "decided",
                      OwnRecords.day(a.get("decided_on")));
                })
            .toList());
    model.addAttribute(
        "keurmerken",
        records.keurmerken(id).stream()
            .map(
                k -> {
                  String number = (String) k.get("number");
                  boolean active = KeurmerkStatus.ACTIVE.name().equals(k.get("status"));
                  return row(
                      "number",
                      number,
                      "status",
                      KeurmerkStatus.labelOf((String) k.get("status")),
                      "from",
                      OwnRecords.day(k.get("valid_from")),
                      "until",
                      OwnRecords.day(k.get("valid_until")),
                      "active",
                      active,
                      "verification",
                      links.verificationUrl(number),
                      "badge",
                      active ? links.badgeSnippet(number) : null);
                })
            .toList());
    String renewal;
    boolean renewable;
    try {
      var keurmerk = renewals.refuseUnlessRenewable(id);
      renewable = true;
      renewal =
          "Keurmerk "
              + keurmerk.number()
              + " is geldig tot en met "
              + Dates.numeric(keurmerk.validUntil())
              + ". U kunt nu de verlengingsaudit aanvragen.";
    } catch (InvalidRequestException e) {
      renewable = false;
      renewal = String.join(" ", e.problems());
    }
    model.addAttribute("renewable", renewable);
    model.addAttribute("renewal", renewal);
    model.addAttribute(
        "mails",
        records.mails(id).stream()
            .map(
                m ->
                    row(
                        "day", OwnRecords.day(m.get("created_at")),
                        "subject", m.get("subject"),
                        "status", CorrespondenceStatus.labelOf((String) m.get("status"))))
            .toList());
    model.addAttribute("proposal", proposals.open(id).orElse(null));
    fillFigures(model, id);
    model.addAttribute(
        "typed",
        typed != null
            ? typed
            : new String[] {
              (String) employer.get("contact_person"),
              (String) employer.get("contact_email"),
              (String) employer.get("contact_phone")
            });
    model.addAttribute("token", session.formToken());
    model.addAttribute("done", done);
    model.addAttribute("problem", problem);
    return "portal/page";
  }

  @SuppressWarnings("unchecked")
  private void fillFigures(Model model, long employerId) {
    var planned = figures.openFor(employerId);
    model.addAttribute(
        "plannedAudit",
        planned
            .map(a -> a.plannedDate() == null ? "" : Dates.numeric(a.plannedDate()))
            .orElse(null));
    if (planned.isEmpty()) {
      return;
    }
    var draft = figures.draftOf(planned.get().id());
    model.addAttribute(
        "draftSaved",
        draft
            .map(d -> Dates.numeric(d.savedAt().atZoneSameInstant(Dates.AMSTERDAM).toLocalDate()))
            .orElse(null));
    Map<String, String> typed = (Map<String, String>) model.getAttribute("figuresTyped");
    String activities = (String) model.getAttribute("activitiesTyped");
    if (typed == null) {
      typed = new LinkedHashMap<>();
      if (draft.isPresent()) {
        var f = draft.get().figures();
        typed.put(KeurmerkAuditProcess.Vars.WORKFORCE_SIZE, Integer.toString(f.workforceSize()));
        typed.put(
            KeurmerkAuditProcess.Vars.TARGET_GROUP_EMPLOYEES,
            Integer.toString(f.targetGroupEmployees()));
        typed.put(
            KeurmerkAuditProcess.Vars.EXTRA_WORKPLACES, Integer.toString(f.extraWorkplaces()));
        typed.put(
            KeurmerkAuditProcess.Vars.WORK_EXPERIENCE_PLACES,
            Integer.toString(f.workExperiencePlaces()));
        typed.put(
            KeurmerkAuditProcess.Vars.SOCIAL_PURCHASING_EUROS,
            f.socialPurchasingEuros().stripTrailingZeros().toPlainString().replace('.', ','));
        typed.put(KeurmerkAuditProcess.Vars.SOCIAL_WORKSHOPS, f.socialReturn().socialWorkshops());
        for (var count : nl.werkpact.keurmerk.audit.SocialReturn.Count.values()) {
          typed.put(count.variable(), Integer.toString(f.socialReturn().count(count)));
        }
        activities = draft.get().activities();
      }
    }
    java.util.List<Map<String, Object>> fields = new java.util.ArrayList<>();
    for (String field : FIGURE_FIELDS) {
      String label =
          field.equals(KeurmerkAuditProcess.Vars.SOCIAL_PURCHASING_EUROS)
              ? EmployerFigures.AMOUNT_LABEL
              : field.equals(KeurmerkAuditProcess.Vars.SOCIAL_WORKSHOPS)
                  ? nl.werkpact.keurmerk.audit.SocialReturn.SOCIAL_WORKSHOPS_LABEL + " (mag leeg)"
                  : EmployerFigures.WHOLE_NUMBERS.get(field);
      fields.add(
          row(
              "name",
              field,
              "label",
              label,
              "value",
              typed.get(field),
              "numeric",
              !field.equals(KeurmerkAuditProcess.Vars.SOCIAL_WORKSHOPS)));
    }
    model.addAttribute("figureFields", fields);
    model.addAttribute("activities", activities);
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  private static final String UNUSABLE =
      "Deze link werkt niet meer: hij is verlopen of al gebruikt. Vraag op Mijn keurmerk een nieuwe link aan.";

  private static String cut(String value, int max) {
    return value == null ? null : value.length() > max ? value.substring(0, max) : value;
  }
}
