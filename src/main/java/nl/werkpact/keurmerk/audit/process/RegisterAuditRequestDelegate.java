package nl.werkpact.keurmerk.audit.process;

import java.util.stream.Collectors;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.identity.RegionalGroups;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.models.CalledFromModels;
import nl.werkpact.keurmerk.models.RegionTenant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterAuditRequest: runs in the starting transaction, so a refusal starts nothing. Pins the
 * criteria table: the latest deployed KeurmerkCriteria now is the one this audit is judged by, even when a
 * process owner deploys a newer table while it runs.
 */
@CalledFromModels
@Component("registerAuditRequestDelegate")
public class RegisterAuditRequestDelegate implements JavaDelegate {

  private final AuditService audits;
  private final EmployerService employers;
  private final KeurmerkService keurmerken;

  public RegisterAuditRequestDelegate(
      AuditService audits, EmployerService employers, KeurmerkService keurmerken) {
    this.audits = audits;
    this.employers = employers;
    this.keurmerken = keurmerken;
  }

  /**
   * "bram=Bram Jansen;carla=Carla de Vries": the auditors of the audit's region, for the planning form (another
   * region's auditors could not see the audit they were planned for).
   */
  static String auditorChoices(DelegateExecution execution) {
    return RegionalGroups.membersOf(
            execution.getProcessEngineServices().getIdentityService().createUserQuery(),
            Groups.AUDITORS,
            execution.getTenantId())
        .orderByUserLastName()
        .asc()
        .list()
        .stream()
        .map(
            user ->
                user.getId()
                    + "="
                    + (user.getFirstName() + " " + user.getLastName())
                        .strip()
                        .replace(";", ",")
                        .replace("=", "-"))
        .collect(Collectors.joining(";"));
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kvk = KeurmerkAuditProcess.kvkNumber(execution);
    if (kvk == null) {
      kvk = execution.getProcessBusinessKey();
    }
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    // the region's own criteria: its tenant's latest version
    var criteria =
        RegionTenant.inTenant(
                execution
                    .getProcessEngineServices()
                    .getRepositoryService()
                    .createDecisionDefinitionQuery()
                    .decisionDefinitionKey(KeurmerkAuditProcess.DECISION_KEY)
                    .latestVersion(),
                execution.getTenantId())
            .singleResult();
    if (criteria == null) {
      throw new IllegalStateException(
          "Decision " + KeurmerkAuditProcess.DECISION_KEY + " is not deployed");
    }
    var request =
        audits.request(
            kvk,
            auth == null ? null : auth.getUserId(),
            execution.getProcessInstanceId(),
            criteria.getId());
    execution.setProcessBusinessKey(kvk.strip());
    execution.setVariable(Vars.KVK_NUMBER, kvk.strip());
    execution.setVariable(Vars.AUDIT_ID, request.auditId());
    execution.setVariable(Vars.EMPLOYER_ID, request.employerId());
    execution.setVariable(Vars.EMPLOYER_NAME, employers.get(request.employerId()).name());
    var audit = audits.get(request.auditId());
    execution.setVariable(
        Vars.AUDIT_KIND,
        audit.renewalOfKeurmerkId() == null
            ? "eerste audit"
            : "verlenging " + keurmerken.get(audit.renewalOfKeurmerkId()).number());
    execution.setVariable(Vars.AUDITOR_CHOICES, auditorChoices(execution));
    execution.setVariable(Vars.CRITERIA_DECISION_ID, criteria.getId());
  }
}
