package nl.werkpact.keurmerk.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The regions of this installation (table {@code region}): each its name, keurmerk number prefix, sender, desk and
 * municipalities. The first region ({@link RegionSettings#code()}) is the one today's data and every model deployed
 * without a region belong to; it takes the municipalities of the settings until it lists its own.
 */
@Component
public class Regions {

  /** A region as its pages, e-mails and numbers show it. */
  public record Region(
      String code,
      String name,
      String numberPrefix,
      String mailFrom,
      String deskName,
      String deskPhone,
      String deskEmail,
      String deskWebsite,
      List<String> municipalities,
      boolean hasLogo,
      String networkName) {

    /** Its Werkgeversservicepunt's name, or the installation's when it names none. */
    public String deskOr(String installation) {
      return deskName == null || deskName.isBlank() ? installation : deskName;
    }

    /**
     * The network its keurmerkhouders join for their free year, as a sentence names it: "het Sociaal Economisch
     * Netwerk MVS", or "het netwerk van MVO Westland" when the region names none.
     */
    public String network() {
      return networkName == null || networkName.isBlank() ? "het netwerk van " + name : networkName;
    }
  }

  private final JdbcClient jdbc;
  private final RegionSettings settings;
  private volatile Map<String, Region> known;

  public Regions(JdbcClient jdbc, RegionSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** The code of the first region: where work without a region of its own belongs. */
  public String firstCode() {
    return settings.code();
  }

  /** Every region, the first one first, then by name. */
  public List<Region> all() {
    return List.copyOf(known().values());
  }

  public Optional<Region> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(known().get(code));
  }

  /**
   * The region a record made on a staff page is for: the caller's own, or for an admin who sees all regions the one
   * chosen in the form ({@code chosenCode}); refused in Dutch when an admin chose none, or the caller has no region.
   *
   * @param chooseRegion the refusal for an admin who chose none, "Kies de regio van de bijeenkomst ..."
   */
  public String forNewRecord(String chosenCode, String chooseRegion) {
    String scope = RegionScope.current();
    if (RegionScope.ALL.equals(scope)) {
      return find(chosenCode == null ? null : chosenCode.strip())
          .map(Region::code)
          .orElseThrow(() -> new InvalidRequestException(chooseRegion));
    }
    if (RegionScope.NONE.equals(scope)) {
      throw new InvalidRequestException(
          "U hoort bij geen regio; vraag een beheerder u lid te maken van uw regio.");
    }
    return scope;
  }

  public Region get(String code) {
    return find(code).orElseThrow(() -> new IllegalStateException("No region " + code));
  }

  /** The region of this thread's work; national and system work get the first region. */
  public Region current() {
    return get(RegionScope.region().orElse(firstCode()));
  }

  /** Read the regions again (after an admin added or changed one). */
  public void refresh() {
    known = null;
  }

  /**
   * How long a node keeps the regions it read: a region an admin makes on another node (whose {@link #refresh()} ran
   * there) is known here within this time.
   */
  static final long KEPT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

  private volatile long readAt;

  private Map<String, Region> known() {
    Map<String, Region> regions = known;
    long now = System.nanoTime();
    if (regions == null || now - readAt > KEPT_NANOS) {
      regions = load();
      known = regions;
      readAt = now;
    }
    return regions;
  }

  private Map<String, Region> load() {
    Map<String, List<String>> municipalities = new LinkedHashMap<>();
    jdbc.sql("SELECT region_code, name FROM region_municipality ORDER BY region_code, name")
        .query(
            rs -> {
              municipalities
                  .computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
                  .add(rs.getString(2));
            });
    List<Region> rows =
        jdbc.sql(
                "SELECT code, name, number_prefix, mail_from, desk_name, desk_phone, desk_email, desk_website,"
                    + " CASE WHEN logo_png IS NULL THEN FALSE ELSE TRUE END, network_name FROM region ORDER BY name")
            .query(
                (rs, i) -> {
                  String code = rs.getString(1);
                  List<String> names = municipalities.get(code);
                  if (names == null && code.equals(settings.code())) {
                    names = settings.municipalities();
                  }
                  return new Region(
                      code,
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      names == null ? List.of() : List.copyOf(names),
                      rs.getBoolean(9),
                      rs.getString(10));
                })
            .list();
    Map<String, Region> byCode = new LinkedHashMap<>();
    rows.stream()
        .filter(r -> r.code().equals(settings.code()))
        .forEach(r -> byCode.put(r.code(), r));
    rows.forEach(r -> byCode.putIfAbsent(r.code(), r));
    if (!byCode.containsKey(settings.code())) {
      throw new IllegalStateException(
          "De eerste regio "
              + settings.code()
              + " (werkpact.region.code) staat niet in de tabel region; kies een bestaande code.");
    }
    return Collections.unmodifiableMap(byCode);
  }
}
