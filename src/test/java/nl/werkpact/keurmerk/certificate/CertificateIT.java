package nl.werkpact.keurmerk.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The certificate for download: accountmanagers, the committee and admins, by keurmerk number. */
class CertificateIT extends IntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @Test
  void theCommitteeDownloadsItAndAnAuditorMayNot() {
    TestUsers.ensure(identityService, "itcertcommissie", PASSWORD, Groups.KEURMERKCOMMISSIE);
    TestUsers.ensure(identityService, "itcertauditor", PASSWORD, Groups.AUDITORS);
    String number = keurmerk();

    var pdf =
        rest.withBasicAuth("itcertcommissie", PASSWORD)
            .getForEntity("/engine-rest/werkpact/certificaten/" + number, byte[].class);
    var refused =
        rest.withBasicAuth("itcertauditor", PASSWORD)
            .getForEntity("/engine-rest/werkpact/certificaten/" + number, String.class);
    var unknown =
        rest.withBasicAuth("itcertcommissie", PASSWORD)
            .getForEntity("/engine-rest/werkpact/certificaten/SW-1999-0001", String.class);

    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(pdf.getHeaders().getFirst("Content-Disposition"))
        .contains("keurmerk-" + number + ".pdf");
    assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("Er is geen keurmerk met nummer SW-1999-0001");
  }

  @Test
  void thePrintShopsVariantComesWithBleedAndItsOwnNameAndAnythingElseIsRefusedInDutch()
      throws Exception {
    TestUsers.ensure(identityService, "itcertcommissie", PASSWORD, Groups.KEURMERKCOMMISSIE);
    String number = keurmerk();
    var committee = rest.withBasicAuth("itcertcommissie", PASSWORD);

    var print =
        committee.getForEntity(
            "/engine-rest/werkpact/certificaten/" + number + "?drukwerk=ja", byte[].class);
    var wrong =
        committee.getForEntity(
            "/engine-rest/werkpact/certificaten/" + number + "?drukwerk=misschien", String.class);

    assertThat(print.getStatusCode().value()).isEqualTo(200);
    assertThat(print.getHeaders().getFirst("Content-Disposition"))
        .contains("keurmerk-" + number + "-drukwerk.pdf");
    try (var document = org.apache.pdfbox.Loader.loadPDF(print.getBody())) {
      var page = document.getPage(0);
      assertThat(page.getTrimBox().getWidth())
          .isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
      assertThat(page.getMediaBox().getWidth()).isGreaterThan(page.getTrimBox().getWidth());
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
          .contains("Keurmerknummer " + number, "Uitgegeven op");
    }
    assertThat(wrong.getStatusCode().value()).isEqualTo(400);
    assertThat(wrong.getBody()).contains("drukwerk is ja");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "WITHDRAWN, 0, ingetrokken",
    "EXPIRED, 0, verlopen",
    "ACTIVE, 800, niet geldig vandaag"
  })
  void aKeurmerkThatIsNotValidHasNoCertificate(String status, int daysAgo, String dutch) {
    TestUsers.ensure(identityService, "itcertcommissie", PASSWORD, Groups.KEURMERKCOMMISSIE);
    String number = keurmerk();
    jdbc.sql(
            "UPDATE keurmerk SET status = ?, valid_from = valid_from - ?, valid_until = valid_until - ? WHERE number = ?")
        .params(status, daysAgo, daysAgo, number)
        .update();

    var refused =
        rest.withBasicAuth("itcertcommissie", PASSWORD)
            .getForEntity("/engine-rest/werkpact/certificaten/" + number, String.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody())
        .contains("Keurmerk " + number + " is " + dutch)
        .contains("alleen voor een geldig keurmerk")
        .doesNotContain("%PDF");
  }

  private String keurmerk() {
    int n = Unique.serial();
    OffsetDateTime now = OffsetDateTime.now();
    long employer =
        jdbc.sql(
                """
            INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email, created_at, updated_at)
            VALUES (?, ?, 'Markt 1', 'Vlaardingen', 'Contact', ?, ?, ?) RETURNING id""")
            .params(
                "Certificaat BV " + n,
                "7" + n + "321",
                "cert" + n + "@certificaat.example",
                now,
                now)
            .query(Long.class)
            .single();
    long audit =
        jdbc.sql(
                "INSERT INTO audit (employer_id, status, requested_at) VALUES (?, 'AWARDED', ?) RETURNING id")
            .params(employer, now)
            .query(Long.class)
            .single();
    String number = "SW-2097-" + n;
    LocalDate from = LocalDate.now();
    jdbc.sql(
            "INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, created_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)")
        .params(number, employer, audit, from, from.plusYears(2).minusDays(1), now)
        .update();
    return number;
  }
}
