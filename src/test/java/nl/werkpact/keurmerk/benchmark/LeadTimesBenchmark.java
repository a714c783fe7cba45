package nl.werkpact.keurmerk.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The doorlooptijden page on PostgreSQL with ten years of history for 35,000 employers (each a signed convenant, two
 * audits decided with their keurmerken, six finished user tasks in Camunda's ACT_HI_TASKINST), written by bulk SQL,
 * not through the engine; p50/p95/p99 side by side with the health check as the floor of an HTTP round trip, in the
 * same run. Not part of {@code mvn verify}: {@code mvn -Pbenchmark verify -Dit.test=LeadTimesBenchmark}. Size:
 * {@code -Dbenchmark.employers=35000}; requests per page: {@code -Dbenchmark.requests=200}.
 */
class LeadTimesBenchmark extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void doorlooptijdenOnTenYearsOf35000Employers() throws Exception {
    int employers = Integer.getInteger("benchmark.employers", 35_000);
    int requests = Integer.getInteger("benchmark.requests", 200);
    TestUsers.ensure(identityService, "benchlead", PASSWORD, Groups.PROCESBEHEERDERS);
    long seeded = System.nanoTime();
    seed(employers);
    jdbc.execute("ANALYZE");
    long tasks = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST", Long.class);
    System.out.printf(
        Locale.ROOT,
        "Seeded %,d employers, %,d finished tasks in %.1f s%n",
        employers,
        tasks,
        (System.nanoTime() - seeded) / 1e9);
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("benchlead:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    List<String> table = new ArrayList<>();
    table.add(
        String.format(
            Locale.ROOT,
            "| page (%,d employers, 10 years, %,d finished tasks) | p50 / p95 / p99 (ms) | p95 / floor p95 |",
            employers,
            tasks));
    table.add("| --- | --- | ---: |");
    long[] floor = measure("/actuator/health/liveness", requests, null);
    table.add(row("health (floor)", floor, floor));
    table.add(
        row("doorlooptijden, all (HTTP Basic)", measure("/doorlooptijden", requests, auth), floor));
    table.add(
        row(
            "doorlooptijden, one year and town (HTTP Basic)",
            measure("/doorlooptijden?jaar=2024&gemeente=Schiedam", requests, auth),
            floor));
    String report = String.join("\n", table);
    System.out.println(
        "\nLead times benchmark ("
            + Runtime.getRuntime().availableProcessors()
            + " cores, embedded PostgreSQL)\n"
            + report
            + "\n");
    Path out = Path.of("target", "benchmark", "leadtimes.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
  }

  /** Written as system work (all regions), so each row names its region, MVS. */
  private void seed(int employers) {
    RegionScope.run(RegionScope.ALL, () -> seedAll(employers));
  }

  private void seedAll(int employers) {
    jdbc.update(
        """
        INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email, created_at, updated_at, region_code)
        SELECT 'Doorloop ' || g || ' B.V.', CAST(70000000 + g AS VARCHAR), 'Havenweg ' || (g % 300 + 1),
               (ARRAY['Maassluis', 'Vlaardingen', 'Schiedam'])[1 + g % 3], 'Contact ' || g, 'lead' || g || '@bench.example',
               now(), now(), 'mvs'
        FROM generate_series(0, ? - 1) AS g""",
        employers);
    // intent between 10 and 1 years ago, signed 5 to 64 days later
    jdbc.update(
        """
        INSERT INTO convenant (employer_id, status, open_for_employer_id, registered_at, registered_by, signed_date, signed_by, region_code)
        SELECT id, 'SIGNED', id, now() - make_interval(days => 365 + CAST(id % 3285 AS INTEGER)), 'bench',
               CAST(now() - make_interval(days => 365 + CAST(id % 3285 AS INTEGER)) AS DATE) + CAST(5 + id % 60 AS INTEGER), 'Directeur', 'mvs'
        FROM employer WHERE kvk_number >= '70000000' AND kvk_number < '79999999'""");
    // two audits per employer, a month and two years after the signature, decided 20 to 109 days
    // later
    for (int round = 0; round < 2; round++) {
      jdbc.update(
          """
          INSERT INTO audit (employer_id, status, requested_at, requested_by, workforce_size, target_group_employees, extra_workplaces,
                             work_experience_places, social_purchasing_euros, criteria_outcome, final_outcome, decided_by, decided_on, region_code)
          SELECT c.employer_id, 'AWARDED', CAST(c.signed_date + ? AS TIMESTAMP), 'bench', 50, 4, 2, 1, 1500.00, 'TOEKENNEN',
                 'TOEKENNEN', 'bench', c.signed_date + ? + CAST(20 + c.employer_id % 90 AS INTEGER), 'mvs'
          FROM convenant c JOIN employer e ON e.id = c.employer_id WHERE e.kvk_number >= '70000000' AND e.kvk_number < '79999999'""",
          30 + round * 730, 30 + round * 730);
    }
    jdbc.update(
        """
        INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, created_at, ceremony_date, region_code)
        SELECT 'LT-' || a.id, a.employer_id, a.id, a.decided_on + CAST(a.id % 40 AS INTEGER),
               a.decided_on + CAST(a.id % 40 AS INTEGER) + 730, 'EXPIRED', now(), a.decided_on + CAST(7 + a.id % 50 AS INTEGER), 'mvs'
        FROM audit a WHERE a.requested_by = 'bench' AND a.decided_on IS NOT NULL""");
    // six finished user tasks per employer (intake, signature, planning, performing, decision,
    // ceremony), 0 to 60 days open
    jdbc.update(
        """
        INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, NAME_, PRIORITY_, START_TIME_, END_TIME_, DURATION_, TENANT_ID_)
        SELECT 'bench-' || g || '-' || t, 'bench' || t, 'Bench',
               (ARRAY['Intakegesprek voeren', 'Convenant ondertekenen', 'Audit plannen', 'Audit uitvoeren',
                      'Besluit keurmerkcommissie', 'Uitreiking plannen'])[t],
               50, now() - make_interval(days => 400 + g % 3200 - t * 10),
               now() - make_interval(days => 400 + g % 3200 - t * 10) + make_interval(days => (g + t) % 60),
               CAST((g + t) % 60 AS BIGINT) * 86400000, 'mvs'
        FROM generate_series(0, ? - 1) AS g CROSS JOIN generate_series(1, 6) AS t""",
        employers);
  }

  private long[] measure(String path, int requests, String auth) throws Exception {
    for (int i = 0; i < 20; i++) {
      get(path, auth); // warm-up
    }
    long[] micros = new long[requests];
    for (int i = 0; i < requests; i++) {
      micros[i] = get(path, auth);
    }
    Arrays.sort(micros);
    return micros;
  }

  private long get(String path, String auth) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
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

  private static String row(String page, long[] sorted, long[] floor) {
    return String.format(
        Locale.ROOT,
        "| %s | %.1f / %.1f / %.1f | %.1f× |",
        page,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        percentile(sorted, 95) / percentile(floor, 95));
  }

  private static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
