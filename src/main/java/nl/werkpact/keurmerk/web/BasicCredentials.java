package nl.werkpact.keurmerk.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** User and password of an HTTP Basic {@code Authorization} header, or null when there is none or it is malformed. */
public final class BasicCredentials {

  private BasicCredentials() {}

  public static String[] of(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
