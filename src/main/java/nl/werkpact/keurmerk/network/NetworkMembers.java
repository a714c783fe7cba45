package nl.werkpact.keurmerk.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The members of the Sociaal Economisch Netwerk of the caller's region (all regions for an admin or the national
 * role, {@code region/RegionSql}): every holder of a keurmerk valid today, with its free year of membership. Those in
 * their free year are the network's members; those after it are listed too, as the network's to ask whether they
 * stay.
 */
@Component
public class NetworkMembers {

  /** A holder of a valid keurmerk and its free year ({@code freeUntil} null: none recorded). */
  public record Member(
      long employerId,
      String name,
      String municipality,
      String contactPerson,
      String contactEmail,
      long keurmerkId,
      String number,
      LocalDate keurmerkUntil,
      LocalDate freeFrom,
      LocalDate freeUntil,
      String regionCode,
      String regionName,
      boolean inFreeYear) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Regions regions;

  NetworkMembers(JdbcClient jdbc, Clock clock, Regions regions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.regions = regions;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(Dates.AMSTERDAM));
  }

  /** In their free year first, then the others; each by name. */
  public List<Member> current() {
    LocalDate today = today();
    return jdbc
        .sql(
            """
            SELECT e.id AS employer_id, e.name, e.municipality, e.contact_person, e.contact_email, k.id AS keurmerk_id,
                   k.number, k.valid_until, m.valid_from AS free_from, m.valid_until AS free_until, k.region_code
            FROM keurmerk k
            JOIN employer e ON e.id = k.employer_id
            LEFT JOIN membership m ON m.keurmerk_id = k.id
            WHERE\s"""
                + KeurmerkStatus.VALID_ON_DAY
                + " ORDER BY LOWER(e.name), k.number")
        .param("day", today)
        .query(
            (rs, i) -> {
              LocalDate freeFrom = rs.getObject("free_from", LocalDate.class);
              LocalDate freeUntil = rs.getObject("free_until", LocalDate.class);
              String region = rs.getString("region_code");
              return new Member(
                  rs.getLong("employer_id"),
                  rs.getString("name"),
                  rs.getString("municipality"),
                  rs.getString("contact_person"),
                  rs.getString("contact_email"),
                  rs.getLong("keurmerk_id"),
                  rs.getString("number"),
                  rs.getObject("valid_until", LocalDate.class),
                  freeFrom,
                  freeUntil,
                  region,
                  regions.find(region).map(Regions.Region::name).orElse(region),
                  freeFrom != null
                      && freeUntil != null
                      && !today.isBefore(freeFrom)
                      && !today.isAfter(freeUntil));
            })
        .list()
        .stream()
        .sorted(java.util.Comparator.comparing((Member m) -> !m.inFreeYear()))
        .toList();
  }
}
