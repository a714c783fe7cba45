package nl.werkpact.keurmerk.common;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private static final DateTimeFormatter CLOCK_TIME =
      DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT);

  /** A time of day as typed: 16:00, 9:30 or 16.00; refused in Dutch when missing or not a time. */
  public static LocalTime parseTime(String label, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException(
          label + " is verplicht; typ de tijd als uu:mm, bijvoorbeeld 16:00.");
    }
    try {
      return LocalTime.parse(text.strip().replace('.', ':'), CLOCK_TIME);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          label + " is geen tijd; typ de tijd als uu:mm, bijvoorbeeld 16:00.");
    }
  }

  private static final DateTimeFormatter WITH_WEEKDAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

  /** "dinsdag 15 december 2026": a day in an invitation. */
  public static String withWeekday(LocalDate day) {
    return WITH_WEEKDAY.format(day);
  }

  /** 16:00, 9:30: a time of day as the e-mails and pages write it. */
  public static String time(LocalTime time) {
    return CLOCK_TIME.format(time);
  }

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
          nonExistent(label, text)
              .orElse(
                  label
                      + " is geen geldige datum; typ de datum als dd-mm-jjjj, bijvoorbeeld 20-11-2026."));
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

  private static final Pattern DUTCH_SHAPE = Pattern.compile("(\\d{1,2})-(\\d{1,2})-(\\d{4})");
  private static final Pattern ISO_SHAPE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  /**
   * For a text written as a date that does not exist (31-11-2026, 29-02-2027, 12-13-2026): the sentence that says
   * why, instead of asking for a format that was followed.
   */
  private static Optional<String> nonExistent(String label, String text) {
    int day;
    int month;
    int year;
    Matcher dutch = DUTCH_SHAPE.matcher(text);
    Matcher iso = ISO_SHAPE.matcher(text);
    if (dutch.matches()) {
      day = Integer.parseInt(dutch.group(1));
      month = Integer.parseInt(dutch.group(2));
      year = Integer.parseInt(dutch.group(3));
    } else if (iso.matches()) {
      year = Integer.parseInt(iso.group(1));
      month = Integer.parseInt(iso.group(2));
      day = Integer.parseInt(iso.group(3));
    } else {
      return Optional.empty();
    }
    if (month < 1 || month > 12) {
      return Optional.of(
          label
              + ": "
              + text
              + " bestaat niet, want er is geen maand "
              + month
              + "; typ de datum als dd-mm-jjjj (dag, maand, jaar), bijvoorbeeld 20-11-2026.");
    }
    int length = YearMonth.of(year, month).lengthOfMonth();
    if (day < 1 || day > length) {
      String monthName =
          Month.of(month).getDisplayName(TextStyle.FULL, Locale.forLanguageTag("nl-NL"));
      return Optional.of(
          label
              + ": "
              + text
              + " bestaat niet; "
              + monthName
              + " "
              + year
              + " heeft "
              + length
              + " dagen.");
    }
    return Optional.empty();
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
