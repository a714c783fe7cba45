package nl.werkpact.keurmerk.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/** Dates as users enter and read them. */
public final class Dates {

  /** The zone of every date and time the scheme speaks of: a day is a day in the Netherlands. */
  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static final DateTimeFormatter DUTCH_NUMERIC = DateTimeFormatter.ofPattern("dd-MM-yyyy");
  private static final DateTimeFormatter DUTCH_LONG =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

  /** What forms and people send: ISO (the date picker, the REST API) and Dutch dd-mm-jjjj; nothing after it. */
  private static final List<DateTimeFormatter> ACCEPTED =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT));

  /** Nothing in the Werkpact's records lies before it existed or this far ahead. */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

  private Dates() {}

  /**
   * Reads a date as a form sends it ({@code 2026-11-23}, {@code 23-11-2026}, a {@link Date} or a {@link LocalDate}),
   * strictly: no time part or other text after it, no 31 April, and within 2000 to 2099. {@code null} when
   * absent, and a Dutch error naming the field and saying what to type when it is not such a date.
   */
  public static LocalDate parse(String label, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(AMSTERDAM).toLocalDate();
    }
    String text = value.toString().strip();
    LocalDate date = null;
    for (DateTimeFormatter format : ACCEPTED) {
      try {
        date = LocalDate.parse(text, format);
        break;
      } catch (DateTimeParseException tryNext) {
        // the next format
      }
    }
    if (date == null) {
      throw new InvalidRequestException(
          label + " is geen geldige datum; typ de datum als dd-mm-jjjj, bijvoorbeeld 20-11-2026.");
    }
    if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
      throw new InvalidRequestException(
          label
              + " ligt buiten de mogelijke periode ("
              + dutch(EARLIEST)
              + " tot en met "
              + dutch(LATEST)
              + ").");
    }
    return date;
  }

  /** "23 november 2026". */
  public static String dutch(LocalDate date) {
    return date == null ? "" : DUTCH_LONG.format(date);
  }

  /** "23-11-2026", as a Dutch reader writes a date in a table. */
  public static String numeric(LocalDate date) {
    return date == null ? "" : DUTCH_NUMERIC.format(date);
  }
}
