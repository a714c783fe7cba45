package nl.werkpact.keurmerk.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: where the processes and services put their e-mails, and where an operator sends one again or closes it.
 *
 * <p>{@link #enqueue} writes a PENDING row in the caller's transaction, so a record change and the e-mail it causes
 * are stored together or not at all; when that transaction commits, the {@link MailDispatcher} is woken and sends it.
 */
@Service
public class MailOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

  private final CorrespondenceRepository correspondence;
  private final MailTemplates templates;
  private final MailDispatcher dispatcher;
  private final OutboxSignal signal;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public MailOutbox(CorrespondenceRepository correspondence, MailTemplates templates, MailDispatcher dispatcher, OutboxSignal signal,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.correspondence = correspondence;
    this.templates = templates;
    this.dispatcher = dispatcher;
    this.signal = signal;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Queues the e-mail in the current transaction; returns its correspondence id. Idempotent per dedup key. */
  @Transactional
  public long enqueue(MailRequest request) {
    var existing = correspondence.findIdByDedupKey(request.dedupKey());
    if (existing.isPresent()) {
      return existing.get();
    }
    long id = correspondence.insert(request, templates.render(request.template(), request.model()), OffsetDateTime.now(clock),
        dispatcher.timingNow());
    wakeDispatcherAfterCommit();
    return id;
  }

  /**
   * Queues many e-mails in the current transaction at once (a round of reminders), each at most once per dedup key;
   * answers how many were not queued before.
   */
  @Transactional
  public int enqueueAll(List<MailRequest> requests) {
    var existing = correspondence.existingDedupKeys(requests.stream().map(MailRequest::dedupKey).toList());
    var seen = new java.util.HashSet<>(existing);
    List<MailRequest> fresh = requests.stream().filter(r -> seen.add(r.dedupKey())).toList();
    List<RenderedMail> rendered = fresh.stream().map(r -> templates.render(r.template(), r.model())).toList();
    correspondence.insertAll(fresh, rendered, OffsetDateTime.now(clock), dispatcher.timingNow());
    if (!fresh.isEmpty()) {
      wakeDispatcherAfterCommit();
    }
    return fresh.size();
  }

  private void wakeDispatcherAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      signal.wake();
      return;
    }
    // One wake per transaction is enough, however many e-mails it queued.
    if (TransactionSynchronizationManager.getResource(signal) == null) {
      TransactionSynchronizationManager.bindResource(signal, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(signal);
          if (status == STATUS_COMMITTED) {
            signal.wake();
          }
        }
      });
    }
  }

  /**
   * An operator sends an e-mail that did not go out (undeliverable or failed) again, to a corrected address or the same
   * one; the note of who did it and the old address stays on the row and in its history. It is sent at once, without
   * waiting for the queue; answers the e-mail's status after that attempt.
   */
  public CorrespondenceStatus resend(long id, String correctedAddress, String user) {
    Correspondence mail = correspondence.findById(id)
        .orElseThrow(() -> new InvalidRequestException("Er is geen e-mail met nummer " + id + "."));
    String address = correctedAddress == null || correctedAddress.isBlank() ? mail.recipient() : correctedAddress.strip();
    try {
      var parsed = new InternetAddress(address, true);
      if (!address.equals(parsed.getAddress()) || !address.contains("@")) {
        throw new AddressException(address);
      }
    } catch (AddressException e) {
      throw new InvalidRequestException("Adres is geen geldig e-mailadres; typ bijvoorbeeld naam@bedrijf.nl.");
    }
    String note = "Opnieuw verstuurd door " + user + (address.equals(mail.recipient()) ? "" : " naar " + address + " (was " + mail.recipient() + ")")
        + "; vorige fout: " + (mail.lastError() == null ? "-" : mail.lastError());
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!Boolean.TRUE.equals(ownTransaction.execute(status -> correspondence.requeue(id, address, CorrespondenceRepository.abbreviate(note, 2000), now,
        dispatcher.timingNow(), user)))) {
      throw new InvalidRequestException("E-mail " + id + " is al verzonden of wordt nu verzonden; er is niets opnieuw te versturen.");
    }
    LOG.info("E-mail {} sent again by {} to {}", id, user, address);
    dispatcher.noLongerWaiting(List.of(id));
    return dispatcher.sendNow(id);
  }

  /** Every e-mail that waits for a person goes back into the queue (after the mail server was repaired). */
  public int resendAll(String user) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Long> requeued = new ArrayList<>();
    for (Correspondence mail : correspondence.findNeedingAPerson(10_000)) {
      String note = "Opnieuw in de wachtrij gezet door " + user + "; vorige fout: " + (mail.lastError() == null ? "-" : mail.lastError());
      if (Boolean.TRUE.equals(ownTransaction.execute(s -> correspondence.requeue(mail.id(), mail.recipient(),
          CorrespondenceRepository.abbreviate(note, 2000), now, dispatcher.timingNow(), user)))) {
        requeued.add(mail.id());
      }
    }
    dispatcher.noLongerWaiting(requeued);
    LOG.info("{} e-mails put back in the queue by {}", requeued.size(), user);
    signal.wake();
    return requeued.size();
  }

  /** An operator decides an e-mail that did not go out needs nothing more (the employer was reached otherwise). */
  public void close(long id, String reason, String user) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("Geef een reden, bijvoorbeeld: werkgever telefonisch bereikt.");
    }
    if (!Boolean.TRUE.equals(ownTransaction.execute(s -> correspondence.close(id, CorrespondenceRepository.abbreviate(reason.strip(), 2000),
        OffsetDateTime.now(clock), dispatcher.timingNow(), user)))) {
      throw new InvalidRequestException("E-mail " + id + " is verzonden, al afgesloten of wordt nu verzonden; er is niets af te sluiten.");
    }
    dispatcher.noLongerWaiting(List.of(id));
    LOG.info("E-mail {} closed by {}: {}", id, user, reason.strip());
  }

  public List<Correspondence> needingAPerson(int limit) {
    return correspondence.findNeedingAPerson(limit);
  }

  public long countNeedingAPerson() {
    return correspondence.countNeedingAPerson();
  }

  /** E-mails the dispatcher still sends by itself: queued, or failed and due again later. */
  public long countInQueue() {
    return correspondence.countInQueue();
  }

  /** The history of each of these e-mails, read at once. */
  public java.util.Map<Long, List<CorrespondenceEvent>> histories(java.util.Collection<Long> ids) {
    return correspondence.eventsOf(ids);
  }
}
