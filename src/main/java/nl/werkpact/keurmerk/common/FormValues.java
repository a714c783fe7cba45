package nl.werkpact.keurmerk.common;

import java.math.BigDecimal;

/**
 * Reads values as Camunda Forms and the REST API deliver them (strings, numbers of any Java type), with a
 * Dutch error naming the field when the type is wrong. Shared by the processes' variables classes.
 */
public final class FormValues {

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
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return new BigDecimal(n.toString());
    }
    throw new InvalidRequestException(label + " moet een bedrag in euro zijn.");
  }
}
