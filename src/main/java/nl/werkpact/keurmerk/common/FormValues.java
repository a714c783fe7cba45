package nl.werkpact.keurmerk.common;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads values as Camunda Forms and the REST API deliver them (Dutch text such as {@code 2.000} or
 * {@code 9.999,99}, numbers of any Java type), with a Dutch error naming the field when it cannot be read. Shared by the processes' variables classes.
 */
public final class FormValues {

  /**
   * Numbers as a Dutch reader writes them: {@code 2.000} is two thousand, {@code 9.999,99} is an amount with
   * cents. A dot is only a thousands separator (groups of three), a comma only the decimal sign; anything
   * ambiguous ({@code 2.5}, {@code 2,000} as a count) is refused with a Dutch message that says what to type.
   */
  private static final Pattern DUTCH_WHOLE = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)");

  private static final Pattern DUTCH_AMOUNT =
      Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d{1,2})?");

  private FormValues() {}

  public static String text(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidRequestException("Veld '" + name + "' moet tekst zijn.");
    }
    return text;
  }

  public static Integer wholeNumber(String label, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof String text) {
      String plain = text.strip();
      if (DUTCH_WHOLE.matcher(plain).matches()) {
        try {
          return Integer.valueOf(plain.replace(".", ""));
        } catch (NumberFormatException tooLarge) {
          // refused below
        }
      }
      throw new InvalidRequestException(
          label
              + " is geen geheel getal zoals wij het lezen; typ bijvoorbeeld 2000 of 2.000 "
              + "(een punt scheidt duizendtallen, een komma mag niet).");
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
        return n.intValue();
      }
    }
    throw new InvalidRequestException(label + " moet een geheel getal zijn.");
  }

  public static BigDecimal amount(String label, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof String text) {
      String plain = text.strip().replace("€", "").strip();
      if (DUTCH_AMOUNT.matcher(plain).matches()) {
        return new BigDecimal(plain.replace(".", "").replace(',', '.'));
      }
      throw new InvalidRequestException(
          label
              + " is geen bedrag zoals wij het lezen; typ bijvoorbeeld 9.999,99 of 10.000 "
              + "(een komma voor de centen, een punt scheidt duizendtallen).");
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return new BigDecimal(n.toString());
    }
    throw new InvalidRequestException(label + " moet een bedrag in euro zijn.");
  }
}
