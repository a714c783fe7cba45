package nl.werkpact.keurmerk.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.werkpact.keurmerk.audit.AuditRepository;
import nl.werkpact.keurmerk.audit.SocialReturn;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The numbers the Werkpact reports, computed from the project's own records (employers, convenants, audits,
 * keurmerken), for a year and a municipality or for all of them.
 *
 * <p>Flows count what happened in the year (a convenant counts in the year it was signed, an audit's figures in the year
 * the committee decided it); stocks (keurmerkhouders) count on a day: today, or 31 December of a past year. Extra
 * workplaces, work-experience places and social purchasing come from awarded audits only.
 */
@Repository
public class WerkpactFigures {

  /** Which part of the records the figures cover; null means all years, or all municipalities. */
  public record Selection(Integer year, String municipality) {
    boolean inYear(LocalDate date) {
      return date != null && (year == null || date.getYear() == year);
    }

    boolean inMunicipality(String value) {
      return municipality == null || municipality.equals(value);
    }
  }

  public record Summary(
      long signedConvenants,
      long signedTarget,
      long holders,
      LocalDate holdersOn,
      long extraWorkplaces,
      long extraWorkplacesTarget,
      long workExperiencePlaces,
      BigDecimal socialPurchasing) {}

  public record YearRow(
      int year,
      long intents,
      long signed,
      long signedCumulative,
      long signedTarget,
      long awarded,
      long rejected,
      long extraWorkplaces,
      long workExperiencePlaces,
      BigDecimal socialPurchasing) {}

  public record MunicipalityRow(
      String municipality,
      long signed,
      long holders,
      long awarded,
      long extraWorkplaces,
      long workExperiencePlaces,
      BigDecimal socialPurchasing) {}

  public record FunnelStep(String step, long count) {}

  /**
   * One social return activity summed over the awarded audits in the selection; {@code audits} is how many of them
   * recorded the counts (audits from before the counts existed and imported awards did not).
   */
  public record SocialReturnTotal(String activity, long total, long audits) {}

  public record Expiring(
      String number,
      String employerName,
      String kvkNumber,
      String municipality,
      LocalDate validUntil,
      long daysLeft,
      String renewal) {}

  public record Figures(
      Selection selection,
      LocalDate today,
      List<Integer> years,
      List<String> municipalities,
      Summary summary,
      List<YearRow> perYear,
      List<MunicipalityRow> perMunicipality,
      List<FunnelStep> funnel,
      List<SocialReturnTotal> socialReturn,
      List<Expiring> expiring) {}

  static final int EXPIRING_DAYS = 90;

  record ConvenantRow(String municipality, LocalDate registered, LocalDate signed) {}

  record AuditRow(
      long id,
      String municipality,
      LocalDate requested,
      String status,
      LocalDate decided,
      Long renewalOf,
      int extraWorkplaces,
      int workExperiencePlaces,
      BigDecimal socialPurchasing,
      SocialReturn socialReturn) {}

  record KeurmerkRow(
      long id,
      String number,
      String employerName,
      String kvkNumber,
      String municipality,
      LocalDate validFrom,
      LocalDate validUntil,
      String status,
      LocalDate withdrawnOn,
      Long renewalOf,
      List<Suspension> suspensions) {}

  /** A suspension of a keurmerk (keurmerk/KeurmerkSuspensions): from a day, until a day or until lifted. */
  record Suspension(LocalDate from, LocalDate until, LocalDate liftedOn) {
    /** The rule of {@code KeurmerkStatus.suspendedOn}: a suspended keurmerk is not held on that day. */
    boolean holdsOn(LocalDate day) {
      return !from.isAfter(day)
          && (until == null || !until.isBefore(day))
          && (liftedOn == null || liftedOn.isAfter(day));
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final long signedTarget;
  private final long extraWorkplacesTarget;

  public WerkpactFigures(JdbcClient jdbc, Clock clock, DashboardSettings targets) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.signedTarget = targets.targetSignedConvenants();
    this.extraWorkplacesTarget = targets.targetExtraWorkplaces();
  }

