package nl.werkpact.keurmerk.audit.process;

import java.util.Map;
import java.util.Set;

/**
 * Everything the code knows about {@code bpmn/KeurmerkDecision.bpmn}: the committee's decision on one audit, called by
 * the keurmerkaudit (CallActivity_CommitteeDecision). A process of its own so that task rights are granted per process
 * definition: the committee reads and works on these tasks, no other group does (identity/RoleAuthorizations).
 */
public final class KeurmerkDecisionProcess {

  public static final String PROCESS_KEY = "KeurmerkDecision";

  public static final class Elements {
    public static final String START_EVENT_DECISION_REQUESTED = "StartEvent_DecisionRequested";
    public static final String TASK_COMMITTEE_DECISION =
        KeurmerkAuditProcess.Elements.TASK_COMMITTEE_DECISION;
    public static final String END_EVENT_DECIDED = "EndEvent_Decided";

    private Elements() {}
  }

  /** What the audit hands over (shown in the committee's form) and what the committee hands back. */
  public static final class Vars {
    public static final String EMPLOYER_NAME = KeurmerkAuditProcess.Vars.EMPLOYER_NAME;
    public static final String KVK_NUMBER = KeurmerkAuditProcess.Vars.KVK_NUMBER;
    public static final String AUDIT_KIND = KeurmerkAuditProcess.Vars.AUDIT_KIND;
    public static final String WORKFORCE_SIZE = KeurmerkAuditProcess.Vars.WORKFORCE_SIZE;
    public static final String TARGET_GROUP_EMPLOYEES =
        KeurmerkAuditProcess.Vars.TARGET_GROUP_EMPLOYEES;
    public static final String EXTRA_WORKPLACES = KeurmerkAuditProcess.Vars.EXTRA_WORKPLACES;
    public static final String WORK_EXPERIENCE_PLACES =
        KeurmerkAuditProcess.Vars.WORK_EXPERIENCE_PLACES;
    public static final String SOCIAL_PURCHASING_EUROS =
        KeurmerkAuditProcess.Vars.SOCIAL_PURCHASING_EUROS;
    public static final String SOCIAL_RETURN = KeurmerkAuditProcess.Vars.SOCIAL_RETURN;
    public static final String FINDINGS = KeurmerkAuditProcess.Vars.FINDINGS;
    public static final String TARGET_GROUP_SHARE_PERCENT =
        KeurmerkAuditProcess.Vars.TARGET_GROUP_SHARE_PERCENT;
    public static final String CRITERIA_OUTCOME = KeurmerkAuditProcess.Vars.CRITERIA_OUTCOME;
    public static final String CRITERIA_REASON = KeurmerkAuditProcess.Vars.CRITERIA_REASON;
    public static final String CRITERIA_EXPLANATION =
        KeurmerkAuditProcess.Vars.CRITERIA_EXPLANATION;
    public static final String AUDITOR_NAME = KeurmerkAuditProcess.Vars.AUDITOR_NAME;
    public static final String AUDIT_DAY = KeurmerkAuditProcess.Vars.AUDIT_DAY;
    public static final String CRITERIA_VERSION = KeurmerkAuditProcess.Vars.CRITERIA_VERSION;
    public static final String EARLIER_AUDITS = KeurmerkAuditProcess.Vars.EARLIER_AUDITS;
    public static final String FINAL_OUTCOME = KeurmerkAuditProcess.Vars.FINAL_OUTCOME;
    public static final String COMMITTEE_REASON = KeurmerkAuditProcess.Vars.COMMITTEE_REASON;

    private Vars() {}
  }

  /** What the committee submits (engine/CommandGuard): the decision and its reason. */
  public static final Map<String, Set<String>> TASK_INPUTS =
      Map.of(Elements.TASK_COMMITTEE_DECISION, Set.of(Vars.FINAL_OUTCOME, Vars.COMMITTEE_REASON));

  private KeurmerkDecisionProcess() {}
}
