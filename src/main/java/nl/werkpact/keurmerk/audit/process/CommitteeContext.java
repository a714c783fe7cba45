package nl.werkpact.keurmerk.audit.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import nl.werkpact.keurmerk.audit.Audit;
import nl.werkpact.keurmerk.audit.AuditStatus;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.common.Dates;

/**
 * What the committee reads beside the figures (read-only in forms/CommitteeDecision.form): who performed the audit, on
 * which day, which version of the criteria gave the advice, and how the employer's earlier audits ended.
 */
final class CommitteeContext {

  private CommitteeContext() {}

  /**
   * @param audit the audit the criteria just evaluated
   * @param earlier the employer's other decided audits, newest first
   * @param fullName a user id's full name
   */
  static Map<String, Object> of(Audit audit, List<Audit> earlier, UnaryOperator<String> fullName) {
    Map<String, Object> variables = new LinkedHashMap<>();
    String auditor = audit.performedBy() != null ? audit.performedBy() : audit.auditor();
    variables.put(Vars.AUDITOR_NAME, auditor == null ? "-" : fullName.apply(auditor));
    variables.put(
        Vars.AUDIT_DAY, audit.plannedDate() == null ? "-" : Dates.numeric(audit.plannedDate()));
    variables.put(
        Vars.CRITERIA_VERSION,
        audit.criteriaVersion() == null
            ? "-"
            : "KeurmerkCriteria versie " + audit.criteriaVersion());
    variables.put(
        Vars.EARLIER_AUDITS,
        earlier.isEmpty()
            ? "Geen eerdere audits."
            : earlier.stream()
                .map(a -> Dates.numeric(a.decidedOn()) + ": " + outcome(a))
                .collect(Collectors.joining("\n")));
    return variables;
  }

  private static String outcome(Audit audit) {
    if (audit.status() == AuditStatus.AWARDED || audit.status() == AuditStatus.REJECTED) {
      return audit.status().label().toLowerCase(java.util.Locale.ROOT);
    }
    return "TOEKENNEN".equals(audit.finalOutcome()) ? "toegekend" : "afgewezen";
  }
}
