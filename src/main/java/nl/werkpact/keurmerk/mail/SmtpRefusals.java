package nl.werkpact.keurmerk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailSendException;

/**
 * Tells a refusal for good from a passing failure. The mail server's 5xx for this recipient or this message (unknown
 * address, message rejected) and a malformed address will not change by trying again; a 4xx, a timeout or a server
 * that does not answer will. A 5xx for our sender address concerns every e-mail (a setting to fix): passing, so it
 * ends in an incident that an operator sees.
 */
final class SmtpRefusals {

  private SmtpRefusals() {}

  /** The server's answer when the failure is a refusal for good; empty when trying again may help. */
  static Optional<String> permanent(Throwable failure) {
    Optional<String> refusal = Optional.empty();
    for (Throwable cause : chain(failure)) {
      if (cause instanceof SMTPSenderFailedException) {
        return Optional.empty(); // our sender address refused: a setting, not this e-mail
      }
      if (refusal.isEmpty()
          && cause instanceof SMTPAddressFailedException address
          && address.getReturnCode() >= 500) {
        refusal = Optional.of(address.getMessage().strip());
      } else if (refusal.isEmpty()
          && cause instanceof SMTPSendFailedException send
          && send.getReturnCode() >= 500) {
        refusal = Optional.of(send.getMessage().strip());
      } else if (refusal.isEmpty() && cause instanceof AddressException malformed) {
        refusal = Optional.of("Ongeldig e-mailadres: " + malformed.getMessage());
      }
    }
    return refusal;
  }

  /**
   * Whether the conversation with the server broke (no connection, a timeout, a closed socket): the e-mails after this
   * one wait for a new connection instead of failing one by one on a dead one.
   */
  static boolean connectionLost(Throwable failure) {
    if (permanent(failure).isPresent()) {
      return false;
    }
    for (Throwable cause : chain(failure)) {
      if (cause instanceof IOException || cause instanceof MailConnectException) {
        return true;
      }
    }
    return false;
  }

  /** Every throwable reachable from the failure: causes, next exceptions, the failed messages of a send. */
  private static Set<Throwable> chain(Throwable failure) {
    Deque<Throwable> open = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    open.add(failure);
    while (!open.isEmpty()) {
      Throwable next = open.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (next instanceof MailSendException send) {
        send.getFailedMessages().values().forEach(open::add);
      }
      if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
        open.add(messaging.getNextException());
      }
      if (next.getCause() != null) {
        open.add(next.getCause());
      }
    }
    return seen;
  }
}
