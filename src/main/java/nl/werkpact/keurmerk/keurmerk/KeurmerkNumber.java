package nl.werkpact.keurmerk.keurmerk;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a keurmerk number looks like (SW-2026-0001: the region's prefix, the year, then the sequence number), for every
 * place that reads one.
 */
public final class KeurmerkNumber {

  /** Group 1 is the year, group 2 the sequence number; the prefix is the region's (two to four capitals). */
  public static final Pattern PATTERN = Pattern.compile("[A-Z]{2,4}-([0-9]{4})-([0-9]{4})");

  /** For a Dutch sentence that says what to type. */
  public static final String EXAMPLE = "SW-2026-0001";

  private KeurmerkNumber() {}

  /** As a person types it: spaces around it and lower case do not matter. */
  public static String normalize(String typed) {
    return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
  }

  public static boolean isWellFormed(String number) {
    return number != null && PATTERN.matcher(number).matches();
  }

  /** The Dutch refusal for a number no keurmerk has, with what a number looks like. */
  public static nl.werkpact.keurmerk.common.InvalidRequestException unknown(String number) {
    return new nl.werkpact.keurmerk.common.InvalidRequestException(
        "Er is geen keurmerk met nummer "
            + number
            + "; een nummer ziet eruit als "
            + EXAMPLE
            + ".");
  }
}
