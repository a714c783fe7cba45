package nl.werkpact.keurmerk.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/** Dates as users enter and read them. */
public final class Dates {

  private static final DateTimeFormatter DUTCH_LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

  private Dates() {}

  /**
   * Reads a date as a form sends it ({@code 2026-11-23}, a {@link Date} or a {@link LocalDate});
   * {@code null} when absent, and a Dutch error naming the field when it is not a date.
   */
  public static LocalDate parse(String label, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate();
    }
    try {
      String text = value.toString().strip();
      // A datetime picker may send a time part; the date is what counts.
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(label + " is geen geldige datum (verwacht: jjjj-mm-dd).");
    }
  }

  /** "23 november 2026". */
  public static String dutch(LocalDate date) {
    return date == null ? "" : DUTCH_LONG.format(date);
  }
}
