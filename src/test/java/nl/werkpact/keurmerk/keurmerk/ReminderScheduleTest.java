package nl.werkpact.keurmerk.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle.Reminder;
import org.junit.jupiter.api.Test;

/** When a reminder falls due, with the periods of bpmn/KeurmerkReminders.bpmn. */
class ReminderScheduleTest {

  private final ReminderSchedule shipped = ReminderSchedule.parse("P90D", "P30D", "P1M");

  @Test
  void
      renewalRemindersAt0900NinetyAndThirtyDaysBeforeTheLastValidDayAndTheMembershipOneAMonthBeforeItsEnd() {
    assertThat(shipped.dueAt(Reminder.RENEWAL_FIRST, LocalDate.of(2028, 11, 23)))
        .isEqualTo(amsterdam("2028-08-25T09:00"));
    assertThat(shipped.dueAt(Reminder.RENEWAL_SECOND, LocalDate.of(2028, 11, 23)))
        .isEqualTo(amsterdam("2028-10-24T09:00"));
    assertThat(shipped.dueAt(Reminder.MEMBERSHIP_END, LocalDate.of(2027, 11, 23)))
        .isEqualTo(amsterdam("2027-10-23T09:00"));
  }

  @Test
  void anAwardOn29FebruaryRemindsFromThe28thOfFebruaryOn() {
    // Awarded 29-02-2028: valid until 28-02-2030, membership until 28-02-2029.
    assertThat(shipped.dueAt(Reminder.MEMBERSHIP_END, LocalDate.of(2029, 2, 28)))
        .isEqualTo(amsterdam("2029-01-28T09:00"));
    assertThat(shipped.dueAt(Reminder.RENEWAL_FIRST, LocalDate.of(2030, 2, 28)))
        .isEqualTo(amsterdam("2029-11-30T09:00"));
    assertThat(shipped.dueAt(Reminder.RENEWAL_SECOND, LocalDate.of(2030, 2, 28)))
        .isEqualTo(amsterdam("2030-01-29T09:00"));
  }

  @Test
  void theQueryBoundHoldsEveryDateWhoseReminderIsDueAcrossMonthEndsAndSummerTime() {
    for (Reminder reminder : Reminder.values()) {
      for (LocalDate about = LocalDate.of(2027, 1, 1);
          about.isBefore(LocalDate.of(2029, 1, 1));
          about = about.plusDays(1)) {
        Instant due = shipped.dueAt(reminder, about);
        assertThat(about)
            .as("%s about %s", reminder, about)
            .isBeforeOrEqualTo(shipped.latestDateDueAt(reminder, due));
      }
    }
  }

  @Test
  void aProcessOwnersTypoIsRefusedInDutchWithAnExample() {
    assertThatThrownBy(() -> ReminderSchedule.parse("P90", "P30D", "P1M"))
        .hasMessage(
            "Invoerparameter renewalFirstBefore is 'P90', geen periode; schrijf bijvoorbeeld P90D (90 dagen), P6W (6 weken) of P1M (een maand).");
    assertThatThrownBy(() -> ReminderSchedule.parse("P90D", "-P30D", "P1M"))
        .hasMessageStartingWith("Invoerparameter renewalSecondBefore is '-P30D'");
    assertThatThrownBy(() -> ReminderSchedule.parse("P90D", "P30D", null))
        .hasMessageStartingWith("Invoerparameter membershipEndBefore is 'null'");
  }

  private static Instant amsterdam(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), Dates.AMSTERDAM).toInstant();
  }
}
