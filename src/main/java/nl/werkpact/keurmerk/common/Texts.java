package nl.werkpact.keurmerk.common;

/**
 * Text that people type: letters, digits, punctuation and, in longer texts, line breaks. Control characters
 * (NUL, BEL, terminal escapes), bidirectional overrides and isolates (which make a name read differently than
 * it is stored) and the Unicode line and paragraph separators are refused, because they are never typed on
 * purpose and they corrupt e-mails, lists and logs.
 */
public final class Texts {

  private Texts() {}

  /** Whether the text holds a character nobody types on purpose; tab, CR and LF are allowed when {@code multiLine}. */
  public static boolean hasForbiddenCharacters(String text, boolean multiLine) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
        continue;
      }
      if (Character.isISOControl(c) || isBidiControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
          || Character.getType(c) == Character.UNASSIGNED
          || (Character.isSurrogate(c) && !validSurrogatePair(text, i))) {
        return true;
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    return false;
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C';
  }

  private static boolean validSurrogatePair(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
  }

  /** The Dutch refusal for a field holding such characters. */
  public static String refusal(String label) {
    return label + " bevat onzichtbare besturingstekens of tekens die de leesrichting omdraaien; typ de tekst opnieuw zonder die tekens.";
  }
}
