package nl.werkpact.keurmerk.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code werkpact.mail.*}: the sender, the local file drop, and the dispatcher (docs/email.md). The SMTP server itself
 * is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every e-mail, as {@code Naam <adres>}
 * @param dropDirectory local default: e-mails are written as .eml files here instead of being sent; empty sends
 *     over SMTP
 * @param dispatcher how the outbox is sent
 */
@ConfigurationProperties("werkpact.mail")
public record MailSettings(
    @DefaultValue("Sociaal Werkpact <keurmerk@werkpact.example>") String from,
    @DefaultValue("") String dropDirectory,
    @DefaultValue Dispatcher dispatcher) {

  /**
   * @param enabled whether this node sends e-mails at all (a node may only run the engine)
   * @param threads SMTP connections this node holds at once
   * @param batchSize e-mails one claim takes
   * @param lease how long a claim is this node's; after it another node may take the e-mails over
   * @param idlePoll how often an idle dispatcher looks for due e-mails another node queued
   * @param retryDelays the waits after the first, second, … temporary refusal; after the last the e-mail is
   *     undeliverable
   * @param node this node's name in the outbox (default: host name and process id)
   * @param unrecordedAtMost e-mails a node may have accepted by the server but not yet recorded as sent (the
   *     duplicates a crash can cause)
   */
  public record Dispatcher(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("3") int threads,
      @DefaultValue("25") int batchSize,
      @DefaultValue("PT40S") Duration lease,
      @DefaultValue("PT1S") Duration idlePoll,
      @DefaultValue({"PT30S", "PT2M", "PT10M", "PT30M", "PT1H", "PT2H"}) List<Duration> retryDelays,
      @DefaultValue("") String node,
      @DefaultValue("1") int unrecordedAtMost) {}
}
