package nl.werkpact.keurmerk.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.Texts;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.region.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public keurmerkregister: who holds the keurmerk today, in every region or in one, and what a keurmerk number
 * stands for. Shows nothing else of an employer than its name, municipality and region: no contact data, no figures.
 */
@Repository
public class KeurmerkRegister {

  /** A current holder: status ACTIVE or RENEWED, today inside the period. */
  public record Holder(
      String employerName,
      String municipality,
      String number,
      LocalDate validFrom,
      LocalDate validUntil,
      String regionCode,
      String regionName) {}

  public record Page(List<Holder> holders, int page, int pageSize, long total) {
    public int pages() {
      return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
  }

  /** One keurmerk as the verification page shows it. */
  public record Entry(
      String number,
      String employerName,
      String municipality,
      LocalDate validFrom,
      LocalDate validUntil,
      String status,
      LocalDate withdrawnOn,
      String regionName,
      String regionCode) {}

  private static final String MATCHES =
      " AND (LOWER(e.name) LIKE :like ESCAPE '\\' OR LOWER(e.municipality) LIKE :like ESCAPE '\\' OR e.kvk_number = :query)";

  private final JdbcClient jdbc;
  private final Clock clock;

  public KeurmerkRegister(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Current holders whose name or municipality contains the query, or whose KvK number it is; by name. Of one region
   * (its code), or of all ({@code null}): the register is public and national.
   */
  public Page holders(String region, String query, int page, int pageSize) {
    // public and national: the same for a visitor and for staff of any region
    return RegionScope.in(RegionScope.ALL, () -> holdersOf(region, query, page, pageSize));
  }

  private Page holdersOf(String region, String query, int page, int pageSize) {
    String r = region == null ? "" : region;
    String q = query == null ? "" : query.strip();
    String like = Texts.likeContaining(q);
    LocalDate today = LocalDate.now(clock);
    // Each case its own statement, so the database plans for it: a condition "or the query is
    // empty" made it scan every holder for every page. Without a query the count needs no employer,
    // and pages come in name order from ix_employer_lower_name (PostgreSQL, migration V23).
    long offset = (long) (page - 1) * pageSize;
    String inRegion = r.isEmpty() ? "" : " AND k.region_code = :region";
    String matches = q.isEmpty() ? "" : MATCHES;
    var count =
        jdbc.sql(
                q.isEmpty()
                    ? "SELECT COUNT(*) FROM keurmerk k WHERE "
                        + KeurmerkStatus.VALID_ON_DAY
                        + inRegion
                    : "SELECT COUNT(*) FROM keurmerk k JOIN employer e ON e.id = k.employer_id WHERE "
                        + KeurmerkStatus.VALID_ON_DAY
                        + inRegion
                        + matches)
            .param("day", today);
    var list =
        jdbc.sql(
                "SELECT e.name, e.municipality, k.number, k.valid_from, k.valid_until, r.code, r.name"
                    + " FROM keurmerk k JOIN employer e ON e.id = k.employer_id JOIN region r ON r.code = k.region_code"
                    + " WHERE "
                    + KeurmerkStatus.VALID_ON_DAY
                    + inRegion
                    + matches
                    + " ORDER BY LOWER(e.name), k.number LIMIT :size OFFSET :offset")
            .param("day", today)
            .param("size", pageSize)
            .param("offset", offset);
    if (!r.isEmpty()) {
      count = count.param("region", r);
      list = list.param("region", r);
    }
    if (!q.isEmpty()) {
      count = count.param("query", q).param("like", like);
      list = list.param("query", q).param("like", like);
    }
    List<Holder> holders =
        list.query(
                (rs, i) ->
                    new Holder(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getString(7)))
            .list();
    // A page that is not full is the last one: its count is known without counting, so a search
    // for a name or a KvK number reads the holders once, not twice.
    long total =
        holders.size() < pageSize && (!holders.isEmpty() || offset == 0)
            ? offset + holders.size()
            : count.query(Long.class).single();
    return new Page(holders, page, pageSize, total);
  }

  public Optional<Entry> keurmerk(String number) {
    return RegionScope.in(RegionScope.ALL, () -> entry(number));
  }

  private Optional<Entry> entry(String number) {
    return jdbc.sql(
            """
            SELECT k.number, e.name, e.municipality, k.valid_from, k.valid_until, k.status,
                   (SELECT MAX(c.changed_at) FROM keurmerk_status_change c WHERE c.keurmerk_id = k.id AND c.status = 'WITHDRAWN'),
                   r.name, r.code
            FROM keurmerk k JOIN employer e ON e.id = k.employer_id JOIN region r ON r.code = k.region_code
            WHERE k.number = ?""")
        .param(number)
        .query(
            (rs, i) -> {
              var withdrawn = rs.getObject(7, OffsetDateTime.class);
              return new Entry(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, LocalDate.class),
                  rs.getObject(5, LocalDate.class),
                  rs.getString(6),
                  withdrawn == null
                      ? null
                      : withdrawn.atZoneSameInstant(Dates.AMSTERDAM).toLocalDate(),
                  rs.getString(8),
                  rs.getString(9));
            })
        .optional();
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
