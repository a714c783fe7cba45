package nl.werkpact.keurmerk.benchmark;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages people look at, on PostgreSQL with 10,000 employers of which 1,000 hold a keurmerk (each with its
 * convenant, audit and e-mails): the public register's search and verification, the dossier and the dashboard, over
 * HTTP as a browser asks them, p50/p95/p99 side by side with the health check as the floor of an HTTP round trip.
 * Not part of {@code mvn verify}: {@code mvn -Pbenchmark verify -Dit.test=PagesBenchmark}. Sizes:
 * {@code -Dbenchmark.employers=10000 -Dbenchmark.holders=1000}; requests per page: {@code -Dbenchmark.requests=300}.
 * {@code -Dbenchmark.regions=35} spreads the employers over that many regions (MVS and 34 made as an admin makes
 * them), in blocks: the register is then national, the staff pages MVS's, and the national view is measured too.
 */
class PagesBenchmark extends IntegrationTest {

  private static final String[] TOWNS = {"Maassluis", "Vlaardingen", "Schiedam"};
  private static final String[] TRADES = {
    "Bakkerij",
    "Installatietechniek",
    "Logistiek",
    "Groenvoorziening",
    "Schoonmaak",
    "Drukkerij",
    "Horeca",
    "Zorg",
    "Metaal",
    "Bouw"
  };

  @Autowired JdbcTemplate jdbc;
  @Autowired nl.werkpact.keurmerk.models.RegionOnboarding onboarding;
  @Autowired nl.werkpact.keurmerk.region.Regions regionRegistry;

