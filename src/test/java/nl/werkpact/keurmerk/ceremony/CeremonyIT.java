package nl.werkpact.keurmerk.ceremony;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.audit.process.KeurmerkCeremonyProcess;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.MailParts;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.StaffSession;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ceremony for several new holders on the page Uitreikingen: each holder's contact invited by e-mail with the event
 * as an iCalendar file and its accountmanager a copy, the change and the cancellation mailed with the same event (a
 * higher SEQUENCE, then METHOD:CANCEL), the record afterwards in the dossier, who hands over on the certificate, the
 * holder's Tasklist task done by the planning; bad input refused in Dutch with nothing stored or sent.
 */
class CeremonyIT extends IntegrationTest {

  private static final Pattern CEREMONY_ID = Pattern.compile("data-ceremony=\"(\\d+)\"");

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate rest;

  private Records records;
  private LocalDate today;
  private final List<Holder> holders = new ArrayList<>();

  private record Holder(String name, String kvk, String number, String email) {}

  @BeforeEach
  void threeNewHoldersOfTheAccountmanager() {
    ensureTestUsers();
    records = new Records(jdbc);
    today = LocalDate.now(Dates.AMSTERDAM);
    for (int i = 0; i < 3; i++) {
      holders.add(holder("Uitreikingbedrijf " + Unique.suffix(), today.minusDays(10 + i), null));
    }
  }

  /** A holder awarded on the day (renewing {@code renewalOf} when given), its convenant registered by ACCOUNTMANAGER. */
  private Holder holder(String name, LocalDate awarded, Long renewalOf) {
    long employer = records.employer(name, "Vlaardingen");
    records.convenant(employer, awarded.minusMonths(6), awarded.minusMonths(5));
    jdbc.sql("UPDATE convenant SET registered_by = ? WHERE employer_id = ?")
        .params(ACCOUNTMANAGER, employer)
        .update();
    long audit =
        records.audit(employer, awarded.minusMonths(1), "AWARDED", awarded, renewalOf, 1, 2, null);
    String number = "SW-2095-" + Unique.serial();
    records.keurmerk(
        employer, audit, number, awarded, awarded.plusYears(2).minusDays(1), "ACTIVE", null);
    return new Holder(name, records.kvkNumber(employer), number, records.contactEmail(employer));
  }

  private StaffSession anna() throws Exception {
    var anna = new StaffSession(baseUrl(), ACCOUNTMANAGER, PASSWORD);
    assertThat(anna.get("/uitreikingen?q=Uitreikingbedrijf").statusCode()).isEqualTo(200);
    return anna;
  }

  private HttpResponse<String> plan(StaffSession session, LocalDate day, String... numbers)
      throws Exception {
    List<String> fields =
        new ArrayList<>(
            List.of(
                "datum", Dates.numeric(day),
                "van", "16:00",
                "tot", "17:30",
                "plaats", "Stadhuis Vlaardingen, Markt 11",
                "uitreiker", "wethouder J. de Vries",
                "toelichting", "Met koffie na afloop."));
    for (String number : numbers) {
      fields.add("keurmerk");
      fields.add(number);
    }
    return session.post("/uitreikingen", fields.toArray(String[]::new));
  }

  private long ceremonyOf(String number) {
    return jdbc.sql(
            """
            SELECT c.id FROM ceremony c JOIN ceremony_holder h ON h.ceremony_id = c.id
            JOIN keurmerk k ON k.id = h.keurmerk_id WHERE k.number = ? ORDER BY c.id DESC""")
        .param(number)
        .query(Long.class)
        .list()
        .get(0);
  }

  /** The ceremony e-mails to this address whose subject starts so, once every one queued is sent. */
  private MimeMessage mailTo(String recipient, String subjectStart) throws Exception {
    awaitUntil(
        Duration.ofSeconds(60),
        () -> {
          try {
            return find(recipient, subjectStart) != null;
          } catch (Exception e) {
            return false;
          }
        });
    return find(recipient, subjectStart);
  }

