package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.keurmerk.KeurmerkRepository;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkEnded;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A keurmerk that ended (withdrawn, expired) is not handed over any more: its open "Uitreiking plannen" lapses. Runs
 * in the engine command that ended the keurmerk, so both happen or neither.
 */
@Component
class CeremonyCancellation {

  private final KeurmerkRepository keurmerken;
  private final RuntimeService runtime;

  CeremonyCancellation(KeurmerkRepository keurmerken, RuntimeService runtime) {
    this.keurmerken = keurmerken;
    this.runtime = runtime;
  }

  @EventListener
  void on(KeurmerkEnded ended) {
    keurmerken
        .awardingProcessInstance(ended.keurmerkId())
        .ifPresent(
            audit ->
                runtime
                    .createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_CEREMONY_CANCELLED)
                    .processInstanceId(audit)
                    .correlateAll());
  }
}
