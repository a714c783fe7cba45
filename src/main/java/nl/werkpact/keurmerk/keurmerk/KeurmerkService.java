package nl.werkpact.keurmerk.keurmerk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keurmerken "partner in sociaal ondernemen": numbering, validity and the membership that comes with one. */
@Service
public class KeurmerkService {

  private final KeurmerkRepository keurmerken;
  private final Clock clock;

  public KeurmerkService(KeurmerkRepository keurmerken, Clock clock) {
    this.keurmerken = keurmerken;
    this.clock = clock;
  }

  /**
   * Creates the keurmerk of an awarded audit (status ACTIVE, valid two years from the award date) and its
   * network membership (one year). Idempotent per audit: a retry returns the keurmerk already created.
   */
  @Transactional
  public Keurmerk award(long employerId, long auditId, LocalDate awardDate) {
    return award(employerId, auditId, awardDate, ValidityPeriod.keurmerk(awardDate));
  }

  /**
   * A renewal. Awarded while the current keurmerk still runs, the new one starts the day after the current one ends
   * (no gap, no overlap), with a new year of membership from then, and the current one keeps running to its end as
   * RENEWED. Awarded after the current one expired or was withdrawn, the new one starts on the award date: never
   * backdated to before the employer was told the keurmerk ended, and the gap shows in the register.
   */
  @Transactional
  public Keurmerk renew(long renewedKeurmerkId, long auditId, LocalDate awardDate) {
    Keurmerk current = get(renewedKeurmerkId);
    boolean stillRunning =
        current.status() == KeurmerkStatus.ACTIVE && !awardDate.isAfter(current.validUntil());
    ValidityPeriod period =
        stillRunning
            ? new ValidityPeriod(current.validFrom(), current.validUntil()).next()
            : ValidityPeriod.keurmerk(awardDate);
    Keurmerk renewal = award(current.employerId(), auditId, awardDate, period);
    if (stillRunning) {
      keurmerken.changeStatus(
          renewedKeurmerkId,
          KeurmerkStatus.ACTIVE,
          KeurmerkStatus.RENEWED,
          "Verlengd met " + renewal.number());
    }
    return renewal;
  }

  private Keurmerk award(
      long employerId, long auditId, LocalDate awardDate, ValidityPeriod period) {
    return keurmerken
        .findByAudit(auditId)
        .orElseGet(
            () -> {
              String number =
                  formatNumber(
                      keurmerken.numberPrefix(),
                      awardDate.getYear(),
                      keurmerken.nextNumber(awardDate.getYear()));
              long id =
                  keurmerken.insert(number, employerId, auditId, period, OffsetDateTime.now(clock));
              keurmerken.insertMembership(
                  id, employerId, ValidityPeriod.membership(period.validFrom()));
              return keurmerken.findById(id).orElseThrow();
            });
  }

  /** Records which KeurmerkValidity instance runs this keurmerk's period (written by the award, not by a client). */
  @Transactional
  public void bindValidityInstance(long keurmerkId, String processInstanceId) {
    keurmerken.bindValidityInstance(keurmerkId, processInstanceId);
  }

  /** The ceremony planned in Uitreiking plannen, kept on the keurmerk it hands over. */
  @Transactional
  public void recordCeremony(String number, LocalDate date, String location) {
    keurmerken.recordCeremony(number, date, location);
  }

  /** The employer's ACTIVE keurmerk, if any: an audit requested while it runs is its renewal. */
  public Optional<Keurmerk> activeKeurmerkOf(long employerId) {
    return keurmerken.findByEmployer(employerId).stream()
        .filter(k -> k.status() == KeurmerkStatus.ACTIVE)
        .reduce((a, b) -> b);
  }

  /** When the employer's last keurmerk was withdrawn, if ever (a new audit waits after it). */
  public Optional<LocalDate> lastWithdrawalDate(long employerId) {
    return keurmerken.lastWithdrawalDate(employerId);
  }

  /** Whether the employer holds a keurmerk that counts today (the public register's question). */
  public boolean isCurrentHolder(long employerId) {
    return !keurmerken.findCurrentByEmployer(employerId, LocalDate.now(clock)).isEmpty();
  }

  /** Readable and sortable: SW-2026-0001, the prefix the region's (SW for MVS, so the numbers issued before stay). */
  static String formatNumber(String prefix, int year, int sequence) {
    return String.format("%s-%d-%04d", prefix, year, sequence);
  }

