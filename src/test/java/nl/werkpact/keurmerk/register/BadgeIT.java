package nl.werkpact.keurmerk.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The badge a holder puts on its website: public, it says what the register says of the number today (geldig,
 * verlengd, verlopen, ingetrokken, onbekend), changes by itself when the keurmerk does, and is cached with a tag of
 * what it shows.
 */
class BadgeIT extends IntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  private Records records;
  private LocalDate today;

  @BeforeEach
  void setUp() {
    records = new Records(jdbc);
    today = LocalDate.now(Dates.AMSTERDAM);
  }

  private String keurmerk(String status, LocalDate from, LocalDate until, LocalDate withdrawn) {
    long employer = records.employer("Beeldmerk " + Unique.suffix(), "Vlaardingen");
    long audit = records.audit(employer, from.minusMonths(1), "AWARDED", from, null, 1, 1, null);
    String number = "SW-2095-" + Unique.serial();
    records.keurmerk(employer, audit, number, from, until, status, withdrawn);
    return number;
  }

  private ResponseEntity<byte[]> get(String path, String ifNoneMatch) {
    var headers = new HttpHeaders();
    if (ifNoneMatch != null) {
      headers.setIfNoneMatch(ifNoneMatch);
    }
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private static String text(ResponseEntity<byte[]> response) {
    return new String(response.getBody(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aValidKeurmerksBadgeNamesNumberIssuerAndLastDayAndLinksNothingElseIn() {
    LocalDate until = today.plusMonths(14);
    String number = keurmerk("ACTIVE", today.minusMonths(10), until, null);

    var svg = get("/register/" + number + "/badge.svg", null);

    assertThat(svg.getStatusCode().value()).isEqualTo(200);
    assertThat(svg.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
    assertThat(svg.getHeaders().getCacheControl()).isEqualTo("public, max-age=300");
    assertThat(svg.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(text(svg))
        .contains(
            "Partner in sociaal ondernemen",
            "Keurmerk " + number,
            "Sociaal Werkpact MVS",
            "Geldig tot en met " + Dates.numeric(until),
            "<title id=\"titel\">Keurmerk partner in sociaal ondernemen " + number)
        .doesNotContain("<script", "href=", "xlink", "@records.example");
  }

  @Test
  void aBadgeLeftOnAWebsiteSaysItselfThatTheKeurmerkWasWithdrawnOrHasExpired() {
    String number = keurmerk("ACTIVE", today.minusMonths(10), today.plusMonths(14), null);
    var before = get("/register/" + number + "/badge.svg", null);
    String tag = before.getHeaders().getETag();
    assertThat(tag).isNotBlank();
    // unchanged: the browser's copy stays good
    assertThat(get("/register/" + number + "/badge.svg", tag).getStatusCode().value())
        .isEqualTo(304);

    jdbc.sql("UPDATE keurmerk SET status = 'WITHDRAWN' WHERE number = ?").param(number).update();
    jdbc.sql(
            "INSERT INTO keurmerk_status_change (keurmerk_id, status, reason, changed_at)"
                + " SELECT id, 'WITHDRAWN', 'test', ? FROM keurmerk WHERE number = ?")
        .params(today.atTime(12, 0).atZone(Dates.AMSTERDAM).toOffsetDateTime(), number)
        .update();

    var after = get("/register/" + number + "/badge.svg", tag);
    assertThat(after.getStatusCode().value()).isEqualTo(200);
    assertThat(after.getHeaders().getETag()).isNotEqualTo(tag);
    assertThat(text(after))
        .contains("Ingetrokken op " + Dates.numeric(today))
        .doesNotContain("Geldig tot en met");

    LocalDate lastDay = today.minusDays(3);
    String expired = keurmerk("ACTIVE", lastDay.minusYears(2).plusDays(1), lastDay, null);
    assertThat(text(get("/register/" + expired + "/badge.svg", null)))
        .contains("Verlopen sinds " + Dates.numeric(lastDay.plusDays(1)))
        .doesNotContain("Geldig tot en met");

    LocalDate starts = today.plusDays(20);
    String renewal = keurmerk("ACTIVE", starts, starts.plusYears(2).minusDays(1), null);
    assertThat(text(get("/register/" + renewal + "/badge.svg", null)))
        .contains("Verlengd, geldig vanaf " + Dates.numeric(starts));
  }

  @Test
  void anUnknownOrHostileNumberGetsABadgeThatSaysSoWithoutRepeatingIt() {
    for (String number :
        List.of("SW-2095-0000", "ZZ-1999-0001", "%3Cscript%3Ealert(1)%3C%2Fscript%3E")) {
      var svg = get("/register/" + number + "/badge.svg", null);
      assertThat(svg.getStatusCode().value()).as(number).isEqualTo(404);
      assertThat(text(svg))
          .contains("Onbekend keurmerknummer", "Niet door een Sociaal Werkpact uitgegeven")
          .doesNotContain("<script", "alert(", number);
    }
  }

  @Test
  void thePngShowsTheStateInItsColourForSitesThatTakeNoSvg() throws Exception {
    String valid = keurmerk("ACTIVE", today.minusMonths(1), today.plusMonths(23), null);
    String withdrawn =
        keurmerk("WITHDRAWN", today.minusMonths(5), today.plusMonths(19), today.minusDays(2));

    var validPng = get("/register/" + valid + "/badge.png", null);
    var withdrawnPng = get("/register/" + withdrawn + "/badge.png", null);

    assertThat(validPng.getStatusCode().value()).isEqualTo(200);
    assertThat(validPng.getHeaders().getContentType().toString()).isEqualTo("image/png");
    var green = ImageIO.read(new ByteArrayInputStream(validPng.getBody()));
    var red = ImageIO.read(new ByteArrayInputStream(withdrawnPng.getBody()));
    assertThat(green.getWidth()).isEqualTo(300);
    assertThat(green.getHeight()).isEqualTo(92);
    // the bar on the left is the state's colour
    Color bar = new Color(green.getRGB(6, 46));
    assertThat(bar.getGreen()).isGreaterThan(bar.getRed() + 40);
    Color withdrawnBar = new Color(red.getRGB(6, 46));
    assertThat(withdrawnBar.getRed()).isGreaterThan(withdrawnBar.getGreen() + 60);
    // and it carries text, not a blank card: many dark pixels where the name is written
    int dark = 0;
    for (int x = 24; x < 280; x++) {
      for (int y = 30; y < 46; y++) {
        if (new Color(green.getRGB(x, y)).getRed() < 100) {
          dark++;
        }
      }
    }
    assertThat(dark).isGreaterThan(200);
  }
}
