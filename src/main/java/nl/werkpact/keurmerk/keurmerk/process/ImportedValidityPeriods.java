package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.keurmerk.Keurmerk;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.keurmerk.Membership;
import nl.werkpact.keurmerk.models.RegionTenant;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The validity period of a keurmerk that was awarded before this system existed (go-live import). Its KeurmerkValidity
 * instance starts exactly as an award starts it, so its expiry falls where the model puts it. Which of its reminders
 * are still sent is the keurmerk's record ({@code reminders_from}, set by the import), read by the KeurmerkReminders
 * process.
 */
@Component
public class ImportedValidityPeriods {

  private final RuntimeService runtime;
  private final KeurmerkService keurmerken;

  public ImportedValidityPeriods(RuntimeService runtime, KeurmerkService keurmerken) {
    this.runtime = runtime;
    this.keurmerken = keurmerken;
  }

  /** Starts the period in the caller's transaction; returns the process instance id. */
  public String start(Keurmerk keurmerk, Membership membership) {
    var instance =
        RegionTenant.inThisRegion(
                runtime.createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_AWARDED))
            .processInstanceBusinessKey(keurmerk.number())
            .setVariables(KeurmerkValidityProcess.startVariables(keurmerk, membership))
            .correlateStartMessage();
    keurmerken.bindValidityInstance(keurmerk.id(), instance.getId());
    return instance.getId();
  }
}