  public Keurmerk get(long id) {
    return keurmerken
        .findById(id)
        .orElseThrow(() -> new IllegalStateException("No keurmerk " + id));
  }

  public Membership membershipOf(long keurmerkId) {
    return keurmerken
        .findMembership(keurmerkId)
        .orElseThrow(() -> new IllegalStateException("No membership for keurmerk " + keurmerkId));
  }

  /**
   * A keurmerk awarded before this system existed (go-live import), with its own number: valid two years from
   * {@code validFrom} by the same rule as an award, ACTIVE while that runs and EXPIRED after, with its membership
   * (to {@code membershipUntil} when known, else one year). Reserve the number first ({@link #reserveImportedNumbers}).
   * Reminders whose moment is already gone are passed over, as if they had been sent, unless
   * {@code sendPassedReminders}: then the next round of reminders sends them late. A keurmerk that ends within 90
   * days and whose renewal reminders passed gets the latest of them late, once ({@link ReminderSchedule#catchUpFrom};
   * {@code schedule} is the deployed reminder model's, null when there is none).
   */
  @Transactional
  public Imported importExisting(
      long employerId,
      long auditId,
      String number,
      LocalDate validFrom,
      LocalDate membershipUntil,
      boolean sendPassedReminders,
      ReminderSchedule schedule) {
    var matcher = KeurmerkNumber.PATTERN.matcher(number);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Not a keurmerk number: " + number);
    }
    ValidityPeriod period = ValidityPeriod.keurmerk(validFrom);
    KeurmerkStatus status =
        period.validUntil().isBefore(LocalDate.now(clock))
            ? KeurmerkStatus.EXPIRED
            : KeurmerkStatus.ACTIVE;
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime remindersFrom =
        sendPassedReminders
            ? null
            : Optional.ofNullable(schedule)
                .flatMap(s -> s.catchUpFrom(period.validUntil(), now.toInstant()))
                .map(moment -> moment.atOffset(now.getOffset()))
                .orElse(now);
    long id =
        keurmerken.insertImported(number, employerId, auditId, period, status, now, remindersFrom);
    var membership =
        new ValidityPeriod(
            validFrom,
            membershipUntil != null
                ? membershipUntil
                : ValidityPeriod.membership(validFrom).validUntil());
    long membershipId = keurmerken.insertMembership(id, employerId, membership);
    return new Imported(
        new Keurmerk(
            id, number, employerId, auditId, period.validFrom(), period.validUntil(), status, null),
        new Membership(
            membershipId, id, employerId, membership.validFrom(), membership.validUntil()));
  }

  /**
   * An earlier period of a keurmerk that was renewed before this system existed (the local demo's history): status
   * RENEWED, no membership, no validity instance, no reminders; it counts where a past day's holders are counted.
   */
  @Transactional
  public Keurmerk importEarlierPeriod(
      long employerId, long auditId, String number, LocalDate validFrom) {
    ValidityPeriod period = ValidityPeriod.keurmerk(validFrom);
    if (!period.validUntil().isBefore(LocalDate.now(clock))) {
      throw new IllegalArgumentException("An earlier period ends before today: " + number);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    long id =
        keurmerken.insertImported(
            number, employerId, auditId, period, KeurmerkStatus.RENEWED, now, now);
    return new Keurmerk(
        id,
        number,
        employerId,
        auditId,
        period.validFrom(),
        period.validUntil(),
        KeurmerkStatus.RENEWED,
        null);
  }

  /** An imported keurmerk and its membership, as stored. */
  public record Imported(Keurmerk keurmerk, Membership membership) {}

  /** Every keurmerk number issued so far, whatever became of the keurmerk. */
  public Set<String> issuedNumbers() {
    return keurmerken.numbers();
  }

  /**
   * Before keurmerken with their own numbers are imported: new numbers of each year continue after the highest of
   * them, so no award made meanwhile can take one. In one short transaction, so the lines imported after it do not
   * wait for each other on the number counter.
   */
  @Transactional
  public void reserveImportedNumbers(Collection<String> numbers) {
    Map<Integer, Integer> highest = new TreeMap<>();
    for (String number : numbers) {
      var matcher = KeurmerkNumber.PATTERN.matcher(number);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("Not a keurmerk number: " + number);
      }
      highest.merge(
          Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Math::max);
    }
    highest.forEach(keurmerken::raiseCounter);
  }
}
