package nl.werkpact.keurmerk.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The codes of the links the app mails to an address it must hear back from (the intent online, the employer's
 * sign-in): 256 random bits in hexadecimal. Only their SHA-256 hash is stored, so a copy of the database signs no one
 * in; a code that is not 64 hexadecimal characters is refused before any query.
 */
public final class OneTimeCodes {

  private static final SecureRandom RANDOM = new SecureRandom();

  private OneTimeCodes() {}

  public static String newCode() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether the text can be a code at all (so nothing else reaches a query). */
  public static boolean wellFormed(String code) {
    return code != null && code.matches("[0-9a-f]{64}");
  }

  /** The SHA-256 of the text in hexadecimal: what is stored of a code, and of a source or an address to throttle. */
  public static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
