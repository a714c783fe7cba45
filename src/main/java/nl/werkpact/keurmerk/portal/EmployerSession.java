package nl.werkpact.keurmerk.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.werkpact.keurmerk.common.OneTimeCodes;

/**
 * The employer a browser signed in with its link, kept in the HTTP session beside (never mixed with) a member of
 * staff's login: which employer and region, since when, and the token its page's forms carry. It lasts at most {@link
 * #LASTS} from the sign-in, however busy the page is, and ends sooner when the session does.
 */
record EmployerSession(
    long employerId, String regionCode, String kvkNumber, Instant signedInAt, String formToken)
    implements Serializable {

  static final Duration LASTS = Duration.ofHours(1);

  private static final String ATTRIBUTE = "werkpact.employer";

  /** Starts it, in a new session id, so a session id known before the sign-in is worth nothing after it. */
  static void start(HttpServletRequest request, EmployerSignIns.SignedIn signedIn, Clock clock) {
    request.getSession(true);
    request.changeSessionId();
    request
        .getSession()
        .setAttribute(
            ATTRIBUTE,
            new EmployerSession(
                signedIn.employerId(),
                signedIn.regionCode(),
                signedIn.kvkNumber(),
                clock.instant(),
                OneTimeCodes.newCode()));
  }

  static Optional<EmployerSession> of(HttpServletRequest request, Clock clock) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof EmployerSession signedIn)) {
      return Optional.empty();
    }
    if (clock.instant().isAfter(signedIn.signedInAt().plus(LASTS))) {
      session.removeAttribute(ATTRIBUTE);
      return Optional.empty();
    }
    return Optional.of(signedIn);
  }

  static void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(ATTRIBUTE);
    }
  }

  boolean tokenMatches(String token) {
    return token != null
        && java.security.MessageDigest.isEqual(
            formToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
