package nl.werkpact.keurmerk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every figure of the dashboard checked against records written for one municipality of its own, so what other tests
 * store does not count: six employers over three years, with awarded, rejected, expired, withdrawn and expiring
 * keurmerken.
 */
class DashboardIT extends IntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private String town;
  private LocalDate today;
  private int year;
  private String expiringNumber;
  private String expiringKvk;

  @BeforeEach
  void records() {
    TestUsers.ensure(identityService, "itdashanna", PASSWORD, Groups.ACCOUNTMANAGERS);
    TestUsers.ensure(identityService, "itdashbram", PASSWORD, Groups.AUDITORS);
    int n = Unique.suffix();
    town = "Telstad " + n;
    today = LocalDate.now(clock);
    year = today.getYear();
    var records = new Records(jdbc);
    int y2 = year - 2;
    int y1 = year - 1;

    long alfa = records.employer("Alfa " + n, town);
    records.convenant(alfa, LocalDate.of(y2, 3, 1), LocalDate.of(y2, 4, 1));
    long alfaAudit =
        records.audit(
            alfa,
            LocalDate.of(y2, 5, 1),
            "AWARDED",
            LocalDate.of(y2, 9, 15),
            null,
            3,
            2,
            new BigDecimal("1000.50"));
    records.keurmerk(
        alfa,
        alfaAudit,
        "SW-" + n + "-A",
        LocalDate.of(y2, 9, 15),
        LocalDate.of(y1, 12, 31),
        "EXPIRED",
        null);

    long bravo = records.employer("Bravo " + n, town);
    records.convenant(bravo, LocalDate.of(y1, 2, 1), LocalDate.of(y1, 3, 1));
    long bravoAudit =
        records.audit(
            bravo,
            LocalDate.of(y1, 4, 1),
            "AWARDED",
            LocalDate.of(y1, 6, 1),
            null,
            4,
            1,
            new BigDecimal("250"));
    expiringNumber = "SW-" + n + "-B";
    long bravoKeurmerk =
        records.keurmerk(
            bravo,
            bravoAudit,
            expiringNumber,
            LocalDate.of(y1, 6, 1),
            today.plusDays(30),
            "ACTIVE",
            null);
    records.audit(bravo, today, "PLANNED", null, bravoKeurmerk, 0, 0, null);
    expiringKvk = records.kvkNumber(bravo);

    long charlie = records.employer("Charlie " + n, town);
    records.convenant(charlie, LocalDate.of(y1, 5, 1), LocalDate.of(y1, 6, 1));
    records.audit(
        charlie,
        LocalDate.of(y1, 7, 1),
        "REJECTED",
        LocalDate.of(y1, 9, 1),
        null,
        9,
        9,
        new BigDecimal("9999"));

    long delta = records.employer("Delta " + n, town);
    records.convenant(delta, LocalDate.of(y1, 8, 1), null);

    long echo = records.employer("Echo " + n, town);
    records.convenant(echo, LocalDate.of(y2, 1, 10), LocalDate.of(y2, 2, 10));
    long echoAudit =
        records.audit(
            echo,
            LocalDate.of(y2, 3, 1),
            "AWARDED",
            LocalDate.of(y2, 4, 1),
            null,
            2,
            0,
            BigDecimal.ZERO);
    records.keurmerk(
        echo,
        echoAudit,
        "SW-" + n + "-E",
        LocalDate.of(y2, 4, 1),
        today.plusDays(200),
        "WITHDRAWN",
        LocalDate.of(y1, 3, 1));

    long foxtrot = records.employer("Foxtrot " + n, town);
    records.convenant(foxtrot, today, today);
    long foxtrotAudit =
        records.audit(foxtrot, today, "AWARDED", today, null, 1, 5, new BigDecimal("99.99"));
    records.keurmerk(
        foxtrot,
        foxtrotAudit,
        "SW-" + n + "-F",
        today,
        today.plusYears(2).minusDays(1),
        "ACTIVE",
        null);
  }

  @Test
  void everyFigureMatchesTheRecords() {
    String all = get("/dashboard?gemeente=" + encode(town)).getBody();
    assertThat(all)
        .contains(
            "data-figure=\"ondertekend\">5<",
            "data-figure=\"houders\">2<",
            "op " + dutch(today),
            "data-figure=\"extra-werkplekken\">10<",
            "data-figure=\"werkervaringsplaatsen\">8<",
            "data-figure=\"sociale-inkoop\">€ 1.350,49<");
    // A past year counts its flows, and its holders on 31 December: the withdrawn one no longer,
    // the expired one still.
    String lastYear = get("/dashboard?jaar=" + (year - 1) + "&gemeente=" + encode(town)).getBody();
    assertThat(lastYear)
        .contains(
            "data-figure=\"ondertekend\">2<",
            "data-figure=\"houders\">2<",
            "op 31-12-" + (year - 1),
            "data-figure=\"extra-werkplekken\">4<",
            "data-figure=\"werkervaringsplaatsen\">1<",
            "data-figure=\"sociale-inkoop\">€ 250,00<");
    assertThat(get("/dashboard?jaar=" + (year - 2) + "&gemeente=" + encode(town)).getBody())
        .contains(
            "data-figure=\"ondertekend\">2<",
            "data-figure=\"houders\">2<",
            "data-figure=\"extra-werkplekken\">5<");

    assertThat(csv("per-jaar", "?gemeente=" + encode(town)))
        .contains(
            "Jaar;Intenties;Ondertekend;Ondertekend totaal;Doel ondertekend;Keurmerken toegekend;Afgewezen;Extra werkplekken;"
                + "Werkervaringsplaatsen en stages;Sociale inkoop (euro)\r\n",
            "\r\n" + (year - 2) + ";2;2;2;100;2;0;5;2;1000,50\r\n",
            "\r\n" + (year - 1) + ";3;2;4;100;1;1;4;1;250,00\r\n",
            "\r\n" + year + ";1;1;5;100;1;0;1;5;99,99\r\n");
    assertThat(csv("trechter", "?gemeente=" + encode(town)))
        .endsWith(
            "Stap;Aantal\r\nIntentie;6\r\nConvenant ondertekend;5\r\nAudit aangevraagd;6\r\nKeurmerk toegekend;4\r\nAfgewezen;1\r\n");
    assertThat(csv("trechter", "?jaar=" + year + "&gemeente=" + encode(town)))
        .endsWith(
            "Intentie;1\r\nConvenant ondertekend;1\r\nAudit aangevraagd;2\r\nKeurmerk toegekend;1\r\nAfgewezen;0\r\n");
    assertThat(csv("verloopt", "?gemeente=" + encode(town)))
        .endsWith(
            "Keurmerknummer;Werkgever;KvK-nummer;Gemeente;Geldig tot en met;Dagen te gaan;Verlenging\r\n"
                + expiringNumber
                + ";"
                + "Bravo "
                + town.substring(8)
                + ";"
                + expiringKvk
                + ";"
                + town
                + ";"
                + dutch(today.plusDays(30))
                + ";30;Verlengingsaudit gepland\r\n");
    assertThat(csv("per-gemeente", "")).contains("\r\n" + town + ";5;2;4;10;8;1350,49\r\n");
    assertThat(csv("per-gemeente", "?jaar=" + (year - 1)))
        .contains("\r\n" + town + ";2;2;1;4;1;250,00\r\n");
  }

  @Test
  void theCsvOpensInADutchSpreadsheet() {
    ResponseEntity<byte[]> response =
        rest.withBasicAuth("itdashanna", PASSWORD)
            .getForEntity("/dashboard/per-gemeente.csv?jaar=" + year, byte[].class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("text/csv;charset=UTF-8");
    assertThat(response.getHeaders().getFirst("Content-Disposition"))
        .contains("werkpact-per-gemeente-" + year + ".csv");
    assertThat(response.getBody()).startsWith(0xEF, 0xBB, 0xBF);
  }

  @Test
  void onlyStaffSeesTheDashboardAndWrongChoicesAreExplained() {
    assertThat(rest.getForEntity("/dashboard", String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(rest.getForEntity("/dashboard/trechter.csv", String.class).getStatusCode().value())
        .isEqualTo(401);
    var auditor =
        rest.withBasicAuth("itdashbram", PASSWORD).getForEntity("/dashboard", String.class);
    assertThat(auditor.getStatusCode().value()).isEqualTo(403);
    assertThat(auditor.getBody())
        .contains(
            "alleen voor accountmanagers, de keurmerkcommissie, procesbeheerders, de landelijke rol en beheerders")
        .doesNotContain(town);
    assertThat(
            rest.withBasicAuth("itdashbram", PASSWORD)
                .getForEntity("/dashboard/per-jaar.csv", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);

    var unreadableYear = get("/dashboard?jaar=twintig");
    assertThat(unreadableYear.getStatusCode().value()).isEqualTo(400);
    assertThat(unreadableYear.getBody())
        .contains("Kies een jaar uit de lijst, zoals " + year + ", of alle jaren.");
    assertThat(get("/dashboard?jaar=1850").getStatusCode().value()).isEqualTo(400);
    var unknownTown =
        rest.withBasicAuth("itdashanna", PASSWORD)
            .getForEntity("/dashboard/per-jaar.csv?gemeente=Nergenshuizen", String.class);
    assertThat(unknownTown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknownTown.getBody())
        .isEqualTo("Kies een gemeente uit de lijst, of alle gemeenten.");
    var unknownTable =
        rest.withBasicAuth("itdashanna", PASSWORD)
            .getForEntity("/dashboard/geheim.csv", String.class);
    assertThat(unknownTable.getStatusCode().value()).isEqualTo(404);
    assertThat(unknownTable.getBody()).contains("Onbekende tabel");

    var page = get("/dashboard");
    assertThat(page.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .contains("script-src 'self'")
        .doesNotContain("unsafe");
    assertThat(page.getBody()).contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
    assertThat(
            rest.getForEntity("/webjars/chart.js/4.5.1/dist/chart.umd.min.js", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  private ResponseEntity<String> get(String path) {
    return rest.withBasicAuth("itdashanna", PASSWORD).getForEntity(path, String.class);
  }

  private String csv(String table, String query) {
    var response =
        rest.withBasicAuth("itdashanna", PASSWORD)
            .getForEntity("/dashboard/" + table + ".csv" + query, byte[].class);
    assertThat(response.getStatusCode().value()).as(table + query).isEqualTo(200);
    return new String(response.getBody(), StandardCharsets.UTF_8);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String dutch(LocalDate date) {
    return DateTimeFormatter.ofPattern("dd-MM-yyyy").format(date);
  }
}
