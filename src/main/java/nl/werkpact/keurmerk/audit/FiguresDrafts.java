package nl.werkpact.keurmerk.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures an employer prepares before its audit: allowed only while its audit is planned and not yet performed,
 * checked as the self-scan checks figures, kept as one draft per audit beside the auditor's confirmed figures (which
 * are what count). Imports nothing from Camunda; the process seam puts the draft into the auditor's form.
 */
@Service
public class FiguresDrafts {

  /** A saved draft: the figures, what else the employer did, and the summary the auditor reads. */
  public record Draft(
      long auditId,
      AuditFigures figures,
      String activities,
      String summary,
      OffsetDateTime savedAt) {}

  public static final int MAX_ACTIVITIES = 4000;

  private final JdbcClient jdbc;
  private final AuditRepository audits;
  private final Clock clock;

  FiguresDrafts(JdbcClient jdbc, AuditRepository audits, Clock clock) {
    this.jdbc = jdbc;
    this.audits = audits;
    this.clock = clock;
  }

  /** The employer's audit that takes a draft now: running and planned (a date and an auditor), not yet performed. */
  public Optional<Audit> openFor(long employerId) {
    return audits
        .findRunningByEmployer(employerId)
        .filter(audit -> audit.status() == AuditStatus.PLANNED && audit.performedBy() == null);
  }

  /** {@link #openFor}, or a conflict in Dutch: none planned, or already performed (the auditor's figures count). */
  public Audit openOrRefuse(long employerId) {
    return openFor(employerId)
        .orElseThrow(
            () ->
                new ConflictException(
                    "U kunt nu geen cijfers voor de audit opgeven: er is geen geplande audit, of de auditor heeft"
                        + " de cijfers al vastgesteld."));
  }

  /**
   * Saves the employer's draft for its open audit (from {@link #openOrRefuse}, in the same transaction), replacing an
   * earlier one; refused in Dutch for bad figures.
   */
  public Draft save(Audit audit, AuditFigures figures, String activities, String summary) {
    String cleanActivities = Checks.trimmed(activities);
    new Checks().optional("Wat u verder deed", cleanActivities, MAX_ACTIVITIES).throwIfAny();
    figures.validateFigures();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("DELETE FROM audit_figures_draft WHERE audit_id = ?").param(audit.id()).update();
    List<Object> params =
        new ArrayList<>(
            Arrays.asList(
                audit.id(),
                figures.workforceSize(),
                figures.targetGroupEmployees(),
                figures.extraWorkplaces(),
                figures.workExperiencePlaces(),
                figures.socialPurchasingEuros()));
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      params.add(figures.socialReturn().count(count));
    }
    params.add(figures.socialReturn().socialWorkshops());
    params.add(cleanActivities == null || cleanActivities.isEmpty() ? null : cleanActivities);
    params.add(summary);
    params.add(now);
    jdbc.sql(
            """
            INSERT INTO audit_figures_draft (audit_id, workforce_size, target_group_employees, extra_workplaces,
                   work_experience_places, social_purchasing_euros, \s"""
                + AuditRepository.SOCIAL_RETURN_COLUMNS
                + ", activities, summary, saved_at) VALUES (?"
                + ", ?".repeat(params.size() - 1)
                + ")")
        .params(params)
        .update();
    return new Draft(audit.id(), figures, cleanActivities, summary, now);
  }

  /** The employer's draft of this audit, if it made one. */
  public Optional<Draft> of(long auditId) {
    return jdbc.sql(
            "SELECT workforce_size, target_group_employees, extra_workplaces, work_experience_places,"
                + " social_purchasing_euros, "
                + AuditRepository.SOCIAL_RETURN_COLUMNS
                + ", activities, summary, saved_at FROM audit_figures_draft WHERE audit_id = ?")
        .param(auditId)
        .query(
            (rs, n) ->
                new Draft(
                    auditId,
                    new AuditFigures(
                        rs.getInt("workforce_size"),
                        rs.getInt("target_group_employees"),
                        rs.getInt("extra_workplaces"),
                        rs.getInt("work_experience_places"),
                        rs.getBigDecimal("social_purchasing_euros"),
                        null,
                        AuditRepository.socialReturn(rs)),
                    rs.getString("activities"),
                    rs.getString("summary"),
                    rs.getObject("saved_at", OffsetDateTime.class)))
        .optional();
  }
}