  private static MimeMessage find(String recipient, String subjectStart) throws Exception {
    for (var message : SMTP.getReceivedMessages()) {
      if (message.getAllRecipients()[0].toString().equals(recipient)
          && message.getSubject().startsWith(subjectStart)) {
        return message;
      }
    }
    return null;
  }

  /** The attached uitreiking.ics, unfolded (continuation lines joined). */
  private static String calendar(MimeMessage message) throws Exception {
    var found = part(message, "uitreiking.ics");
    assertThat(found).as("uitreiking.ics attached").isNotNull();
    assertThat(found.getContentType()).startsWith("text/calendar");
    var out = new ByteArrayOutputStream();
    found.getInputStream().transferTo(out);
    return out.toString(StandardCharsets.UTF_8).replace("\r\n ", "");
  }

  private static Part part(Part part, String fileName) throws Exception {
    if (fileName.equals(part.getFileName())) {
      return part;
    }
    if (part.getContent() instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        Part found = part(multipart.getBodyPart(i), fileName);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private String dossier(String kvk) {
    var page =
        rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD).getForEntity("/dossier/" + kvk, String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return page.getBody();
  }

  @Test
  void aCeremonyForThreeHoldersInvitesEachWithACalendarFileAndTellsOfItsChangeAndCancellation()
      throws Exception {
    var anna = anna();
    LocalDate day = today.plusDays(20);
    var planned =
        plan(anna, day, holders.get(0).number(), holders.get(1).number(), holders.get(2).number());

    assertThat(planned.statusCode()).isEqualTo(200);
    assertThat(planned.body()).contains("Uitreiking gepland: 3 keurmerkhouders krijgen");
    String weekday = Dates.withWeekday(day);
    for (Holder holder : holders) {
      var invitation = mailTo(holder.email(), "Uitnodiging: uitreiking keurmerk op " + weekday);
      assertThat(MailParts.text(invitation))
          .contains(
              holder.name(),
              holder.number(),
              "Op " + weekday + ", van 16:00 tot 17:30",
              "Plaats: Stadhuis Vlaardingen, Markt 11",
              "Uitreiking door: wethouder J. de Vries",
              "Met koffie na afloop.");
      String ics = calendar(invitation);
      assertThat(ics)
          .contains(
              "METHOD:PUBLISH",
              "SEQUENCE:0",
              "STATUS:CONFIRMED",
              "SUMMARY:Uitreiking keurmerk partner in sociaal ondernemen",
              "LOCATION:Stadhuis Vlaardingen\\, Markt 11",
              "DESCRIPTION:Uitreiking door wethouder J. de Vries. Met koffie na afloop.",
              "DTSTART:"
                  + day.atTime(16, 0)
                      .atZone(Dates.AMSTERDAM)
                      .withZoneSameInstant(java.time.ZoneOffset.UTC)
                      .format(
                          java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
      var copy =
          mailTo(
              ACCOUNTMANAGER + "@werkpact.example",
              "Kopie: uitnodiging uitreiking voor " + holder.name());
      assertThat(calendar(copy)).contains("UID:" + uid(ics));
    }
    // no longer awaiting; the ceremony is listed; the dossier and the certificate know it
    String page = anna.get("/uitreikingen?q=" + holders.get(0).number()).body();
    assertThat(page).contains("Uitreiking door wethouder J. de Vries.");
    assertThat(page).doesNotContain("id=\"kies-" + holders.get(0).number() + "\"");
    assertThat(dossier(holders.get(0).kvk()))
        .contains(
            "Uitreiking keurmerk "
                + holders.get(0).number()
                + ": gepland op "
                + Dates.numeric(day)
                + ", 16:00 in Stadhuis Vlaardingen, Markt 11, door wethouder J. de Vries.");
    var certificate =
        rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD)
            .getForEntity(
                "/engine-rest/werkpact/certificaten/" + holders.get(0).number(), byte[].class);
    assertThat(certificate.getStatusCode().value()).isEqualTo(200);
    try (var document = org.apache.pdfbox.Loader.loadPDF(certificate.getBody())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
          .contains("Uitgereikt door wethouder J. de Vries");
    }

    long id = ceremonyOf(holders.get(0).number());
    var changed =
        anna.post(
            "/uitreikingen/" + id + "/wijzigen",
            "datum",
            Dates.numeric(day),
            "van",
            "15:30",
            "tot",
            "17:00",
            "plaats",
            "Raadzaal, stadhuis Vlaardingen",
            "uitreiker",
            "wethouder J. de Vries",
            "toelichting",
            "");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).contains("Uitreiking gewijzigd");
    var change = mailTo(holders.get(1).email(), "Gewijzigd: uitreiking keurmerk op " + weekday);
    assertThat(MailParts.text(change)).contains("van 15:30 tot 17:00", "Raadzaal");
    assertThat(calendar(change))
        .contains("METHOD:PUBLISH", "SEQUENCE:1", "LOCATION:Raadzaal\\, stadhuis Vlaardingen");

    var cancelled =
        anna.post("/uitreikingen/" + id + "/annuleren", "reden", "De wethouder is verhinderd.");
    assertThat(cancelled.statusCode()).isEqualTo(200);
    var cancellation = mailTo(holders.get(2).email(), "Afgelast: uitreiking keurmerk op ");
    assertThat(MailParts.text(cancellation))
        .contains("gaat niet door", "Reden: De wethouder is verhinderd.", "blijft gewoon geldig");
    String ics = calendar(cancellation);
    assertThat(ics).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:2");
    assertThat(mailTo(ACCOUNTMANAGER + "@werkpact.example", "Kopie: uitreiking afgelast voor "))
        .isNotNull();
    // awaiting again, and the dossier says what happened
    assertThat(anna.get("/uitreikingen?q=" + holders.get(2).number()).body())
        .contains("id=\"kies-" + holders.get(2).number() + "\"");
    assertThat(dossier(holders.get(2).kvk()))
        .contains("afgelast (was " + Dates.numeric(day) + "): De wethouder is verhinderd.");
  }

  private static String uid(String ics) {
    var matcher = Pattern.compile("UID:(\\S+)").matcher(ics);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  @Test
  void afterTheCeremonyWhoAttendedAndWhatWasHandedOverShowsInTheDossier() throws Exception {
    var anna = anna();
    plan(anna, today, holders.get(0).number(), holders.get(1).number());
    long id = ceremonyOf(holders.get(0).number());
    var early = anna.get("/uitreikingen?q=" + holders.get(0).number());
    assertThat(early.body()).contains("uitreikingen/" + id + "/verslag");

    var recorded =
        anna.post(
            "/uitreikingen/" + id + "/verslag",
            "aanwezig",
            holders.get(0).number(),
            "certificaat",
            holders.get(0).number(),
            "trofee",
            holders.get(0).number(),
            "certificaat",
            holders.get(1).number());

    assertThat(recorded.statusCode()).isEqualTo(200);
    assertThat(recorded.body()).contains("Verslag vastgelegd");
    assertThat(dossier(holders.get(0).kvk()))
        .contains("gehouden op " + Dates.numeric(today))
        .contains("; aanwezig, certificaat en trofee uitgereikt.");
    assertThat(dossier(holders.get(1).kvk()))
        .contains("; niet aanwezig, certificaat uitgereikt later.");
    // held: no second record, no change
    var again = anna.post("/uitreikingen/" + id + "/annuleren", "reden", "Toch niet.");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("Deze uitreiking is al gehouden");
  }

  @Test
  void aRenewalAwaitsOnlyWhenAddedAndTheHoldersTasklistTaskIsDoneByThePlanning() throws Exception {
    Holder first = holders.get(0);
    long earlier =
        jdbc.sql("SELECT id FROM keurmerk WHERE number = ?")
            .param(first.number())
            .query(Long.class)
            .single();
    Holder renewed = holder("Verlengbedrijf " + Unique.suffix(), today.minusDays(3), earlier);
    String kvk = first.kvk();
    var ceremonyProcess =
        runtime
            .createProcessInstanceByKey(KeurmerkCeremonyProcess.PROCESS_KEY)
            .processDefinitionTenantId(TestUsers.REGION)
            .businessKey(kvk)
            .setVariables(
                Map.of(
                    KeurmerkAuditProcess.Vars.KEURMERK_NUMBER, first.number(),
                    KeurmerkAuditProcess.Vars.EMPLOYER_NAME, first.name(),
                    KeurmerkAuditProcess.Vars.KVK_NUMBER, kvk))
            .execute();
    var anna = anna();

    String page = anna.get("/uitreikingen?q=Verlengbedrijf").body();
    assertThat(page.indexOf(renewed.number())).isGreaterThan(page.indexOf("Verlengde keurmerken"));
    var planned = plan(anna, today.plusDays(7), first.number(), renewed.number());

    assertThat(planned.statusCode()).isEqualTo(200);
    assertThat(tasks.createTaskQuery().processInstanceId(ceremonyProcess.getId()).count()).isZero();
    assertThat(
            runtime.createProcessInstanceQuery().processInstanceId(ceremonyProcess.getId()).count())
        .isZero();
    assertThat(
            jdbc.sql("SELECT ceremony_date FROM keurmerk WHERE number = ?")
                .param(first.number())
                .query(LocalDate.class)
                .single())
        .isEqualTo(today.plusDays(7));
    assertThat(mailTo(renewed.email(), "Uitnodiging: uitreiking keurmerk op ")).isNotNull();
  }

  @Test
  void badInputIsRefusedInDutchAndNothingIsPlannedOrSent() throws Exception {
    var anna = anna();
    long ceremonies = count("SELECT COUNT(*) FROM ceremony");
    long mails = count("SELECT COUNT(*) FROM correspondence WHERE template LIKE 'ceremony%'");

    var refused =
        anna.post(
            "/uitreikingen",
            "datum",
            "31-11-2026",
            "van",
            "16:00",
            "tot",
            "15:00",
            "plaats",
            "",
            "uitreiker",
            "wethouder",
            "keurmerk",
            holders.get(0).number());
    var nobody =
        anna.post(
            "/uitreikingen",
            "datum",
            Dates.numeric(today.plusDays(3)),
            "van",
            "16:00",
            "tot",
            "17:00",
            "plaats",
            "Stadhuis",
            "uitreiker",
            "wethouder");
    var unknown = plan(anna, today.plusDays(3), "SW-1999-9999");
    var forged =
        anna.client.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/uitreikingen"))
                .header("Authorization", anna.basic)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "datum=15-12-2099&van=16:00&tot=18:00&plaats=X&uitreiker=Y&keurmerk="
                            + holders.get(0).number()
                            + "&token=vervalst"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    TestUsers.ensure(identityService, "itceremonyauditor", PASSWORD, Groups.AUDITORS);
    var auditor = new StaffSession(baseUrl(), "itceremonyauditor", PASSWORD);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("31-11-2026 bestaat niet; november 2026 heeft 30 dagen.")
        .contains("Plaats is verplicht.")
        .contains("Eindtijd moet na de begintijd liggen.")
        .contains("value=\"wethouder\"");
    assertThat(nobody.body()).contains("Kies ten minste één keurmerkhouder voor de uitreiking.");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Keurmerk SW-1999-9999 wacht niet op een uitreiking");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(auditor.get("/uitreikingen").statusCode()).isEqualTo(403);
    assertThat(count("SELECT COUNT(*) FROM ceremony")).isEqualTo(ceremonies);
    assertThat(count("SELECT COUNT(*) FROM correspondence WHERE template LIKE 'ceremony%'"))
        .isEqualTo(mails);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
