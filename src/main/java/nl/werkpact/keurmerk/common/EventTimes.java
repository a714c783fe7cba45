package nl.werkpact.keurmerk.common;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The day and times of an event staff plan (a network meeting, a ceremony) as they typed them: a date (dd-mm-jjjj)
 * from today on, a start and an end (uu:mm) with the end after the start, in Amsterdam time. Every problem goes into
 * the caller's {@link Checks}, in Dutch.
 */
public record EventTimes(LocalDate day, OffsetDateTime starts, OffsetDateTime ends) {

  /**
   * The event's times, or null when any of them is wrong (the problems are in {@code checks}).
   *
   * @param what "een bijeenkomst", "een uitreiking": in the refusal of a day that has passed
   */
  public static EventTimes check(
      Checks checks, String date, String from, String until, LocalDate today, String what) {
    LocalDate day = null;
    try {
      day = Dates.parse("Datum", date);
    } catch (InvalidRequestException e) {
      e.problems().forEach(p -> checks.that(false, p));
    }
    if (date == null || date.isBlank()) {
      checks.that(
          false, "Datum is verplicht; typ de datum als dd-mm-jjjj, bijvoorbeeld 15-12-2026.");
    }
    LocalTime start = time(checks, "Begintijd", from);
    LocalTime end = time(checks, "Eindtijd", until);
    if (day != null && day.isBefore(today)) {
      checks.that(false, "Datum ligt in het verleden; " + what + " plant u vanaf vandaag.");
    }
    if (start != null && end != null && !end.isAfter(start)) {
      checks.that(false, "Eindtijd moet na de begintijd liggen.");
    }
    if (day == null || start == null || end == null || day.isBefore(today) || !end.isAfter(start)) {
      return null;
    }
    return new EventTimes(
        day,
        day.atTime(start).atZone(Dates.AMSTERDAM).toOffsetDateTime(),
        day.atTime(end).atZone(Dates.AMSTERDAM).toOffsetDateTime());
  }

  private static LocalTime time(Checks checks, String label, String text) {
    try {
      return Dates.parseTime(label, text);
    } catch (InvalidRequestException e) {
      e.problems().forEach(p -> checks.that(false, p));
      return null;
    }
  }

  public LocalTime from() {
    return starts.atZoneSameInstant(Dates.AMSTERDAM).toLocalTime();
  }

  public LocalTime until() {
    return ends.atZoneSameInstant(Dates.AMSTERDAM).toLocalTime();
  }
}
