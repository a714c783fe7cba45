package nl.werkpact.keurmerk.audit.process;

import java.time.Clock;
import java.time.LocalDate;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.FormValues;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_PlanCeremony, on complete: a real date (dd-mm-jjjj, not in the past, within a year) and a location, then kept
 * on the keurmerk it hands over (the lead time from decision to ceremony is read from there).
 */
@CalledFromModels
@Component("validateCeremonyListener")
public class ValidateCeremonyListener implements TaskListener {

  private final Clock clock;
  private final KeurmerkService keurmerken;

  public ValidateCeremonyListener(Clock clock, KeurmerkService keurmerken) {
    this.clock = clock;
    this.keurmerken = keurmerken;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate date = Dates.parse("Datum uitreiking", task.getVariable(Vars.CEREMONY_DATE));
    LocalDate today = LocalDate.now(clock);
    new Checks()
        .that(date != null, "Datum uitreiking is verplicht.")
        .that(date == null || !date.isBefore(today), "Datum uitreiking ligt in het verleden.")
        .that(
            date == null || !date.isAfter(today.plusYears(1)),
            "Datum uitreiking ligt meer dan een jaar vooruit.")
        .required(
            "Locatie",
            FormValues.text(Vars.CEREMONY_LOCATION, task.getVariable(Vars.CEREMONY_LOCATION)),
            200)
        .throwIfAny();
    Object number = task.getVariable(Vars.KEURMERK_NUMBER);
    if (number != null) {
      keurmerken.recordCeremony(
          number.toString(),
          date,
          FormValues.text(Vars.CEREMONY_LOCATION, task.getVariable(Vars.CEREMONY_LOCATION)));
    }
  }
}
