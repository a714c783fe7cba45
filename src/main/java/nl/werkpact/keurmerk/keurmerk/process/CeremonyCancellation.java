package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.keurmerk.KeurmerkRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** A keurmerk that ended (withdrawn, expired) is not handed over any more: its open "Uitreiking plannen" lapses. */
final class CeremonyCancellation {

  private CeremonyCancellation() {}

  static void cancelFor(long keurmerkId, KeurmerkRepository keurmerken, DelegateExecution execution) {
    keurmerken.awardingProcessInstance(keurmerkId).ifPresent(audit -> execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_CEREMONY_CANCELLED).processInstanceId(audit).correlateAll());
  }
}
