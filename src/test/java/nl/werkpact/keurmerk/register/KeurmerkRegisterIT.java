package nl.werkpact.keurmerk.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public keurmerkregister, without login: who holds the keurmerk today, and what a number stands for. */
class KeurmerkRegisterIT extends IntegrationTest {

  private static final AtomicInteger NEXT = new AtomicInteger(1000);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  private String town;
  private LocalDate today;

  @BeforeEach
  void town() {
    town = "Registerstad" + NEXT.incrementAndGet();
    today = LocalDate.now(Dates.AMSTERDAM);
  }

  @Test
  void listsTodaysHoldersWithNameTownNumberAndDatesAndNothingElse() {
    String current = keurmerk("Bakkerij Nu", "ACTIVE", today.minusMonths(3));
    String renewedStillRunning = keurmerk("Garage Verlengd", "RENEWED", today.minusMonths(20));
    String expired = keurmerk("Drukkerij Voorbij", "EXPIRED", today.minusYears(3));
    String withdrawn = keurmerk("Schoonmaak Ingetrokken", "WITHDRAWN", today.minusMonths(5));

    ResponseEntity<String> page = html("/register?q=" + town);

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody())
        .contains(
            "2 keurmerkhouders",
            "Bakkerij Nu",
            "Garage Verlengd",
            current,
            renewedStillRunning,
            town)
        .doesNotContain("Drukkerij Voorbij", expired, "Schoonmaak Ingetrokken", withdrawn)
        // no contact data, no KvK number, no figures
        .doesNotContain("@registertest.example", "Contactpersoon Register", "9" + NEXT.get());
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'");
    assertThat(html("/register?q=bakkerij nu").getBody()).contains(current);
  }

  @Test
  void theWholeRegisterCountsTodaysHoldersOnly_inTheCountryAndInTheRegion_byNameWhateverItsCase() {
    long national = total("/register.json");
    long region = total("/register.json?regio=mvs");
    keurmerk("bouwbedrijf Klein", "ACTIVE", today.minusDays(3));
    keurmerk("Aannemer Groot", "ACTIVE", today.minusDays(4));
    keurmerk("Zuivelhandel Verlopen", "ACTIVE", today.minusYears(3));
    keurmerk("Zuivelhandel Ingetrokken", "WITHDRAWN", today.minusDays(3));

    // Without a search the register counts holders of today, not expired or withdrawn keurmerken.
    assertThat(total("/register.json")).isEqualTo(national + 2);
    assertThat(total("/register.json?regio=mvs")).isEqualTo(region + 2);
    // written as a Dutch reader writes numbers (20.000 keurmerkhouders)
    assertThat(html("/register").getBody())
        .contains(String.format(java.util.Locale.GERMANY, "%,d keurmerkhouders", national + 2));
    // By name as a reader sorts, whatever a name's first letter's case.
    String page = html("/register?q=" + town).getBody();
    assertThat(page.indexOf("Aannemer Groot"))
        .isPositive()
        .isLessThan(page.indexOf("bouwbedrijf Klein"));
    assertThat(page).doesNotContain("Zuivelhandel");
  }

  private long total(String path) {
    var json = rest.getForEntity(path, Map.class);
    assertThat(json.getStatusCode().value()).isEqualTo(200);
    return ((Number) json.getBody().get("totaal")).longValue();
  }

  @Test
  void pagesOfTwentyFiveAndJsonForOtherSites() {
    for (int i = 0; i < 26; i++) {
      keurmerk(String.format("Werkgever %02d", i), "ACTIVE", today.minusDays(10 + i));
    }

    assertThat(html("/register?q=" + town).getBody())
        .contains("26 keurmerkhouders", "Pagina 1 van 2", "Werkgever 00", "Werkgever 24")
        .doesNotContain("Werkgever 25");
    assertThat(html("/register?q=" + town + "&pagina=2").getBody())
        .contains("Werkgever 25")
        .doesNotContain("Werkgever 24");
    var json = rest.getForEntity("/register.json?q=" + town, Map.class);
    assertThat(json.getStatusCode().value()).isEqualTo(200);
    assertThat(json.getBody()).containsEntry("totaal", 26).containsEntry("paginas", 2);
    @SuppressWarnings("unchecked")
    var first = ((List<Map<String, Object>>) json.getBody().get("houders")).get(0);
    assertThat(first)
        .containsOnlyKeys(
            "werkgever",
            "gemeente",
            "keurmerknummer",
            "geldigVan",
            "geldigTotEnMet",
            "regio",
            "regioNaam")
        .containsEntry("werkgever", "Werkgever 00")
        .containsEntry("gemeente", town);
  }

  @Test
  void badInputIsRefusedInDutch() {
    var page = html("/register?q=" + town + "&pagina=twee");
    assertThat(page.getStatusCode().value()).isEqualTo(400);
    assertThat(page.getBody())
        .contains("Paginanummer moet een geheel getal vanaf 1 zijn, zoals 2.");
    assertThat(html("/register?q=" + "x".repeat(101)).getBody())
        .contains("Zoek op ten hoogste 100 tekens");
    assertThat(rest.getForEntity("/register.json?pagina=0", String.class).getBody())
        .contains("Paginanummer moet een geheel getal");
  }

  @Test
  void aNumberIsGeldigVerlopenIngetrokkenOrOnbekend() {
    String current = keurmerk("Bakkerij Geldig", "ACTIVE", today.minusMonths(3));
    String expired = keurmerk("Drukkerij Verlopen", "EXPIRED", today.minusYears(3));
    String withdrawn = keurmerk("Schoonmaak Ingetrokken", "WITHDRAWN", today.minusMonths(5));
    String future = keurmerk("Garage Straks", "ACTIVE", today.plusMonths(2));

    assertThat(html("/register/" + current).getBody())
        .contains(
            "<h2 id=\"uitkomst\">Geldig</h2>",
            "Bakkerij Geldig",
            "is partner in sociaal ondernemen",
            "tot en met");
    assertThat(html("/register/" + expired).getBody()).contains(">Verlopen</h2>", "is verlopen");
    assertThat(html("/register/" + withdrawn).getBody())
        .contains(">Ingetrokken</h2>", "ingetrokken en niet meer geldig");
    assertThat(html("/register/" + future).getBody()).contains("Verlengd, nog niet ingegaan");
    var unknown = html("/register/SW-1999-0001");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody())
        .contains(">Onbekend nummer</h2>", "niet door een Sociaal Werkpact uitgegeven");
    assertThat(html("/register/%3Cscript%3E").getBody())
        .contains("Een keurmerknummer ziet eruit als SW-2026-0001")
        .doesNotContain("<script>");
    var json = rest.getForEntity("/register/" + current, Map.class);
    assertThat(json.getBody())
        .containsEntry("status", "GELDIG")
        .containsEntry("werkgever", "Bakkerij Geldig");
  }

  private ResponseEntity<String> html(String path) {
    var headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** An employer in this test's town with a keurmerk in the given state, written directly (the audit is not what is tested). */
  private String keurmerk(String name, String status, LocalDate validFrom) {
    int n = NEXT.incrementAndGet();
    OffsetDateTime now = OffsetDateTime.now();
    long employer =
        jdbc.sql(
                """
            INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email, created_at, updated_at)
            VALUES (?, ?, 'Markt 1', ?, 'Contactpersoon Register', ?, ?, ?) RETURNING id""")
            .params(
                name,
                "9" + String.format("%07d", n),
                town,
                "r" + n + "@registertest.example",
                now,
                now)
            .query(Long.class)
            .single();
    long audit =
        jdbc.sql(
                "INSERT INTO audit (employer_id, status, requested_at) VALUES (?, 'AWARDED', ?) RETURNING id")
            .params(employer, now)
            .query(Long.class)
            .single();
    String number = "SW-2099-" + Unique.serial();
    long keurmerk =
        jdbc.sql(
                """
            INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
            .params(
                number,
                employer,
                audit,
                validFrom,
                validFrom.plusYears(2).minusDays(1),
                status,
                now)
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO keurmerk_status_change (keurmerk_id, status, changed_at) VALUES (?, ?, ?)")
        .params(keurmerk, status, now)
        .update();
    return number;
  }
}