  /** The regions the employers are spread over, the first (MVS) first; each holds a block of them. */
  private List<String> regions = List.of(TestUsers.REGION);

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void registerDossierAndDashboardAtTheScaleOfTheRegion() throws Exception {
    int employers = Integer.getInteger("benchmark.employers", 10_000);
    int holders = Integer.getInteger("benchmark.holders", 1_000);
    int requests = Integer.getInteger("benchmark.requests", 300);
    TestUsers.ensure(identityService, "benchpages", PASSWORD, Groups.ACCOUNTMANAGERS);
    int regionCount = Integer.getInteger("benchmark.regions", 1);
    if (regionCount > 1) {
      long onboarded = System.nanoTime();
      List<String> all = new ArrayList<>(List.of(TestUsers.REGION));
      all.addAll(Measure.onboardRegions(onboarding, regionRegistry, regionCount, 'P'));
      regions = List.copyOf(all);
      System.out.printf(
          Locale.ROOT,
          "Made %d regions in %.1f s%n",
          regionCount - 1,
          (System.nanoTime() - onboarded) / 1e9);
    }
    // the staff pages are MVS's: its block of employers, its holders
    int ownEmployers = employers / regions.size();
    long seeded = System.nanoTime();
    seed(employers, holders);
    System.out.printf(
        Locale.ROOT,
        "Seeded %,d employers, %,d holders in %.1f s%n",
        employers,
        holders,
        (System.nanoTime() - seeded) / 1e9);
    jdbc.execute("ANALYZE");

    var random = new Random(42);
    Map<String, IntFunction<String>> publicPages = new LinkedHashMap<>();
    publicPages.put("health (floor)", i -> "/actuator/health/liveness");
    publicPages.put("register, first page", i -> "/register");
    publicPages.put(
        "register, search by name",
        i -> {
          int holder = random.nextInt(holders);
          return "/register?q="
              + TRADES[holder % TRADES.length]
              + "+"
              + holderEmployer(holder, employers, holders);
        });
    publicPages.put(
        "register, search by town, page 3",
        i -> "/register?q=" + TOWNS[random.nextInt(3)] + "&pagina=3");
    publicPages.put(
        "register, search by KvK",
        i -> "/register?q=" + kvk(holderEmployer(random.nextInt(holders), employers, holders)));
    publicPages.put(
        "register, verify a number", i -> "/register/" + number(random.nextInt(holders)));
    Map<String, IntFunction<String>> staffPages = new LinkedHashMap<>();
    staffPages.put(
        "dossier, search by name",
        i ->
            "/dossier?q="
                + TRADES[random.nextInt(TRADES.length)]
                + "+"
                + random.nextInt(ownEmployers));
    staffPages.put("dossier of an employer", i -> "/dossier/" + kvk(random.nextInt(ownEmployers)));
    staffPages.put("dashboard, all", i -> "/dashboard");
    staffPages.put("dashboard, one town", i -> "/dashboard?gemeente=" + TOWNS[random.nextInt(3)]);
    Map<String, IntFunction<String>> nationalPages = new LinkedHashMap<>();
    if (regions.size() > 1) {
      nationalPages.put("national view, every region side by side", i -> "/dashboard/landelijk");
      nationalPages.put(
          "dashboard of a region chosen nationally",
          i -> "/dashboard?regio=" + regions.get(random.nextInt(regions.size())));
    }

    List<String> table = new ArrayList<>();
    table.add(
        String.format(
            Locale.ROOT,
            "| page (%,d employers, %,d holders, %d regions) | p50 / p95 / p99 (ms) | p95 / floor p95 |",
            employers,
            holders,
            regions.size()));
    table.add("| --- | --- | ---: |");
    double floor = 0;
    for (var page : publicPages.entrySet()) {
      long[] times = measure(page.getValue(), requests, null);
      if (floor == 0) {
        floor = percentile(times, 95);
      }
      table.add(row(page.getKey(), times, floor));
    }
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("benchpages:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    for (var page : staffPages.entrySet()) {
      table.add(
          row(page.getKey() + " (HTTP Basic)", measure(page.getValue(), requests, auth), floor));
    }
    String admin =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    for (var page : nationalPages.entrySet()) {
      table.add(
          row(
              page.getKey() + " (admin, HTTP Basic)",
              measure(page.getValue(), requests, admin),
              floor));
    }
    String report = String.join("\n", table);
    System.out.println(
        "\nPages benchmark ("
            + Runtime.getRuntime().availableProcessors()
            + " cores, embedded PostgreSQL)\n"
            + report
            + "\n");
    Path out = Path.of("target", "benchmark", "pages.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
  }

  private long[] measure(IntFunction<String> path, int requests, String auth) throws Exception {
    for (int i = 0; i < 20; i++) {
      get(path.apply(i), auth); // warm-up
    }
    long[] micros = new long[requests];
    for (int i = 0; i < requests; i++) {
      micros[i] = get(path.apply(i), auth);
    }
    Arrays.sort(micros);
    return micros;
  }

  private long get(String path, String auth) throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path.replace(" ", "+")))
            .GET();
    if (auth != null) {
      builder.header("Authorization", auth);
    }
    long start = System.nanoTime();
    var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    long micros = (System.nanoTime() - start) / 1_000;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
    }
    return micros;
  }

  /** The region of employer i: the regions hold consecutive blocks of the employers. */
  private String regionOf(int employer, int employers) {
    return regions.get(Math.min(regions.size() - 1, employer / (employers / regions.size())));
  }

  private void seed(int employers, int holders) {
    int block = employers / regions.size();
    for (int r = 0; r < regions.size(); r++) {
      int from = r * block;
      int to = r == regions.size() - 1 ? employers : from + block;
      String town = r == 0 ? null : String.format(Locale.ROOT, "Gemeente %02d", r + 1);
      nl.werkpact.keurmerk.region.RegionScope.run(
          regions.get(r), () -> seedEmployers(from, to, town));
    }
    for (int i = 0; i < holders; i++) {
      int employer = holderEmployer(i, employers, holders);
      int holder = i;
      nl.werkpact.keurmerk.region.RegionScope.run(
          regionOf(employer, employers), () -> seedHolder(holder, employer));
    }
  }

  /** Employers {@code first} … {@code last - 1}, in MVS's towns or (another region's) its own town. */
  private void seedEmployers(int first, int last, String town) {
    Timestamp now = Timestamp.from(Instant.now());
    LocalDate today = LocalDate.now();
    int batch = 1000;
    for (int from = first; from < last; from += batch) {
      int to = Math.min(last, from + batch);
      List<Object[]> employerRows = new ArrayList<>();
      for (int i = from; i < to; i++) {
        employerRows.add(
            new Object[] {
              TRADES[i % TRADES.length] + " " + i + " B.V.",
              kvk(i),
              "Havenweg " + (i % 300 + 1),
              town == null ? TOWNS[i % 3] : town,
              "Contact " + i,
              "contact" + i + "@bench.example",
              now,
              now
            });
      }
      jdbc.batchUpdate(
          """
          INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
          employerRows);
      jdbc.update(
          """
          INSERT INTO convenant (employer_id, status, open_for_employer_id, registered_at, registered_by, signed_date, signed_by)
          SELECT id, 'SIGNED', id, created_at, 'bench', ?, contact_person FROM employer WHERE kvk_number BETWEEN ? AND ?""",
          Date.valueOf(today.minusYears(1)),
          kvk(from),
          kvk(to - 1));
      jdbc.update(
          """
          INSERT INTO correspondence (dedup_key, recipient, template, subject, body_text, body_html, status, concerns_type, concerns_id,
                                      created_at, sent_at, attempts)
          SELECT 'bench-' || c.id, e.contact_email, 'convenant-signed', 'Bevestiging convenant', 'Beste ' || e.contact_person,
                 '<p>Beste</p>', 'SENT', 'CONVENANT', c.id, ?, ?, 1
          FROM convenant c JOIN employer e ON e.id = c.employer_id WHERE e.kvk_number BETWEEN ? AND ?""",
          now,
          now,
          kvk(from),
          kvk(to - 1));
    }
  }

  private void seedHolder(int i, int employer) {
    Timestamp now = Timestamp.from(Instant.now());
    LocalDate today = LocalDate.now();
    LocalDate from = today.minusDays(i % 700);
    Long employerId =
        jdbc.queryForObject(
            "SELECT id FROM employer WHERE kvk_number = ?", Long.class, kvk(employer));
    Long audit =
        jdbc.queryForObject(
            """
        INSERT INTO audit (employer_id, status, requested_at, requested_by, workforce_size, target_group_employees, extra_workplaces,
                           work_experience_places, social_purchasing_euros, criteria_outcome, final_outcome, decided_by, decided_on)
        VALUES (?, 'AWARDED', ?, 'bench', 50, 4, 2, 1, ?, 'TOEKENNEN', 'TOEKENNEN', 'bench', ?) RETURNING id""",
            Long.class,
            employerId,
            now,
            new BigDecimal("1500.00"),
            Date.valueOf(from));
    jdbc.update(
        "INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, created_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)",
        number(i),
        employerId,
        audit,
        Date.valueOf(from),
        Date.valueOf(from.plusYears(2).minusDays(1)),
        now);
  }

  /** The employer that holds keurmerk i: spread over all employers, of every trade. */
  private static int holderEmployer(int i, int employers, int holders) {
    int step = employers / holders;
    return i * step + (step >= TRADES.length ? i % TRADES.length : 0);
  }

  private static String kvk(int i) {
    return String.valueOf(80_000_000 + i);
  }

  private static String number(int i) {
    return String.format(Locale.ROOT, "SW-%d-%04d", 2090 + i / 9999, 1 + i % 9999);
  }

  private static String row(String page, long[] sorted, double floor) {
    return String.format(
        Locale.ROOT,
        "| %s | %.1f / %.1f / %.1f | %.1f× |",
        page,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        percentile(sorted, 95) / floor);
  }

  private static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
