package nl.werkpact.keurmerk.convenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import nl.werkpact.keurmerk.employer.EmployerRepository;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.mail.CorrespondenceRepository;
import nl.werkpact.keurmerk.mail.CorrespondenceStatus;
import nl.werkpact.keurmerk.support.Fixtures;
import nl.werkpact.keurmerk.support.InMemoryDatabase;
import nl.werkpact.keurmerk.support.Outboxes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvenantServiceTest {

  private static final Clock NOW = InMemoryDatabase.clockAt("2026-11-23T10:00:00Z");

  private InMemoryDatabase db;
  private ConvenantService convenants;
  private CorrespondenceRepository correspondence;

  @BeforeEach
  void setUp() {
    db = new InMemoryDatabase();
    var employers =
        new EmployerService(new EmployerRepository(db.jdbc), Fixtures.municipalities(), NOW);
    correspondence = new CorrespondenceRepository(db.jdbc);
    var outbox = Outboxes.queueOnly(db, NOW);
    convenants = new ConvenantService(new ConvenantRepository(db.jdbc), employers, outbox, NOW);
  }

  @Test
  void refusesSecondIntentForTheSameKvkNumberAndStoresNothing() {
    convenants.registerIntent(Fixtures.employer("90000001"), "anna", "pi-1");

    assertThatThrownBy(
            () -> convenants.registerIntent(Fixtures.employer("90000001"), "anna", "pi-2"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "Voor KvK-nummer 90000001 loopt al een convenant. Rond dat eerst af of trek het in.");
    assertThat(db.count("convenant")).isEqualTo(1);
  }

  @Test
  void refusesNewIntentWhenTheConvenantIsAlreadySigned() {
    long id = signedConvenant("90000001");

    assertThatThrownBy(
            () -> convenants.registerIntent(Fixtures.employer("90000001"), "anna", "pi-2"))
        .hasMessageContaining("is al een convenant getekend");
    assertThat(convenants.get(id).status()).isEqualTo(ConvenantStatus.SIGNED);
    assertThat(convenants.hasSignedConvenant("90000001")).isTrue();
  }

  @Test
  void acceptsNewIntentAfterTheEmployerWithdrew() {
    var first = convenants.registerIntent(Fixtures.employer("90000001"), "anna", "pi-1");
    convenants.recordWithdrawal(first.convenantId(), "Reorganisatie");

    var second = convenants.registerIntent(Fixtures.employer("90000001"), "anna", "pi-2");

    assertThat(second.employerId()).isEqualTo(first.employerId());
    assertThat(convenants.get(first.convenantId()).status()).isEqualTo(ConvenantStatus.WITHDRAWN);
    assertThat(convenants.hasSignedConvenant("90000001")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "KvK of 7 digits        | 1234567   | joke@korenschoof.example | KvK-nummer moet uit precies 8 cijfers bestaan.",
        "KvK with letters       | 1234567A  | joke@korenschoof.example | KvK-nummer moet uit precies 8 cijfers bestaan.",
        "e-mail without domain  | 90000001  | joke@                    | E-mailadres contactpersoon is geen geldig e-mailadres.",
        "e-mail with spaces     | 90000001  | jo ke@korenschoof.nl     | E-mailadres contactpersoon is geen geldig e-mailadres."
      })
  void refusesInvalidEmployerDetailsInDutch(
      String description, String kvk, String email, String message) {
    assertThatThrownBy(
            () ->
                convenants.registerIntent(
                    Fixtures.employerNamed("Bakkerij", kvk, email), "anna", "pi"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(message);
    assertThat(db.count("employer")).isZero();
    assertThat(db.count("convenant")).isZero();
  }

  @Test
  void refusesNameOfTenThousandCharacters() {
    var details =
        Fixtures.employerNamed("x".repeat(10_000), "90000001", "joke@korenschoof.example");

    assertThatThrownBy(() -> convenants.registerIntent(details, "anna", "pi"))
        .hasMessageContaining("Naam werkgever mag hoogstens 200 tekens lang zijn.");
    assertThat(db.count("employer")).isZero();
  }

  @Test
  void aMunicipalityIsStoredAsTheRegionListsItAndAnotherIsRefused() {
    var typed = Fixtures.employer("90000001");
    var sloppy =
        new EmployerDetails(
            typed.name(), "90000001", typed.address(), "  vlaardingen ", "Joke", "joke@x.example");

    var registration = convenants.registerIntent(sloppy, "anna", "pi-1");

    assertThat(
            db.jdbc
                .sql("SELECT municipality FROM employer WHERE id = ?")
                .param(registration.employerId())
                .query(String.class)
                .single())
        .isEqualTo("Vlaardingen");
    var elsewhere =
        new EmployerDetails(
            typed.name(), "90000002", typed.address(), "Rotterdam", "Joke", "joke@x.example");
    assertThatThrownBy(() -> convenants.registerIntent(elsewhere, "anna", "pi-2"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(
            "Gemeente \"Rotterdam\" hoort niet bij deze regio; kies Maassluis, Vlaardingen of Schiedam.");
    assertThat(db.count("employer")).isEqualTo(1);
  }

  @Test
  void listsEveryMissingFieldAtOnce() {
    var empty = new EmployerDetails(" ", "", null, "", "", "");

    assertThatThrownBy(() -> convenants.registerIntent(empty, "anna", "pi"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "Naam werkgever is verplicht.",
                        "KvK-nummer is verplicht.",
                        "Adres is verplicht.",
                        "Gemeente is verplicht.",
                        "Contactpersoon is verplicht.",
                        "E-mailadres contactpersoon is verplicht."));
  }

  @Test
  void refusesASignatureWithoutIntakeWhateverRouteLedThere() {
    var registration = convenants.registerIntent(Fixtures.employer("90000009"), "anna", "pi-9");

    assertThatThrownBy(
            () ->
                convenants.recordSigning(
                    registration.convenantId(), LocalDate.of(2026, 11, 21), "J. Verbeek", "pi-9"))
        .hasMessage(
            "Het intakegesprek is nog niet vastgelegd; een convenant wordt pas na de intake getekend.");
    assertThat(convenants.get(registration.convenantId()).status())
        .isEqualTo(ConvenantStatus.INTENT);
    assertThat(db.count("correspondence")).isZero();
  }

  @Test
  void refusesSigningDateBeforeIntakeOrInTheFuture() {
    var registration = convenants.registerIntent(Fixtures.employer("90000001"), "anna", "pi-1");
    convenants.recordIntake(
        registration.convenantId(), LocalDate.of(2026, 11, 20), "Goed gesprek", 2);

    assertThatThrownBy(
            () ->
                convenants.recordSigning(
                    registration.convenantId(), LocalDate.of(2026, 11, 19), "J. Verbeek", "pi-1"))
        .hasMessage(
            "Datum van ondertekening mag niet vóór het intakegesprek (20 november 2026) liggen.");
    assertThatThrownBy(
            () ->
                convenants.recordSigning(
                    registration.convenantId(), LocalDate.of(2026, 11, 24), "J. Verbeek", "pi-1"))
        .hasMessage("Datum van ondertekening mag niet in de toekomst liggen.");
    assertThat(convenants.get(registration.convenantId()).status())
        .isEqualTo(ConvenantStatus.INTENT);
    assertThat(db.count("correspondence")).isZero();
  }

  @Test
  void signingQueuesOneConfirmationToTheEmployerWithTheNameEscaped() {
    var details =
        Fixtures.employerNamed(
            "Van Dijk & Zn. <script>alert(1)</script>", "90000005", "henk@vandijk.example");
    var registration = convenants.registerIntent(details, "anna", "pi-1");
    convenants.recordIntake(
        registration.convenantId(), LocalDate.of(2026, 11, 20), "Goed gesprek", null);

    convenants.recordSigning(
        registration.convenantId(), LocalDate.of(2026, 11, 21), "Henk van Dijk", "pi-1");

    var mails = correspondence.findByConcerns("CONVENANT", registration.convenantId());
    assertThat(mails)
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo("henk@vandijk.example");
              assertThat(mail.status()).isEqualTo(CorrespondenceStatus.PENDING);
              assertThat(mail.subject())
                  .isEqualTo(
                      "Bevestiging: convenant Sociaal Werkpact getekend door Van Dijk & Zn. <script>alert(1)</script>");
              assertThat(mail.bodyHtml())
                  .contains("Van Dijk &amp; Zn. &lt;script&gt;alert(1)&lt;/script&gt;")
                  .doesNotContain("<script>");
              assertThat(mail.bodyText()).contains("21 november 2026");
            });
    assertThat(convenants.get(registration.convenantId()).signedBy()).isEqualTo("Henk van Dijk");
  }

  private long signedConvenant(String kvk) {
    var registration = convenants.registerIntent(Fixtures.employer(kvk), "anna", "pi-" + kvk);
    convenants.recordIntake(
        registration.convenantId(), LocalDate.of(2026, 11, 20), "Goed gesprek", 1);
    convenants.recordSigning(
        registration.convenantId(), LocalDate.of(2026, 11, 21), "J. Verbeek", "pi-" + kvk);
    return registration.convenantId();
  }
}
