package nl.werkpact.keurmerk.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.common.ForbiddenException;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
  private final ObjectProvider<MailOwners> owners;

  /** An address on a domain (no IP literal, no local host): what an employer's contact address looks like. */
  private static final Pattern DOMAIN_ADDRESS =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

  public MailOutbox(
      CorrespondenceRepository correspondence,
      MailTemplates templates,
      MailDispatcher dispatcher,
      OutboxSignal signal,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this(correspondence, templates, dispatcher, signal, transactionManager, clock, null);
  }

  @Autowired
  public MailOutbox(
      CorrespondenceRepository correspondence,
      MailTemplates templates,
      MailDispatcher dispatcher,
      OutboxSignal signal,
      PlatformTransactionManager transactionManager,
      Clock clock,
      ObjectProvider<MailOwners> owners) {
    this.owners = owners;
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
    long id =
        correspondence.insert(
            request,
            templates.render(request.template(), withAccountmanager(request, null)),
            OffsetDateTime.now(clock),
            dispatcher.timingNow());
    wakeDispatcherAfterCommit();
    return id;
  }

  /** Whether an e-mail with this dedup key was queued (at any time). */
  public boolean isQueued(String dedupKey) {
    return correspondence.findIdByDedupKey(dedupKey).isPresent();
  }

  /**
   * Queues the e-mail to the employer and, when its record's employer has an accountmanager with an e-mail address,
   * the accountmanager's own text about it ({@code copyTemplate}, same model, dedup key with {@code :accountmanager}):
   * the accountmanager hears of every such change of its employers. Both at most once.
   */
  @Transactional
  public void enqueueWithAccountmanagerCopy(MailRequest request, String copyTemplate) {
    enqueue(request);
    var accountmanager =
        owners()
            .accountmanagersOf(request.concernsType(), List.of(request.concernsId()))
            .get(request.concernsId());
    if (accountmanager != null && accountmanager.email() != null) {
      enqueue(
          new MailRequest(
              copyTemplate,
              accountmanager.email(),
              request.model(),
              request.concernsType(),
              request.concernsId(),
              request.processInstanceId(),
              request.dedupKey() + ":accountmanager"));
    }
  }

  /**
   * Queues many e-mails in the current transaction at once (a round of reminders), each at most once per dedup key;
   * answers how many were not queued before.
   */
  @Transactional
  public int enqueueAll(List<MailRequest> requests) {
    var existing =
        correspondence.existingDedupKeys(requests.stream().map(MailRequest::dedupKey).toList());
    var seen = new HashSet<>(existing);
    List<MailRequest> fresh = requests.stream().filter(r -> seen.add(r.dedupKey())).toList();
    Map<String, Map<Long, MailOwners.Accountmanager>> accountmanagers = new HashMap<>();
    fresh.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                MailRequest::concernsType,
                java.util.stream.Collectors.mapping(
                    MailRequest::concernsId, java.util.stream.Collectors.toSet())))
        .forEach((type, ids) -> accountmanagers.put(type, owners().accountmanagersOf(type, ids)));
    List<RenderedMail> rendered =
        fresh.stream()
            .map(
                r ->
                    templates.render(
                        r.template(),
                        withAccountmanager(
                            r,
                            accountmanagers
                                .getOrDefault(r.concernsType(), Map.of())
                                .get(r.concernsId()))))
            .toList();
    correspondence.insertAll(fresh, rendered, OffsetDateTime.now(clock), dispatcher.timingNow());
    if (!fresh.isEmpty()) {
      wakeDispatcherAfterCommit();
    }
    return fresh.size();
  }

  /**
   * The model with the employer's accountmanager (name and e-mail) for the signature, unless the caller named one:
   * every e-mail about an employer's record names who to call. {@code known}: already looked up (a round).
   */
  private Map<String, Object> withAccountmanager(
      MailRequest request, MailOwners.Accountmanager known) {
    if (request.model().containsKey("accountmanagerName")) {
      return request.model();
    }
    var accountmanager =
        known != null
            ? known
            : owners()
                .accountmanagersOf(request.concernsType(), List.of(request.concernsId()))
                .get(request.concernsId());
    if (accountmanager == null) {
      return request.model();
    }
    Map<String, Object> model = new HashMap<>(request.model());
    model.put("accountmanagerName", accountmanager.name());
    model.put("accountmanagerEmail", accountmanager.email());
    return model;
  }

  private void wakeDispatcherAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      signal.wake();
      return;
    }
    // One wake per transaction is enough, however many e-mails it queued.
    if (TransactionSynchronizationManager.getResource(signal) == null) {
      TransactionSynchronizationManager.bindResource(signal, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
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
   * An e-mail that did not go out (undeliverable or failed) is sent again, by the accountmanager of the employer it
   * concerns or by an admin, to the same address or to the employer's corrected contact address. A corrected address is
   * saved on the employer in the same transaction, the old address is told in an e-mail of its own, and the note of who
   * did it and the old address stays on the row and in its history. Sent at once, without waiting for the queue;
   * answers the e-mail's status after that attempt.
   */
  public CorrespondenceStatus resend(long id, String correctedAddress, String user, boolean admin) {
    return resend(id, correctedAddress, true, user, admin);
  }

  /**
   * The same, where the caller chooses whether a corrected address is also saved on the employer (with the contact
   * history) and told to the old address ({@code saveOnEmployer}), or only this e-mail goes to it.
   */
  public CorrespondenceStatus resend(
      long id, String correctedAddress, boolean saveOnEmployer, String user, boolean admin) {
    Correspondence mail =
        correspondence
            .findById(id)
            .orElseThrow(
                () -> new InvalidRequestException("Er is geen e-mail met nummer " + id + "."));
    var owner = owners().ownerOf(mail);
    requireOwnAccountmanagerOrAdmin(owner, user, admin, "opnieuw versturen");
    String address =
        correctedAddress == null || correctedAddress.isBlank()
            ? mail.recipient()
            : correctedAddress.strip();
    try {
      var parsed = new InternetAddress(address, true);
      if (!address.equals(parsed.getAddress()) || !DOMAIN_ADDRESS.matcher(address).matches()) {
        throw new AddressException(address);
      }
    } catch (AddressException e) {
      throw new InvalidRequestException(
          "Adres is geen geldig e-mailadres; typ bijvoorbeeld naam@bedrijf.nl.");
    }
    boolean changed = !address.equalsIgnoreCase(mail.recipient());
    boolean saved = changed && saveOnEmployer;
    if (changed
        && (owner.isEmpty()
            || owner.get().contactEmail() == null
            || !owner.get().contactEmail().equalsIgnoreCase(mail.recipient()))) {
      throw new InvalidRequestException(
          "E-mail "
              + id
              + " ging niet naar het contactadres van een werkgever (maar bijvoorbeeld als kopie "
              + "naar een accountmanager); hij kan alleen opnieuw naar "
              + mail.recipient()
              + ". Er is niets gewijzigd.");
    }
    String note =
        "Opnieuw verstuurd door "
            + user
            + (saved
                ? " naar "
                    + address
                    + " (was "
                    + mail.recipient()
                    + "; het nieuwe adres is opgeslagen bij "
                    + owner.get().employerName()
                    + " en het oude adres is ingelicht)"
                : changed
                    ? " naar "
                        + address
                        + " (was "
                        + mail.recipient()
                        + "; alleen voor deze e-mail, niet opgeslagen bij "
                        + owner.get().employerName()
                        + ")"
                    : "")
            + "; vorige fout: "
            + (mail.lastError() == null ? "-" : mail.lastError());
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean requeued =
        Boolean.TRUE.equals(
            ownTransaction.execute(
                status -> {
                  if (!correspondence.requeue(
                      id,
                      address,
                      CorrespondenceRepository.abbreviate(note, 2000),
                      now,
                      dispatcher.timingNow(),
                      user)) {
                    return false;
                  }
                  if (saved) {
                    var employer = owner.get();
                    owners().saveContactEmail(employer, address, user);
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("employerName", employer.employerName());
                    model.put(
                        "contactPerson",
                        employer.contactPerson() == null ? "" : employer.contactPerson());
                    model.put("oldAddress", mail.recipient());
                    model.put("newAddress", address);
                    correspondence.insert(
                        new MailRequest(
                            MailOwners.ADDRESS_CHANGED_TEMPLATE,
                            mail.recipient(),
                            model,
                            mail.concernsType(),
                            mail.concernsId(),
                            mail.processInstanceId(),
                            MailOwners.ADDRESS_CHANGED_TEMPLATE
                                + ":"
                                + id
                                + ":"
                                + now.toInstant().toEpochMilli()),
                        templates.render(MailOwners.ADDRESS_CHANGED_TEMPLATE, model),
                        now,
                        dispatcher.timingNow());
                  }
                  return true;
                }));
    if (!requeued) {
      throw new InvalidRequestException(
          "E-mail "
              + id
              + " is al verzonden of wordt nu verzonden; er is niets opnieuw te versturen.");
    }
    LOG.info(
        "E-mail {} sent again by {} to {}{}",
        id,
        user,
        address,
        saved
            ? " (the employer's address changed; the old one is told)"
            : changed ? " (this e-mail only)" : "");
    dispatcher.noLongerWaiting(List.of(id));
    if (saved) {
      signal.wake();
    }
    return dispatcher.sendNow(id);
  }

  private MailOwners owners() {
    return owners == null ? MailOwners.NOBODY : owners.getIfAvailable(() -> MailOwners.NOBODY);
  }

  private static void requireOwnAccountmanagerOrAdmin(
      Optional<MailOwners.Owner> owner, String user, boolean admin, String what) {
    if (admin) {
      return;
    }
    if (owner.isEmpty()
        || owner.get().accountmanager() == null
        || !owner.get().accountmanager().equals(user)) {
      throw new ForbiddenException(
          "Alleen de accountmanager van "
              + owner.map(MailOwners.Owner::employerName).orElse("de werkgever")
              + " of een beheerder kan deze e-mail "
              + what
              + ". Er is niets gewijzigd.");
    }
  }

  /** Every e-mail that waits for a person goes back into the queue (after the mail server was repaired). */
  public int resendAll(String user) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Long> requeued = new ArrayList<>();
    for (Correspondence mail : correspondence.findNeedingAPerson(10_000)) {
      String note =
          "Opnieuw in de wachtrij gezet door "
              + user
              + "; vorige fout: "
              + (mail.lastError() == null ? "-" : mail.lastError());
      if (Boolean.TRUE.equals(
          ownTransaction.execute(
              s ->
                  correspondence.requeue(
                      mail.id(),
                      mail.recipient(),
                      CorrespondenceRepository.abbreviate(note, 2000),
                      now,
                      dispatcher.timingNow(),
                      user)))) {
        requeued.add(mail.id());
      }
    }
    dispatcher.noLongerWaiting(requeued);
    LOG.info("{} e-mails put back in the queue by {}", requeued.size(), user);
    signal.wake();
    return requeued.size();
  }

  /**
   * After a passing outage of the mail server: every e-mail that waits for its next attempt (a temporary refusal,
   * a timeout) is tried now instead of at its retry time. Answers how many.
   */
  public int retryWaitingNow(String user) {
    Integer count =
        ownTransaction.execute(
            s -> correspondence.retryNow(OffsetDateTime.now(clock), dispatcher.timingNow(), user));
    LOG.info("{} e-mails waiting for their next attempt are tried now, by {}", count, user);
    signal.wake();
    return count == null ? 0 : count;
  }

  /** E-mails that wait for their next attempt after a passing failure (the dispatcher tries them by itself). */
  public long countWaitingForRetry() {
    return correspondence.countWaitingForRetry(dispatcher.timingNow());
  }

  /** An operator decides an e-mail that did not go out needs nothing more (the employer was reached otherwise). */
  public void close(long id, String reason, String user, boolean admin) {
    Correspondence mail =
        correspondence
            .findById(id)
            .orElseThrow(
                () -> new InvalidRequestException("Er is geen e-mail met nummer " + id + "."));
    requireOwnAccountmanagerOrAdmin(owners().ownerOf(mail), user, admin, "afsluiten");
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException(
          "Geef een reden, bijvoorbeeld: werkgever telefonisch bereikt.");
    }
    if (!Boolean.TRUE.equals(
        ownTransaction.execute(
            s ->
                correspondence.close(
                    id,
                    CorrespondenceRepository.abbreviate(reason.strip(), 2000),
                    OffsetDateTime.now(clock),
                    dispatcher.timingNow(),
                    user)))) {
      throw new InvalidRequestException(
          "E-mail "
              + id
              + " is verzonden, al afgesloten of wordt nu verzonden; er is niets af te sluiten.");
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
  public Map<Long, List<CorrespondenceEvent>> histories(Collection<Long> ids) {
    return correspondence.eventsOf(ids);
  }
}
