package nl.werkpact.keurmerk.certificate;

import java.util.Locale;
import java.util.Set;
import nl.werkpact.keurmerk.common.InvalidRequestException;

/** {@code drukwerk=ja}: whether the print shop's variant of a certificate is asked for; anything else is refused. */
public final class PrintVariant {

  private static final Set<String> YES = Set.of("ja", "true", "1");
  private static final Set<String> NO = Set.of("", "nee", "false", "0");

  private PrintVariant() {}

  public static boolean asked(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (YES.contains(v)) {
      return true;
    }
    if (NO.contains(v)) {
      return false;
    }
    throw new InvalidRequestException(
        "drukwerk is ja (het certificaat voor de drukker, met afloop en snijtekens) of nee.");
  }
}
