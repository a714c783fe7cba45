package nl.werkpact.keurmerk.keurmerk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.region.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which suspension of a keurmerk holds today ({@link KeurmerkSuspensions} makes and lifts them): read by the
 * certificate, the verification page and the badge, which the outbox needs before the suspensions' e-mails can be
 * sent, so this reads only.
 */
@Component
public class SuspensionRecords {

  /** A suspension that holds today: since when, until when (null: until lifted), why. */
  public record Suspension(long id, LocalDate since, LocalDate until, String reason) {}

  private final JdbcClient jdbc;
  private final KeurmerkRepository keurmerken;
  private final Clock clock;

  public SuspensionRecords(JdbcClient jdbc, KeurmerkRepository keurmerken, Clock clock) {
    this.jdbc = jdbc;
    this.keurmerken = keurmerken;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(Dates.AMSTERDAM));
  }

  /** The suspension of this keurmerk that holds today, if any. */
  public Optional<Suspension> current(long keurmerkId) {
    return jdbc
        .sql(
            "SELECT s.id, s.suspended_on, s.until_day, s.reason FROM keurmerk_suspension s"
                + " WHERE s.keurmerk_id = :keurmerk AND s.suspended_on <= :day"
                + " AND (s.until_day IS NULL OR s.until_day >= :day)"
                + " AND (s.lifted_on IS NULL OR s.lifted_on > :day) ORDER BY s.id DESC")
        .param("keurmerk", keurmerkId)
        .param("day", today())
        .query(
            (rs, i) ->
                new Suspension(
                    rs.getLong(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalDate.class),
                    rs.getString(4)))
        .list()
        .stream()
        .findFirst();
  }

  /** The suspension that holds today of the keurmerk with this number, in any region (the public verification). */
  public Optional<Suspension> currentOf(String number) {
    return RegionScope.in(
        RegionScope.ALL, () -> keurmerken.findByNumber(number).flatMap(k -> current(k.id())));
  }
}