  public Figures figures(Selection selection) {
    LocalDate today = LocalDate.now(clock);
    List<ConvenantRow> convenants =
        jdbc.sql(
                """
            SELECT e.municipality, c.registered_at, c.signed_date FROM convenant c JOIN employer e ON e.id = c.employer_id""")
            .query(
                (rs, i) ->
                    new ConvenantRow(
                        rs.getString(1),
                        local(rs.getObject(2, OffsetDateTime.class)),
                        rs.getObject(3, LocalDate.class)))
            .list();
    List<AuditRow> audits =
        jdbc.sql(
                """
            SELECT a.id, e.municipality, a.requested_at, a.status, a.decided_on, a.renewal_of_keurmerk_id,
                   a.extra_workplaces, a.work_experience_places, a.social_purchasing_euros, \s"""
                    + AuditRepository.SOCIAL_RETURN_COLUMNS
                    + " FROM audit a JOIN employer e ON e.id = a.employer_id")
            .query(
                (rs, i) ->
                    new AuditRow(
                        rs.getLong(1),
                        rs.getString(2),
                        local(rs.getObject(3, OffsetDateTime.class)),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, Long.class),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getBigDecimal(9) == null ? BigDecimal.ZERO : rs.getBigDecimal(9),
                        AuditRepository.socialReturn(rs)))
            .list();
    Map<Long, List<Suspension>> suspensions = new java.util.HashMap<>();
    jdbc.sql("SELECT keurmerk_id, suspended_on, until_day, lifted_on FROM keurmerk_suspension")
        .query(
            (rs, i) ->
                suspensions
                    .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(
                        new Suspension(
                            rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class))))
        .list();
    List<KeurmerkRow> keurmerken =
        jdbc.sql(
                """
            SELECT k.id, k.number, e.name, e.kvk_number, e.municipality, k.valid_from, k.valid_until, k.status,
                   (SELECT MAX(c.changed_at) FROM keurmerk_status_change c WHERE c.keurmerk_id = k.id AND c.status = 'WITHDRAWN'),
                   a.renewal_of_keurmerk_id
            FROM keurmerk k JOIN employer e ON e.id = k.employer_id JOIN audit a ON a.id = k.audit_id""")
            .query(
                (rs, i) ->
                    new KeurmerkRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class),
                        rs.getString(8),
                        local(rs.getObject(9, OffsetDateTime.class)),
                        rs.getObject(10, Long.class),
                        suspensions.getOrDefault(rs.getLong(1), List.of())))
            .list();
    return compute(selection, today, convenants, audits, keurmerken);
  }

  Figures compute(
      Selection selection,
      LocalDate today,
      List<ConvenantRow> convenants,
      List<AuditRow> audits,
      List<KeurmerkRow> keurmerken) {
    Set<Integer> yearSet = new TreeSet<>(Comparator.reverseOrder());
    yearSet.add(today.getYear());
    convenants.forEach(
        c -> {
          yearSet.add(c.registered().getYear());
          if (c.signed() != null) {
            yearSet.add(c.signed().getYear());
          }
        });
    audits.forEach(a -> yearSet.add(a.requested().getYear()));
    yearSet.removeIf(year -> year > today.getYear());
    List<Integer> years = List.copyOf(yearSet);
    Set<String> municipalitySet = new TreeSet<>();
    convenants.forEach(c -> municipalitySet.add(c.municipality()));
    audits.forEach(a -> municipalitySet.add(a.municipality()));

    LocalDate holdersOn =
        selection.year() == null || selection.year() >= today.getYear()
            ? today
            : LocalDate.of(selection.year(), 12, 31);
    List<AuditRow> awarded = audits.stream().filter(a -> "AWARDED".equals(a.status())).toList();
    var inSelection = audits(selection, awarded);
    var summary =
        new Summary(
            convenants.stream()
                .filter(
                    c -> selection.inMunicipality(c.municipality()) && selection.inYear(c.signed()))
                .count(),
            signedTarget,
            holders(keurmerken, holdersOn, today, selection.municipality()),
            holdersOn,
            inSelection.stream().mapToLong(AuditRow::extraWorkplaces).sum(),
            extraWorkplacesTarget,
            inSelection.stream().mapToLong(AuditRow::workExperiencePlaces).sum(),
            inSelection.stream()
                .map(AuditRow::socialPurchasing)
                .reduce(BigDecimal.ZERO, BigDecimal::add));

    // Per year: every year up to this one, for the chosen municipality (or all).
    List<YearRow> perYear = new ArrayList<>();
    long cumulative = 0;
    List<Integer> ascending = new ArrayList<>(years);
    Collections.reverse(ascending);
    for (int year : ascending) {
      var inYear = new Selection(year, selection.municipality());
      long signed =
          convenants.stream()
              .filter(c -> inYear.inMunicipality(c.municipality()) && inYear.inYear(c.signed()))
              .count();
      cumulative += signed;
      var yearAwarded = audits(inYear, awarded);
      perYear.add(
          new YearRow(
              year,
              convenants.stream()
                  .filter(
                      c -> inYear.inMunicipality(c.municipality()) && inYear.inYear(c.registered()))
                  .count(),
              signed,
              cumulative,
              signedTarget,
              yearAwarded.size(),
              audits.stream()
                  .filter(
                      a ->
                          "REJECTED".equals(a.status())
                              && inYear.inMunicipality(a.municipality())
                              && inYear.inYear(a.decided()))
                  .count(),
              yearAwarded.stream().mapToLong(AuditRow::extraWorkplaces).sum(),
              yearAwarded.stream().mapToLong(AuditRow::workExperiencePlaces).sum(),
              yearAwarded.stream()
                  .map(AuditRow::socialPurchasing)
                  .reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    // Per municipality: every municipality, for the chosen year (or all years).
    List<MunicipalityRow> perMunicipality = new ArrayList<>();
    for (String municipality : municipalitySet) {
      var here = new Selection(selection.year(), municipality);
      var hereAwarded = audits(here, awarded);
      perMunicipality.add(
          new MunicipalityRow(
              municipality,
              convenants.stream()
                  .filter(c -> here.inMunicipality(c.municipality()) && here.inYear(c.signed()))
                  .count(),
              holders(keurmerken, holdersOn, today, municipality),
              hereAwarded.size(),
              hereAwarded.stream().mapToLong(AuditRow::extraWorkplaces).sum(),
              hereAwarded.stream().mapToLong(AuditRow::workExperiencePlaces).sum(),
              hereAwarded.stream()
                  .map(AuditRow::socialPurchasing)
                  .reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    Predicate<String> here = selection::inMunicipality;
    List<FunnelStep> funnel =
        List.of(
            new FunnelStep(
                "Intentie",
                convenants.stream()
                    .filter(c -> here.test(c.municipality()) && selection.inYear(c.registered()))
                    .count()),
            new FunnelStep(
                "Convenant ondertekend",
                convenants.stream()
                    .filter(c -> here.test(c.municipality()) && selection.inYear(c.signed()))
                    .count()),
            new FunnelStep(
                "Audit aangevraagd",
                audits.stream()
                    .filter(a -> here.test(a.municipality()) && selection.inYear(a.requested()))
                    .count()),
            new FunnelStep("Keurmerk toegekend", inSelection.size()),
            new FunnelStep(
                "Afgewezen",
                audits.stream()
                    .filter(
                        a ->
                            "REJECTED".equals(a.status())
                                && here.test(a.municipality())
                                && selection.inYear(a.decided()))
                    .count()));

    return new Figures(
        selection,
        today,
        years,
        List.copyOf(municipalitySet),
        summary,
        perYear,
        perMunicipality,
        funnel,
        socialReturn(inSelection),
        expiring(keurmerken, audits, today, selection.municipality()));
  }

  /** Every social return activity, summed over the awarded audits that recorded it, and the workshops bought from. */
  private static List<SocialReturnTotal> socialReturn(List<AuditRow> awarded) {
    List<SocialReturn> recorded =
        awarded.stream().map(AuditRow::socialReturn).filter(r -> r != null).toList();
    List<SocialReturnTotal> totals = new ArrayList<>();
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      totals.add(
          new SocialReturnTotal(
              count.label(),
              recorded.stream().mapToLong(r -> r.count(count)).sum(),
              recorded.size()));
    }
    totals.add(
        new SocialReturnTotal(
            "Audits met inkoop bij een sociaal werkbedrijf",
            recorded.stream().filter(r -> r.socialWorkshops() != null).count(),
            recorded.size()));
    return totals;
  }

  private static List<AuditRow> audits(Selection selection, List<AuditRow> awarded) {
    return awarded.stream()
        .filter(a -> selection.inMunicipality(a.municipality()) && selection.inYear(a.decided()))
        .toList();
  }

  /**
   * Employers holding a keurmerk on the day: today exactly as the public register counts (ACTIVE or RENEWED, inside the
   * period); on a past day, a keurmerk inside its period that had not been withdrawn by then.
   */
  private static long holders(
      List<KeurmerkRow> keurmerken, LocalDate on, LocalDate today, String municipality) {
    return keurmerken.stream()
        .filter(k -> municipality == null || municipality.equals(k.municipality()))
        .filter(
            k ->
                on.equals(today)
                    ? KeurmerkStatus.isHeldOn(k.status(), k.validFrom(), k.validUntil(), on)
                    : !k.validFrom().isAfter(on)
                        && !k.validUntil().isBefore(on)
                        && (k.withdrawnOn() == null || k.withdrawnOn().isAfter(on)))
        // suspended that day: not held, as the register says
        .filter(k -> k.suspensions().stream().noneMatch(suspension -> suspension.holdsOn(on)))
        .map(KeurmerkRow::kvkNumber)
        .distinct()
        .count();
  }

  /** Current keurmerken that end within {@value #EXPIRING_DAYS} days, soonest first, with where their renewal stands. */
  private static List<Expiring> expiring(
      List<KeurmerkRow> keurmerken, List<AuditRow> audits, LocalDate today, String municipality) {
    Map<Long, KeurmerkRow> renewedBy =
        keurmerken.stream()
            .filter(k -> k.renewalOf() != null)
            .collect(
                Collectors.toMap(
                    KeurmerkRow::renewalOf,
                    k -> k,
                    (a, b) -> a.validFrom().isAfter(b.validFrom()) ? a : b));
    Map<Long, List<AuditRow>> renewalAudits =
        audits.stream()
            .filter(a -> a.renewalOf() != null)
            .collect(Collectors.groupingBy(AuditRow::renewalOf, TreeMap::new, Collectors.toList()));
    return keurmerken.stream()
        .filter(k -> municipality == null || municipality.equals(k.municipality()))
        .filter(k -> KeurmerkStatus.isHeldOn(k.status(), k.validFrom(), k.validUntil(), today))
        .filter(k -> !k.validUntil().isAfter(today.plusDays(EXPIRING_DAYS)))
        .sorted(Comparator.comparing(KeurmerkRow::validUntil).thenComparing(KeurmerkRow::number))
        .map(
            k ->
                new Expiring(
                    k.number(),
                    k.employerName(),
                    k.kvkNumber(),
                    k.municipality(),
                    k.validUntil(),
                    ChronoUnit.DAYS.between(today, k.validUntil()),
                    renewal(renewedBy.get(k.id()), renewalAudits.getOrDefault(k.id(), List.of()))))
        .toList();
  }

  private static String renewal(KeurmerkRow renewedWith, List<AuditRow> renewalAudits) {
    if (renewedWith != null) {
      return "Verlengd: "
          + renewedWith.number()
          + " geldig vanaf "
          + Dates.numeric(renewedWith.validFrom());
    }
    var latest =
        renewalAudits.stream()
            .max(Comparator.comparing(AuditRow::requested).thenComparing(AuditRow::id));
    if (latest.isEmpty()) {
      return "Geen verlenging aangevraagd";
    }
    return switch (latest.get().status()) {
      case "PLANNING" -> "Verlengingsaudit aangevraagd, nog niet gepland";
      case "PLANNED" -> "Verlengingsaudit gepland";
      case "AWAITING_COMMITTEE" -> "Verlengingsaudit wacht op de keurmerkcommissie";
      case "REJECTED" -> "Verlenging afgewezen op " + Dates.numeric(latest.get().decided());
      case "CANCELLED" -> "Verlengingsaudit geannuleerd";
      default -> "Verlengingsaudit: " + latest.get().status();
    };
  }

  private static LocalDate local(OffsetDateTime moment) {
    return moment == null ? null : moment.atZoneSameInstant(Dates.AMSTERDAM).toLocalDate();
  }
}
