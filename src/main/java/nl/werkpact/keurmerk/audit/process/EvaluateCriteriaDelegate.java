package nl.werkpact.keurmerk.audit.process;

import java.util.function.BiPredicate;
import nl.werkpact.keurmerk.audit.AuditFigures;
import nl.werkpact.keurmerk.audit.AuditOutcome;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.audit.SocialReturn;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.identity.StaffNames;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_EvaluateCriteria (a business rule task): evaluates the KeurmerkCriteria version pinned at the
 * request with the figures from the audit record, and records advice, reason and decision version; writes the
 * committee's context (auditor, audit day, criteria version, earlier audits) for the decision it calls. Only the
 * two strings become process variables: the decision result itself is a map, and maps are not stored.
 */
@CalledFromModels
@Component("evaluateCriteriaDelegate")
public class EvaluateCriteriaDelegate implements JavaDelegate {

  private final AuditService audits;
  private final StaffNames staffNames;

  public EvaluateCriteriaDelegate(AuditService audits, StaffNames staffNames) {
    this.audits = audits;
    this.staffNames = staffNames;
  }

  private static BiPredicate<String, Object> feel(DelegateExecution execution) {
    return CriteriaExplanation.feel(execution.getProcessEngine());
  }

  @Override
  public void execute(DelegateExecution execution) {
    var audit = audits.ofProcessInstance(execution.getProcessInstanceId());
    long auditId = audit.id();
    var figures =
        new AuditFigures(
            audit.workforceSize(),
            audit.targetGroupEmployees(),
            audit.extraWorkplaces(),
            audit.workExperiencePlaces(),
            audit.socialPurchasingEuros(),
            audit.findings(),
            audits.socialReturn(auditId).orElse(SocialReturn.NONE));
    // The table pinned in the audit record at the request, not a variable.
    String decisionId = audit.criteriaDecisionId();
    var services = execution.getProcessEngineServices();
    var inputs = KeurmerkAuditProcess.criteriaInputs(figures);
    var result =
        services
            .getDecisionService()
            .evaluateDecisionById(decisionId)
            .variables(inputs)
            .evaluate()
            .getSingleResult();
    AuditOutcome outcome = AuditOutcome.parse(result.getEntry("outcome"));
    String reason = result.getEntry("reason");
    int version = services.getRepositoryService().getDecisionDefinition(decisionId).getVersion();
    audits.recordCriteria(auditId, outcome, reason, decisionId, version);
    execution.setVariables(
        CommitteeContext.of(audits.get(auditId), audits.earlierDecided(audit), staffNames::name));
    execution.setVariable(Vars.CRITERIA_OUTCOME, outcome.name());
    execution.setVariable(Vars.CRITERIA_REASON, reason);
    execution.setVariable(Vars.SOCIAL_RETURN, figures.socialReturn().lines());
    execution.setVariable(
        Vars.CRITERIA_EXPLANATION,
        CriteriaExplanation.figures(
                figures.workforceSize(),
                figures.targetGroupEmployees(),
                figures.targetGroupSharePercent(),
                figures.extraWorkplaces(),
                figures.workExperiencePlaces(),
                figures.socialPurchasingEuros())
            + " Social return: "
            + figures.socialReturn().summary()
            + "."
            + "\n\n"
            + CriteriaExplanation.explain(
                services.getRepositoryService().getDmnModelInstance(decisionId),
                inputs,
                feel(execution)));
  }
}
