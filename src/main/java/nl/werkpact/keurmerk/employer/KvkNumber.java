package nl.werkpact.keurmerk.employer;

import java.util.regex.Pattern;

/** The Chamber of Commerce (KvK) number: exactly eight digits. */
public final class KvkNumber {

  private static final Pattern FORMAT = Pattern.compile("^[0-9]{8}$");

  private KvkNumber() {}

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }
}
