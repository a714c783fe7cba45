package nl.werkpact.keurmerk.keurmerk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keurmerken "partner in sociaal ondernemen": numbering, validity and the membership that comes with one. */
@Service
public class KeurmerkService {

  static final String NUMBER_PREFIX = "SW";

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
    return keurmerken.findByAudit(auditId).orElseGet(() -> {
      String number = formatNumber(awardDate.getYear(), keurmerken.nextNumber(awardDate.getYear()));
      long id = keurmerken.insert(number, employerId, auditId, ValidityPeriod.keurmerk(awardDate), OffsetDateTime.now(clock));
      keurmerken.insertMembership(id, employerId, ValidityPeriod.membership(awardDate));
      return keurmerken.findById(id).orElseThrow();
    });
  }

  /** Readable and sortable: SW-2026-0001. */
  static String formatNumber(int year, int sequence) {
    return String.format("%s-%d-%04d", NUMBER_PREFIX, year, sequence);
  }

  public Keurmerk get(long id) {
    return keurmerken.findById(id).orElseThrow(() -> new IllegalStateException("No keurmerk " + id));
  }

  public Membership membershipOf(long keurmerkId) {
    return keurmerken.findMembership(keurmerkId).orElseThrow(() -> new IllegalStateException("No membership for keurmerk " + keurmerkId));
  }
}
