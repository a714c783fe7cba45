package nl.werkpact.keurmerk.audit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.werkpact.keurmerk.audit.Audit;
import nl.werkpact.keurmerk.audit.AuditStatus;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import org.junit.jupiter.api.Test;

class CommitteeContextTest {

  private static Audit audit(long id, AuditStatus status, LocalDate decided, Integer version) {
    return new Audit(
        id,
        7L,
        status,
        null,
        "anna",
        LocalDate.of(2026, 11, 20),
        "bram",
        40,
        3,
        1,
        2,
        null,
        "Goed",
        "bram",
        "TOEKENNEN",
        "reden",
        "KeurmerkCriteria:2:x",
        version,
        decided == null ? null : status == AuditStatus.AWARDED ? "TOEKENNEN" : "AFWIJZEN",
        null,
        null,
        decided,
        "pi");
  }

  @Test
  void namesTheAuditorTheDayTheCriteriaVersionAndTheEarlierAuditsInDutch() {
    var context =
        CommitteeContext.of(
            audit(3, AuditStatus.AWAITING_COMMITTEE, null, 2),
            List.of(
                audit(2, AuditStatus.AWARDED, LocalDate.of(2024, 9, 15), 1),
                audit(1, AuditStatus.REJECTED, LocalDate.of(2023, 3, 1), 1)),
            id -> "bram".equals(id) ? "Bram Jansen" : id);

    assertThat(context)
        .containsEntry(Vars.AUDITOR_NAME, "Bram Jansen")
        .containsEntry(Vars.AUDIT_DAY, "20-11-2026")
        .containsEntry(Vars.CRITERIA_VERSION, "KeurmerkCriteria versie 2")
        .containsEntry(Vars.EARLIER_AUDITS, "15-09-2024: toegekend\n01-03-2023: afgewezen");
  }

  @Test
  void aFirstAuditSaysThereWereNoneBefore() {
    assertThat(
            CommitteeContext.of(
                audit(3, AuditStatus.AWAITING_COMMITTEE, null, 2), List.of(), id -> id))
        .containsEntry(Vars.EARLIER_AUDITS, "Geen eerdere audits.");
  }
}
