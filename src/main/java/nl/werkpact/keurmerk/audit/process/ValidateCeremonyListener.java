package nl.werkpact.keurmerk.audit.process;

import java.time.Clock;
import java.time.LocalDate;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.FormValues;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_PlanCeremony, on complete: a real date (dd-mm-jjjj, not in the past, within a year) and a location. */
@CalledFromModels
@Component("validateCeremonyListener")
public class ValidateCeremonyListener implements TaskListener {

  private final Clock clock;

  public ValidateCeremonyListener(Clock clock) {
    this.clock = clock;
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
  }
}
