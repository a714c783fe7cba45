package nl.werkpact.keurmerk.keurmerk.process;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.ReminderSchedule;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.springframework.stereotype.Component;

/**
 * Due dates of the validity timers, in Europe/Amsterdam, used from the model
 * ({@code ${keurmerkValidityTimers.endOfDay(validUntil)}}), so a process owner changes them in Camunda Modeler without a
 * code change. {@link #before} is the reminder timers' of model versions from before the KeurmerkReminders process
 * (their instances run on), and a process owner's for a timer of their own.
 */
@CalledFromModels
@Component("keurmerkValidityTimers")
public class KeurmerkValidityTimers {

  /** Reminders go out at the start of office hours, as the KeurmerkReminders process sends them. */
  static final LocalTime REMINDER_TIME = ReminderSchedule.TIME;

  /** 09:00 on the day that lies {@code isoPeriod} (e.g. P90D, P1M) before {@code isoDate}. */
  public Date before(String isoDate, String isoPeriod) {
    LocalDate day = LocalDate.parse(isoDate).minus(Period.parse(isoPeriod));
    return Date.from(day.atTime(REMINDER_TIME).atZone(Dates.AMSTERDAM).toInstant());
  }

  /** Midnight after {@code isoDate}: the end of that day, when a keurmerk valid until then expires. */
  public Date endOfDay(String isoDate) {
    return Date.from(
        LocalDate.parse(isoDate).plusDays(1).atStartOfDay(Dates.AMSTERDAM).toInstant());
  }
}
