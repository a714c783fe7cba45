package nl.werkpact.keurmerk.keurmerk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle.Reminder;

/**
 * When each reminder falls due: at 09:00 (Europe/Amsterdam) on the day that lies its period before the date it is
 * about (the last valid day for the renewal reminders, the end of the free membership for the membership reminder).
 * The periods come from the model (bpmn/KeurmerkReminders.bpmn), so a process owner changes them without a code change.
 */
public record ReminderSchedule(Period renewalFirst, Period renewalSecond, Period membershipEnd) {

  /** Reminders go out at the start of office hours. */
  public static final LocalTime TIME = LocalTime.of(9, 0);

  /** The periods as the model writes them (ISO 8601, e.g. P90D, P1M); refused in Dutch when one is not a period. */
  public static ReminderSchedule parse(
      String renewalFirst, String renewalSecond, String membershipEnd) {
    return new ReminderSchedule(
        period("renewalFirstBefore", renewalFirst),
        period("renewalSecondBefore", renewalSecond),
        period("membershipEndBefore", membershipEnd));
  }

  private static Period period(String name, String text) {
    try {
      Period period = Period.parse(text == null ? "" : text.strip());
      if (period.isNegative() || period.isZero()) {
        throw new DateTimeParseException("not positive", text, 0);
      }
      return period;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Invoerparameter "
              + name
              + " is '"
              + text
              + "', geen periode; schrijf bijvoorbeeld P90D (90 dagen), P6W (6 weken) of P1M (een maand).");
    }
  }

  public Period before(Reminder reminder) {
    return switch (reminder) {
      case RENEWAL_FIRST -> renewalFirst;
      case RENEWAL_SECOND -> renewalSecond;
      case MEMBERSHIP_END -> membershipEnd;
    };
  }

  /** A keurmerk imported this close to its end whose renewal reminders passed before the import is told once. */
  public static final Period CATCH_UP_WITHIN = Period.ofDays(90);

  /**
   * For a keurmerk brought in at {@code now} (go-live import) that is still valid, ends within {@link
   * #CATCH_UP_WITHIN} and whose renewal reminder moments all passed: the latest of them, from which on reminders
   * count, so the next round sends that one reminder late (one catch-up notice) and passes over the earlier one.
   * Empty when a renewal reminder is still to come (it warns the holder), or the end is further away.
   */
  public Optional<Instant> catchUpFrom(LocalDate validUntil, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, Dates.AMSTERDAM);
    if (validUntil.isBefore(today) || validUntil.isAfter(today.plus(CATCH_UP_WITHIN))) {
      return Optional.empty();
    }
    Instant second = dueAt(Reminder.RENEWAL_SECOND, validUntil);
    Instant first = dueAt(Reminder.RENEWAL_FIRST, validUntil);
    Instant latest = second.isAfter(first) ? second : first;
    return latest.isAfter(now) ? Optional.empty() : Optional.of(latest);
  }

  /** The moment {@code reminder} falls due about {@code date} (the last valid day, or the membership's last day). */
  public Instant dueAt(Reminder reminder, LocalDate date) {
    return date.minus(before(reminder)).atTime(TIME).atZone(Dates.AMSTERDAM).toInstant();
  }

  /**
   * A bound for a query: every date whose reminder is due at {@code now} lies on or before it. A few days wide,
   * because a month before the 31st is the 30th or the 28th; {@link #dueAt} decides exactly.
   */
  public LocalDate latestDateDueAt(Reminder reminder, Instant now) {
    return now.atZone(Dates.AMSTERDAM).toLocalDate().plus(before(reminder)).plusDays(4);
  }
}
