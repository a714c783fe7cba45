package nl.werkpact.keurmerk.register;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /register/<nummer>/badge.svg} and {@code .png}: the holder's badge for its website, public like the register
 * and cached like it (five minutes, {@link RegisterHeaders}), with an ETag of what it shows, so a website's visitors
 * see a withdrawal or an expiry within minutes and a browser that has it asks only whether it changed. An unknown
 * number answers 404 with a badge that says so.
 */
@Controller
class BadgeController {

  private static final Logger LOG = LoggerFactory.getLogger(BadgeController.class);
  private static final MediaType SVG = MediaType.valueOf("image/svg+xml;charset=UTF-8");

  private final Verifications verifications;

  BadgeController(Verifications verifications) {
    this.verifications = verifications;
  }

  @GetMapping("/register/{number}/badge.svg")
  ResponseEntity<byte[]> svg(@PathVariable("number") String number) {
    Badge badge = Badge.of(verifications.verdict(number));
    byte[] svg = badge.svg().getBytes(StandardCharsets.UTF_8);
    return answer(badge, SVG, svg);
  }

  @GetMapping("/register/{number}/badge.png")
  ResponseEntity<byte[]> png(@PathVariable("number") String number) {
    Badge badge = Badge.of(verifications.verdict(number));
    byte[] png;
    try {
      png = badge.png();
    } catch (RuntimeException | LinkageError | InternalError noFonts) {
      // a server without fonts (a slim container) cannot draw text; the SVG needs none
      LOG.warn("The PNG badge could not be drawn on this server: {}", noFonts.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
          .body(
              ("Het beeldmerk als PNG kan deze server nu niet tekenen; gebruik badge.svg op hetzelfde adres.")
                  .getBytes(StandardCharsets.UTF_8));
    }
    return answer(badge, MediaType.IMAGE_PNG, png);
  }

  private static ResponseEntity<byte[]> answer(Badge badge, MediaType type, byte[] body) {
    String etag = etag(badge);
    return ResponseEntity.status("ONBEKEND".equals(badge.state()) ? 404 : 200)
        .contentType(type)
        .eTag(etag)
        .body(body);
  }

  /** What the badge shows, not how it was drawn: the same state and text give the same tag on every node. */
  private static String etag(Badge badge) {
    try {
      var digest = java.security.MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest(badge.svg().getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
