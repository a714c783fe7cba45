package nl.werkpact.keurmerk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.werkpact.keurmerk.dashboard.LeadTimes.Row;
import nl.werkpact.keurmerk.dashboard.LeadTimes.Selection;
import nl.werkpact.keurmerk.support.InMemoryDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lead times on H2, the local default (LeadTimesIT runs the same page on PostgreSQL): days counted on the
 * Amsterdam calendar, nearest-rank percentiles from the grouped counts, and the selection.
 */
class LeadTimesTest {

  private final InMemoryDatabase db = new InMemoryDatabase();
  private LeadTimes leadTimes;

  @BeforeEach
  void tables() {
    // Camunda's history table, as far as the page reads it
    db.jdbc
        .sql(
            "CREATE TABLE ACT_HI_TASKINST (NAME_ VARCHAR(255), END_TIME_ TIMESTAMP, DURATION_ BIGINT,"
                + " TENANT_ID_ VARCHAR(64))")
        .update();
    leadTimes =
        new LeadTimes(db.jdbc, db.dataSource, InMemoryDatabase.clockAt("2026-06-01T10:00:00Z"));
  }

  @Test
  void aLeadTimeCountsFromTheAmsterdamDayOfTheIntent() {
    // 23:30 UTC on 31 May is 01:30 on 1 June in Amsterdam: signed on 11 June is 10 days, not 11
    long early = employer("Vroeg B.V.", "Maassluis");
    convenant(early, OffsetDateTime.parse("2025-05-31T23:30:00Z"), LocalDate.of(2025, 6, 11));
    // 21:30 UTC on 31 May is still 31 May in Amsterdam: 11 days
    long late = employer("Laat B.V.", "Maassluis");
    convenant(late, OffsetDateTime.parse("2025-05-31T21:30:00Z"), LocalDate.of(2025, 6, 11));

    assertThat(leadTimes.figures(new Selection(null, null)).stages())
        .containsExactly(new Row("Intentie tot ondertekening", 2025, "Maassluis", 2, 10, 11));
  }

  @Test
  void percentilesPerYearAndMunicipality_andTheSelectionKeepsAllChoices() {
    for (int days : new int[] {5, 10, 15, 20, 100}) {
      long employer = employer("Schiedam " + days, "Schiedam");
      convenant(
          employer,
          OffsetDateTime.parse("2024-03-01T10:00:00Z"),
          LocalDate.of(2024, 3, 1).plusDays(days));
    }
    long other = employer("Vlaardingen 1", "Vlaardingen");
    convenant(other, OffsetDateTime.parse("2023-03-01T10:00:00Z"), LocalDate.of(2023, 3, 8));

    var all = leadTimes.figures(new Selection(null, null));
    assertThat(all.stages())
        .containsExactly(
            new Row("Intentie tot ondertekening", 2024, "Schiedam", 5, 15, 100),
            new Row("Intentie tot ondertekening", 2023, "Vlaardingen", 1, 7, 7));

    var one = leadTimes.figures(new Selection(2023, "Vlaardingen"));
    assertThat(one.stages()).extracting(Row::municipality).containsExactly("Vlaardingen");
    assertThat(one.years()).containsExactly(2024, 2023);
    assertThat(one.municipalities()).containsExactly("Schiedam", "Vlaardingen");
  }

  @Test
  void theCeremonyStageCountsFromTheDecisionToThePlannedCeremony() {
    long employer = employer("Uitreiking B.V.", "Vlaardingen");
    db.jdbc
        .sql(
            "INSERT INTO audit (employer_id, status, requested_at, decided_on) VALUES (?, 'AWARDED', ?, ?)")
        .params(employer, OffsetDateTime.parse("2025-01-10T09:00:00Z"), LocalDate.of(2025, 2, 1))
        .update();
    long auditId = db.jdbc.sql("SELECT MAX(id) FROM audit").query(Long.class).single();
    db.jdbc
        .sql(
            "INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, created_at, ceremony_date)"
                + " VALUES ('SW-2025-0001', ?, ?, ?, ?, 'ACTIVE', ?, ?)")
        .params(
            employer,
            auditId,
            LocalDate.of(2025, 2, 1),
            LocalDate.of(2027, 2, 1),
            OffsetDateTime.parse("2025-02-01T09:00:00Z"),
            LocalDate.of(2025, 2, 22))
        .update();

    assertThat(leadTimes.figures(new Selection(null, null)).stages())
        .contains(
            new Row("Auditaanvraag tot besluit", 2025, "Vlaardingen", 1, 22, 22),
            new Row("Besluit tot uitreiking", 2025, "Vlaardingen", 1, 21, 21));
  }

  private long employer(String name, String municipality) {
    OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    db.jdbc
        .sql(
            "INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email, created_at, updated_at)"
                + " VALUES (?, ?, 'Markt 1', ?, 'Contact', 'c@voorbeeld.nl', ?, ?)")
        .params(name, String.format("%08d", db.count("employer") + 1), municipality, now, now)
        .update();
    return db.jdbc.sql("SELECT MAX(id) FROM employer").query(Long.class).single();
  }

  private void convenant(long employer, OffsetDateTime registered, LocalDate signed) {
    db.jdbc
        .sql(
            "INSERT INTO convenant (employer_id, status, open_for_employer_id, registered_at, registered_by, signed_date, signed_by)"
                + " VALUES (?, 'SIGNED', ?, ?, 'test', ?, 'Directeur')")
        .params(employer, employer, registered, signed)
        .update();
  }
}
