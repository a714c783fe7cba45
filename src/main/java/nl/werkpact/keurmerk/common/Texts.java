package nl.werkpact.keurmerk.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text that people type: letters, digits, punctuation and, in longer texts, line breaks. Control characters
 * (NUL, BEL, terminal escapes), bidirectional overrides and isolates (which make a name read differently than
 * it is stored) and the Unicode line and paragraph separators are refused, because they are never typed on
 * purpose and they corrupt e-mails, lists and logs.
 */
public final class Texts {

  private Texts() {}

  /**
   * A search text as a SQL {@code LIKE} pattern that finds it anywhere, lower case, with {@code %}, {@code _} and the
   * escape character itself taken literally; use it with {@code ESCAPE '\\'}.
   */
  public static String likeContaining(String search) {
    return "%"
        + search
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_")
        + "%";
  }

  /** Whether the text holds a character nobody types on purpose; tab, CR and LF are allowed when {@code multiLine}. */
  /**
   * What is wrong with a page's search ({@code ?q=}), in Dutch, or null when it may be used: at most 100 characters
   * of one line without special characters.
   *
   * @param what what may be searched, "een naam of gemeente"
   */
  public static String searchProblem(String query, String what) {
    if (query != null && (query.strip().length() > 100 || hasForbiddenCharacters(query, false))) {
      return "Zoek op ten hoogste 100 tekens van " + what + ", zonder bijzondere tekens.";
    }
    return null;
  }

  public static boolean hasForbiddenCharacters(String text, boolean multiLine) {
    if (text == null) {
      return false;
    }
    if (hasEncodedWord(text)) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
        continue;
      }
      if (Character.isISOControl(c)
          || isBidiControl(c)
          || c == '\u2028'
          || c == '\u2029'
          || c == '\uFEFF'
          || Character.getType(c) == Character.UNASSIGNED
          || Character.getType(c) == Character.FORMAT
          || isInvisibleFiller(c)
          || (Character.isSurrogate(c) && !validSurrogatePair(text, i))) {
        return true;
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    return false;
  }

  /** Letters that show as nothing (Hangul and Mongolian fillers, braille blank): a name that looks empty or like another. */
  private static boolean isInvisibleFiller(char c) {
    return c == '\u115F'
        || c == '\u1160'
        || c == '\u3164'
        || c == '\uFFA0'
        || c == '\u180E'
        || c == '\u2800'
        || c == '\u034F';
  }

  /**
   * An RFC 2047 encoded word ({@code =?utf-8?B?...?=}): a mail program decodes it in a subject or a sender's name, so
   * a name holding one could carry a line break or a bidi override past the check above.
   */
  public static boolean hasEncodedWord(String text) {
    return text != null && ENCODED_WORD.matcher(text).find();
  }

  private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]*\\?[bBqQ]\\?[^?]*\\?=");

  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C';
  }

  private static boolean validSurrogatePair(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  /** The Dutch refusal for a field holding such characters. */
  public static String refusal(String label) {
    return label
        + " bevat onzichtbare tekens (besturingstekens, tekens zonder breedte of die de leesrichting omdraaien) of een "
        + "gecodeerd woord (=?…?=); typ de tekst opnieuw zonder die tekens.";
  }
}
