package nl.werkpact.keurmerk.demo;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.SigningOutcome;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.golive.DemoSignatories;
import nl.werkpact.keurmerk.golive.GoLiveImport;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.identity.RegionTenants;
import nl.werkpact.keurmerk.models.RegionOnboarding;
import nl.werkpact.keurmerk.models.RegionTenant;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Local profile only: a demo user per role (password {@code demo}) and demo employers at different
 * stages, so Tasklist is not empty on first start. Runs once per database: it does nothing when the
 * demo employers already exist.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "werkpact.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoSetup {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);
  static final String DEMO_PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, String group) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("anna", "Anna", "de Vries", Groups.ACCOUNTMANAGERS),
          new DemoUser("bram", "Bram", "Jansen", Groups.AUDITORS),
          new DemoUser("carla", "Carla", "Bakker", Groups.AUDITORS),
          new DemoUser("dirk", "Dirk", "Visser", Groups.KEURMERKCOMMISSIE),
          new DemoUser("eva", "Eva", "Mulder", Groups.KEURMERKCOMMISSIE),
          new DemoUser("petra", "Petra", "Smit", Groups.PROCESBEHEERDERS),
          new DemoUser("lotte", "Lotte", "Hendriks", Groups.NATIONAL));

  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final EmployerService employers;
  private final Clock clock;
  private final GoLiveImport goLiveImport;
  private final DemoHistory history;
  private final RegionTenants regionTenants;
  private final Regions regions;
  private final RegionOnboarding onboarding;
  private final RepositoryService repository;

  DemoSetup(
      IdentityService identity,
      RuntimeService runtime,
      TaskService tasks,
      EmployerService employers,
      Clock clock,
      GoLiveImport goLiveImport,
      DemoHistory history,
      RegionTenants regionTenants,
      Regions regions,
      RegionOnboarding onboarding,
      RepositoryService repository) {
    this.onboarding = onboarding;
    this.repository = repository;
    this.regionTenants = regionTenants;
    this.regions = regions;
    this.goLiveImport = goLiveImport;
    this.history = history;
    this.identity = identity;
    this.runtime = runtime;
    this.tasks = tasks;
    this.employers = employers;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void setUp() {
    RegionScope.run(regions.firstCode(), this::setUpFirstRegion);
    setUpSecondRegion();
  }

  /** The second region of the demo, so a newcomer sees the separation. */
  static final String SECOND_REGION = "westland";

  /** Its staff: an accountmanager and a procesbeheerder of MVO Westland, who see nothing of MVS. */
  static final List<DemoUser> SECOND_REGION_USERS =
      List.of(
          new DemoUser("wim", "Wim", "van der Kooij", Groups.ACCOUNTMANAGERS),
          new DemoUser("wendy", "Wendy", "Koppenol", Groups.PROCESBEHEERDERS));

  /**
   * MVO Westland, made as an admin makes a region (its models copied from MVS), with its own rule: at least 5 % of
   * staff from the target group, or buying from the social workshop; two intents of its employers.
   */
  private void setUpSecondRegion() {
    if (regions.find(SECOND_REGION).isEmpty()) {
      LOG.info("Creating the demo's second region, MVO Westland");
      onboarding.create(
          new RegionOnboarding.NewRegion(
              SECOND_REGION,
              "MVO Westland",
              "WL",
              List.of("Westland"),
              "MVO Westland <keurmerk@mvowestland.example>",
              "Werkgeversservicepunt Westland",
              "0174 000 000",
              "wsp@westland.example",
              null,
              "het netwerk van MVO Westland"),
          regions.firstCode());
      try (var criteria =
          new ClassPathResource("demo/westland/KeurmerkCriteria.dmn").getInputStream()) {
        repository
            .createDeployment()
            .name("KeurmerkCriteria (MVO Westland)")
            .source("MVO Westland")
            .tenantId(SECOND_REGION)
            .addInputStream("KeurmerkCriteria.dmn", criteria)
            .deploy();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    createUsers(SECOND_REGION_USERS, SECOND_REGION);
    RegionScope.run(
        SECOND_REGION,
        () -> {
          if (employers.findByKvkNumber("91000001").isPresent()) {
            return;
          }
          actAs("wim");
          try {
            startConvenant(
                "Kwekerij De Glazen Stad",
                "91000001",
                "Zwethlaan 12, 2675 LN Honselersdijk",
                "Westland",
                "Ingrid van Dijk",
                "ingrid@glazenstad.example");
            startConvenant(
                "Tomatenhandel Naaldwijk",
                "91000002",
                "Middel Broekweg 5, 2671 NX Naaldwijk",
                "Westland",
                "Kees Vreugdenhil",
                "kees@tomatenhandel.example");
          } finally {
            identity.clearAuthentication();
          }
        });
  }

  private void setUpFirstRegion() {
    createUsers();
    importSignatories();
    if (employers.findByKvkNumber("90000001").isPresent()) {
      return;
    }
    LOG.info("Creating demo employers and convenants");
    actAs("anna");
    try {
      startConvenant(
          "Bakkerij De Korenschoof",
          "90000001",
          "Hoogstraat 12, 3142 EA",
          "Maassluis",
          "Joke Verbeek",
          "joke@korenschoof.example");
      startConvenant(
          "Van Dijk & Zn. <Installatietechniek>",
          "90000005",
          "Industrieweg 4, 3133 KD",
          "Vlaardingen",
          "Henk van Dijk",
          "henk@vandijk-installatie.example");
      String atSigning =
          startConvenant(
              "Havenlogistiek Vlaardingen B.V.",
              "90000002",
              "Koningin Wilhelminahaven 21, 3134 KG",
              "Vlaardingen",
              "Samira El Amrani",
              "s.elamrani@havenlogistiek.example");
      completeIntake(
          atSigning,
          "Gesprek met directie: wil drie leerwerkplekken in het magazijn openstellen.",
          3);
      String signed =
          startConvenant(
              "Groenvoorziening Schiedam",
              "90000003",
              "Nieuwlandplein 7, 3118 AB",
              "Schiedam",
              "Peter de Groot",
              "info@groen-schiedam.example");
      completeIntake(
          signed,
          "Werkt al met een groenploeg vanuit het sociaal werkbedrijf; wil dat uitbreiden.",
          5);
      completeSigning(
          signed,
          Map.of(
              Vars.SIGNING_OUTCOME,
              SigningOutcome.SIGNED.name(),
              Vars.SIGNED_DATE,
              today().toString(),
              Vars.SIGNED_BY,
              "Peter de Groot, directeur"));
      String withdrawn =
          startConvenant(
              "Drukkerij Het Anker",
              "90000004",
              "Havenstraat 3, 3143 BL",
              "Maassluis",
              "Marco Jansen",
              "marco@hetanker.example");
      completeIntake(withdrawn, "Twijfelt of er werk geschikt te maken is.", 0);
      completeSigning(
          withdrawn,
          Map.of(
              Vars.SIGNING_OUTCOME,
              SigningOutcome.WITHDRAWN.name(),
              Vars.WITHDRAWAL_REASON,
              "Reorganisatie; komt er volgend jaar op terug."));
      signedConvenant(
          "Schoonmaakbedrijf Stralend Schoon",
          "90000006",
          "Westlandseweg 40, 3131 HT",
          "Vlaardingen",
          "Ilse Kok",
          "ilse@stralendschoon.example");
      signedConvenant(
          "Restaurant De Waterkant",
          "90000007",
          "Buitenhaven 9, 3111 BC",
          "Schiedam",
          "Youssef Haddad",
          "youssef@dewaterkant.example");

      // Audits waiting in each of the three user tasks: planning, performing, committee decision.
      requestAudit("90000003");
      String toPerform = requestAudit("90000006");
      String toDecide = requestAudit("90000007");
      actAs("bram");
      complete(
          toPerform,
          KeurmerkAuditProcess.Elements.TASK_PLAN_AUDIT,
          Map.of(
              KeurmerkAuditProcess.Vars.AUDIT_DATE,
              today().toString(),
              KeurmerkAuditProcess.Vars.AUDITOR,
              "bram"));
      complete(
          toDecide,
          KeurmerkAuditProcess.Elements.TASK_PLAN_AUDIT,
          Map.of(
              KeurmerkAuditProcess.Vars.AUDIT_DATE,
              today().toString(),
              KeurmerkAuditProcess.Vars.AUDITOR,
              "bram"));
      complete(
          toDecide,
          KeurmerkAuditProcess.Elements.TASK_PERFORM_AUDIT,
          Map.of(
              KeurmerkAuditProcess.Vars.WORKFORCE_SIZE,
              35,
              KeurmerkAuditProcess.Vars.TARGET_GROUP_EMPLOYEES,
              2,
              KeurmerkAuditProcess.Vars.EXTRA_WORKPLACES,
              1,
              KeurmerkAuditProcess.Vars.WORK_EXPERIENCE_PLACES,
              3,
              KeurmerkAuditProcess.Vars.SOCIAL_PURCHASING_EUROS,
              2500,
              KeurmerkAuditProcess.Vars.FINDINGS,
              "Drie leerwerkplekken in de keuken; één medewerker uit de doelgroep vast in dienst genomen.",
              KeurmerkAuditProcess.Vars.SOCIAL_WORKSHOPS,
              "Stroomopwaarts (catering en schoonmaak)",
              KeurmerkAuditProcess.Vars.PERMANENT_CONTRACTS,
              1,
              KeurmerkAuditProcess.Vars.SNUFFELSTAGES,
              6));
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * The Werkpact as it stands at go-live, shaped like the one in the news (about fifty signatories in Maassluis,
   * Vlaardingen and Schiedam, 36 of them keurmerkhouder with staggered dates), brought in by the go-live import from
   * {@code demo/werkgevers.csv} with its keurmerk dates moved to today, and the holders' earlier periods ({@link
   * DemoHistory}): the register, the dossier and the dashboard have something to show on first start, for every year.
   */
  private void importSignatories() {
    if (employers.findByKvkNumber("91000001").isPresent()) {
      return;
    }
    String file = DemoSignatories.asOf(LocalDate.now(clock));
    var report = goLiveImport.run(new StringReader(file), true, GoLiveImport.Progress.NONE);
    LOG.info("Demo signatories and keurmerkhouders: {}", report.totals());
    LOG.info("Demo history: {} earlier keurmerk periods", history.addEarlierPeriods(file));
  }

  private void signedConvenant(
      String name, String kvk, String address, String municipality, String contact, String email) {
    String id = startConvenant(name, kvk, address, municipality, contact, email);
    completeIntake(id, "Wil structureel werkplekken bieden aan mensen uit de doelgroep.", 2);
    completeSigning(
        id,
        Map.of(
            Vars.SIGNING_OUTCOME,
            SigningOutcome.SIGNED.name(),
            Vars.SIGNED_DATE,
            today().toString(),
            Vars.SIGNED_BY,
            contact));
  }

  private String requestAudit(String kvk) {
    return RegionTenant.inThisRegion(
            runtime.createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED))
        .processInstanceBusinessKey(kvk)
        .setVariable(KeurmerkAuditProcess.Vars.KVK_NUMBER, kvk)
        .correlateStartMessage()
        .getId();
  }

  /** Acts as this demo user, with its groups, so the demo goes through the same authorization checks as a person. */
  private void actAs(String userId) {
    identity.clearAuthentication(); // the group query itself must not run as the previous demo user
    var groups =
        identity.createGroupQuery().groupMember(userId).list().stream()
            .map(g -> g.getId())
            .toList();
    var tenants =
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(t -> t.getId())
            .toList();
    identity.setAuthentication(userId, groups, tenants);
  }

  private void createUsers() {
    createUsers(USERS, regions.firstCode());
  }

  private void createUsers(List<DemoUser> users, String region) {
    for (DemoUser demo : users) {
      if (identity.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      var user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@werkpact.example");
      user.setPassword(DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(demo.id(), demo.group());
      if (!Groups.isNational(List.of(demo.group()))) {
        regionTenants.addMember(demo.id(), region);
      }
    }
  }

  private String startConvenant(
      String name, String kvk, String address, String municipality, String contact, String email) {
    return runtime
        .createProcessInstanceByKey(ConvenantProcess.PROCESS_KEY)
        .processDefinitionTenantId(RegionScope.region().orElseGet(regions::firstCode))
        .setVariables(
            Map.of(
                Vars.EMPLOYER_NAME,
                name,
                Vars.KVK_NUMBER,
                kvk,
                Vars.ADDRESS,
                address,
                Vars.MUNICIPALITY,
                municipality,
                Vars.CONTACT_PERSON,
                contact,
                Vars.CONTACT_EMAIL,
                email))
        .execute()
        .getId();
  }

  private void completeIntake(String processInstanceId, String notes, int intendedWorkplaces) {
    complete(
        processInstanceId,
        Elements.TASK_INTAKE,
        Map.of(
            Vars.INTAKE_DATE,
            today().toString(),
            Vars.INTAKE_NOTES,
            notes,
            Vars.INTENDED_WORKPLACES,
            intendedWorkplaces));
  }

  private void completeSigning(String processInstanceId, Map<String, Object> variables) {
    complete(processInstanceId, Elements.TASK_RECORD_SIGNING, variables);
  }

  private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    var task =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .singleResult();
    tasks.complete(task.getId(), variables);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
