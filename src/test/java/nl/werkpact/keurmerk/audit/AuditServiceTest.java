package nl.werkpact.keurmerk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.convenant.ConvenantRepository;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.employer.EmployerRepository;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.keurmerk.KeurmerkRepository;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.mail.CorrespondenceRepository;
import nl.werkpact.keurmerk.support.Fixtures;
import nl.werkpact.keurmerk.support.InMemoryDatabase;
import nl.werkpact.keurmerk.support.Outboxes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditServiceTest {

  private InMemoryDatabase db;
  private ConvenantService convenants;
  private AuditService audits;
  private KeurmerkService keurmerken;
  private CorrespondenceRepository correspondence;

  private void at(String isoInstant) {
    Clock clock = InMemoryDatabase.clockAt(isoInstant);
    if (db == null) {
      db = new InMemoryDatabase();
    }
    var employers =
        new EmployerService(new EmployerRepository(db.jdbc), Fixtures.municipalities(), clock);
    correspondence = new CorrespondenceRepository(db.jdbc);
    var outbox = Outboxes.queueOnly(db, clock);
    convenants = new ConvenantService(new ConvenantRepository(db.jdbc), employers, outbox, clock);
    keurmerken = new KeurmerkService(new KeurmerkRepository(db.jdbc, clock), clock);
    audits =
        new AuditService(
            new AuditRepository(db.jdbc),
            employers,
            convenants,
            keurmerken,
            outbox,
            clock,
            AuditSettings.defaults(),
            new nl.werkpact.keurmerk.keurmerk.KeurmerkLinks(
                new nl.werkpact.keurmerk.web.SiteSettings("https://keurmerk.example")));
  }

  private void signedConvenant(String kvk) {
    var registration = convenants.registerIntent(Fixtures.employer(kvk), "anna", "pi-c-" + kvk);
    convenants.recordIntake(registration.convenantId(), LocalDate.of(2026, 1, 5), "Intake", 1);
    convenants.recordSigning(
        registration.convenantId(), LocalDate.of(2026, 1, 6), "J. Verbeek", "pi-c-" + kvk);
  }

  private static final AuditFigures AWARDABLE =
      new AuditFigures(40, 3, 1, 2, BigDecimal.ZERO, "Twee stageplaatsen.", null);

  private long auditAwaitingCommittee(String kvk, AuditOutcome advice) {
    long id = audits.request(kvk, "anna", "pi-a-" + kvk, "KeurmerkCriteria:1:test").auditId();
    audits.plan(id, LocalDate.of(2026, 2, 29 - 1), "Bram Jansen");
    audits.recordFigures(id, AWARDABLE, "bram");
    audits.recordCriteria(id, advice, "reden", "KeurmerkCriteria:1:x", 1);
    return id;
  }

  @Test
  void refusesAnAuditWithoutSignedConvenantOrWhileOneRuns() {
    at("2026-03-01T10:00:00Z");
    convenants.registerIntent(Fixtures.employer("90000001"), "anna", "pi");
    assertThatThrownBy(() -> audits.request("90000001", "anna", "pi-a", "KeurmerkCriteria:1:test"))
        .hasMessage(
            "Voor KvK-nummer 90000001 is geen getekend convenant; een audit kan pas na ondertekening.");
    assertThatThrownBy(() -> audits.request("12345678", "anna", "pi-a", "KeurmerkCriteria:1:test"))
        .hasMessage("Er is geen werkgever met KvK-nummer 12345678 bekend.");

    signedConvenant("90000002");
    audits.request("90000002", "anna", "pi-a", "KeurmerkCriteria:1:test");
    assertThatThrownBy(() -> audits.request("90000002", "anna", "pi-b", "KeurmerkCriteria:1:test"))
        .hasMessage("Voor KvK-nummer 90000002 loopt al een audit.");
    assertThat(db.count("audit")).isEqualTo(1);
  }

  @Test
  void theAuditorCannotTakeTheCommitteeDecision() {
    at("2026-03-01T10:00:00Z");
    signedConvenant("90000003");
    long id = auditAwaitingCommittee("90000003", AuditOutcome.TOEKENNEN);

    assertThatThrownBy(() -> audits.decide(id, AuditOutcome.TOEKENNEN, null, "bram"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("vier-ogenprincipe");
    assertThat(audits.get(id).status()).isEqualTo(AuditStatus.AWAITING_COMMITTEE);

    audits.decide(id, AuditOutcome.TOEKENNEN, null, "dirk");
    assertThat(audits.get(id).decidedBy()).isEqualTo("dirk");
  }

  @Test
  void overrulingTheAdviceNeedsAReason() {
    at("2026-03-01T10:00:00Z");
    signedConvenant("90000004");
    long id = auditAwaitingCommittee("90000004", AuditOutcome.COMMISSIE);

    assertThatThrownBy(() -> audits.decide(id, AuditOutcome.AFWIJZEN, " ", "dirk"))
        .hasMessage(
            "Een besluit dat afwijkt van de uitkomst van de criteria (COMMISSIE) vraagt een toelichting.");
    audits.decide(id, AuditOutcome.AFWIJZEN, "Geen extra werkplek.", "dirk");
    assertThat(audits.get(id).committeeReason()).isEqualTo("Geen extra werkplek.");
  }

  @Test
  void awardCreatesNumberedKeurmerkAndMembershipAndQueuesBothMails() {
    at("2028-02-29T10:00:00Z");
    signedConvenant("90000005");
    long id = audits.request("90000005", "anna", "pi-a", "KeurmerkCriteria:1:test").auditId();
    audits.plan(id, LocalDate.of(2028, 2, 28), "Bram Jansen");
    audits.recordFigures(id, AWARDABLE, "bram");
    audits.recordCriteria(id, AuditOutcome.TOEKENNEN, "reden", "KeurmerkCriteria:1:x", 1);
    audits.decide(id, AuditOutcome.TOEKENNEN, null, "dirk");

    var keurmerk = audits.award(id, "anna@werkpact.example", "pi-a");

    assertThat(keurmerk.number()).isEqualTo("SW-2028-0001");
    assertThat(keurmerk.status()).isEqualTo(KeurmerkStatus.ACTIVE);
    assertThat(keurmerk.validFrom()).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(keurmerk.validUntil()).isEqualTo(LocalDate.of(2030, 2, 28));
    assertThat(keurmerken.membershipOf(keurmerk.id()).validUntil())
        .isEqualTo(LocalDate.of(2029, 2, 28));
    assertThat(audits.award(id, "anna@werkpact.example", "pi-a").id())
        .as("a retry creates nothing new")
        .isEqualTo(keurmerk.id());
    assertThat(correspondence.findByConcerns("AUDIT", id))
        .extracting(c -> c.recipient() + " " + c.subject())
        .containsExactly(
            "joke@korenschoof.example Gefeliciteerd: Bakkerij De Korenschoof is partner in sociaal ondernemen (keurmerk SW-2028-0001)",
            "anna@werkpact.example Keurmerk SW-2028-0001 toegekend aan Bakkerij De Korenschoof: plan de uitreiking");
    assertThat(correspondence.findByConcerns("AUDIT", id).get(0).bodyText())
        .contains("tot en met 28 februari 2030");
  }

  @Test
  void aRejectionStartsASixMonthWaitingPeriod() {
    at("2026-03-01T10:00:00Z");
    signedConvenant("90000006");
    long id = auditAwaitingCommittee("90000006", AuditOutcome.AFWIJZEN);
    audits.decide(id, AuditOutcome.AFWIJZEN, null, "dirk");
    audits.reject(id, "pi-a-90000006");

    assertThat(correspondence.findByConcerns("AUDIT", id))
        .singleElement()
        .satisfies(
            mail ->
                assertThat(mail.bodyText())
                    .contains("vanaf 1 september 2026 kunt u een nieuwe audit aanvragen"));
    at("2026-08-31T10:00:00Z");
    assertThatThrownBy(() -> audits.request("90000006", "anna", "pi-b", "KeurmerkCriteria:1:test"))
        .hasMessage(
            "De vorige audit is op 1 maart 2026 afgewezen; een nieuwe audit kan vanaf 1 september 2026 worden aangevraagd.");
    at("2026-09-01T10:00:00Z");
    assertThat(audits.request("90000006", "anna", "pi-b", "KeurmerkCriteria:1:test").auditId())
        .isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "negative target group    | 10      | -1  | 0  | 0  | 0         | Medewerkers uit de doelgroep mag niet negatief zijn.",
        "target group above total | 10      | 11  | 0  | 0  | 0         | Medewerkers uit de doelgroep kan niet meer zijn dan het totaal aantal medewerkers.",
        "workforce of zero        | 0       | 0   | 0  | 0  | 0         | Totaal aantal medewerkers moet ten minste 1 zijn.",
        "absurd workforce         | 9000000 | 0   | 0  | 0  | 0         | Totaal aantal medewerkers is onwaarschijnlijk groot (meer dan 500.000).",
        "negative purchasing      | 10      | 1   | 1  | 0  | -5        | Inkoop bij sociale werkbedrijven mag niet negatief zijn.",
        "absurd purchasing        | 10      | 1   | 1  | 0  | 999999999 | Inkoop bij sociale werkbedrijven is onwaarschijnlijk groot (meer dan 100 miljoen euro).",
        "negative extra places    | 10      | 1   | -1 | 0  | 0         | Extra werkplekken voor de doelgroep mag niet negatief zijn."
      })
  void refusesBadFiguresInDutchAndStoresNothing(
      String description,
      int workforce,
      int targetGroup,
      int extra,
      int workExperience,
      BigDecimal purchasing,
      String message) {
    at("2026-03-01T10:00:00Z");
    signedConvenant("90000007");
    long id = audits.request("90000007", "anna", "pi-a", "KeurmerkCriteria:1:test").auditId();
    audits.plan(id, LocalDate.of(2026, 2, 28), "Bram Jansen");

    assertThatThrownBy(
            () ->
                audits.recordFigures(
                    id,
                    new AuditFigures(
                        workforce, targetGroup, extra, workExperience, purchasing, "x", null),
                    "bram"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(message);
    assertThat(audits.get(id).workforceSize()).isNull();
    assertThat(audits.get(id).performedBy()).isNull();
  }

  private long plannedAudit(String kvk) {
    at("2026-03-01T10:00:00Z");
    signedConvenant(kvk);
    long id = audits.request(kvk, "anna", "pi-a-" + kvk, "KeurmerkCriteria:1:test").auditId();
    audits.plan(id, LocalDate.of(2026, 2, 28), "Bram Jansen");
    return id;
  }

  @Test
  void keepsTheSocialReturnAsCounted() {
    long id = plannedAudit("90000008");
    var socialReturn =
        new SocialReturn(
            Map.of(
                SocialReturn.Count.PERMANENT_CONTRACTS, 3,
                SocialReturn.Count.MOVED_ON, 2,
                SocialReturn.Count.TRAININGS_STARTED, 10,
                SocialReturn.Count.TRAININGS_FINISHED, 8,
                SocialReturn.Count.INTERNSHIPS, 2,
                SocialReturn.Count.SNUFFELSTAGES, 15,
                SocialReturn.Count.LESSONS_GIVEN, 4,
                SocialReturn.Count.WSP_PLACEMENTS, 51),
            "  Stroomopwaarts  ");

    audits.recordFigures(
        id,
        new AuditFigures(40, 3, 1, 2, new BigDecimal("2500.00"), "Goed.", socialReturn),
        "bram");

    var stored = audits.socialReturn(id).orElseThrow();
    assertThat(stored).isEqualTo(new SocialReturn(socialReturn.counts(), "Stroomopwaarts"));
    assertThat(stored.summary())
        .isEqualTo(
            "3 vaste contracten, 2 doorgestroomd, 10 opleidingen gestart, 8 opleidingen afgerond, 2 stages,"
                + " 15 snuffelstages, 4 gastlessen en workshops, 51 plaatsingen via het WSP;"
                + " ingekocht bij Stroomopwaarts");
  }

  @Test
  void anAuditFromBeforeTheSocialReturnHasNone() {
    long id = plannedAudit("90000009");
    assertThat(audits.socialReturn(id)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "negative count            | SNUFFELSTAGES | -1     | 2 | 0    | Pameijer | Snuffelstages mag niet negatief zijn.",
        "absurd count              | WSP_PLACEMENTS | 600000 | 2 | 0    | Pameijer | Plaatsingen via het Werkgeversservicepunt is onwaarschijnlijk groot",
        "more stages than places   | INTERNSHIPS   | 3      | 2 | 0    | Pameijer | Stages kan niet meer zijn dan werkervaringsplaatsen en stages samen.",
        "purchases without workshop | LESSONS_GIVEN | 1      | 2 | 1500 |          | Vul in bij welk sociaal werkbedrijf is ingekocht"
      })
  void refusesBadSocialReturnAndStoresNothing(
      String description,
      SocialReturn.Count count,
      int value,
      int workExperience,
      BigDecimal purchasing,
      String workshop,
      String message) {
    long id = plannedAudit("90000010");
    var socialReturn = new SocialReturn(Map.of(count, value), workshop);

    assertThatThrownBy(
            () ->
                audits.recordFigures(
                    id,
                    new AuditFigures(40, 3, 1, workExperience, purchasing, "x", socialReturn),
                    "bram"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(message);
    assertThat(audits.get(id).workforceSize()).isNull();
    assertThat(audits.socialReturn(id)).isEmpty();
  }
}
