package nl.werkpact.keurmerk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Intents;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import nl.werkpact.keurmerk.tasks.process.DailyDigests;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily digest: off by default, switched on by the member of staff at /mijn-instellingen (their own session and
 * form), then one e-mail the next morning from 08:00 with their groups' new tasks, each with its link, and no second
 * one that day.
 */
class DailyDigestIT extends IntegrationTest {

  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

  @Autowired TestRestTemplate restTemplate;
  @Autowired TaskService taskService;
  @Autowired DailyDigests digests;
  @Autowired StaffPreferences preferences;
  @Autowired JdbcClient jdbc;

  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Test
  void aColleagueWhoSwitchesItOnGetsTheNextMorningsOverviewOnceAndOthersNone() throws Exception {
    String suffix = String.valueOf(Unique.suffix());
    String wants = "itdigest" + suffix;
    String doesNot = "itnodigest" + suffix;
    TestUsers.ensure(identityService, wants, PASSWORD, "accountmanagers");
    TestUsers.ensure(identityService, doesNot, PASSWORD, "accountmanagers");
    assertThat(preferences.wantsDailyDigest(wants)).as("off by default").isFalse();

    var page = get("/mijn-instellingen", wants);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Mijn instellingen").doesNotContain("checked");
    assertThat(post("/mijn-instellingen", wants, "dagoverzicht=aan").statusCode())
        .as("without the form of the own session")
        .isEqualTo(403);
    assertThat(preferences.wantsDailyDigest(wants)).isFalse();
    var saved =
        post("/mijn-instellingen", wants, "token=" + token(page.body()) + "&dagoverzicht=aan");
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("Opgeslagen: u krijgt elke ochtend om 08:00");
    assertThat(preferences.wantsDailyDigest(wants)).isTrue();

    String kvk = Unique.kvk();
    Task intake =
        Intents.intake(
            taskService,
            Intents.start(
                new EngineRest(restTemplate, ACCOUNTMANAGER, PASSWORD),
                "Drukkerij Overzicht " + kvk,
                kvk));
    Instant nextMorning = nineOnTheMorningAfter(intake);

    digests.sendDue(nextMorning);
    String key = "task-digest:" + wants + ":" + nextMorning.atZone(Dates.AMSTERDAM).toLocalDate();
    assertThat(body(key))
        .startsWith("Beste Test " + wants + ",")
        .contains("Intakegesprek: Drukkerij Overzicht " + kvk)
        .contains("?task=" + intake.getId())
        .contains("/mijn-instellingen");
    assertThat(keysFor(doesNot)).as("whoever did not switch it on").isEmpty();

    digests.sendDue(nextMorning.plusSeconds(3600));
    assertThat(keysFor(wants)).as("once a day").containsExactly(key);
    assertThat(digests.sendDue(nextMorning.minusSeconds(2 * 3600)))
        .as("before 08:00 of that day nothing was due yet")
        .isZero();
  }

  private static Instant nineOnTheMorningAfter(Task task) {
    ZonedDateTime created = task.getCreateTime().toInstant().atZone(Dates.AMSTERDAM);
    var day =
        created.toLocalTime().isBefore(LocalTime.of(8, 0))
            ? created.toLocalDate()
            : created.toLocalDate().plusDays(1);
    return day.atTime(9, 0).atZone(Dates.AMSTERDAM).toInstant();
  }

  private List<String> keysFor(String user) {
    return jdbc.sql("SELECT dedup_key FROM correspondence WHERE dedup_key LIKE ?")
        .param("task-digest:" + user + ":%")
        .query(String.class)
        .list();
  }

  private String body(String dedupKey) {
    return jdbc.sql("SELECT body_text FROM correspondence WHERE dedup_key = ?")
        .param(dedupKey)
        .query(String.class)
        .single();
  }

  private static String token(String page) {
    var matcher = TOKEN.matcher(page);
    assertThat(matcher.find()).as("form token on the page").isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Authorization", basic(user))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user, String form) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Authorization", basic(user))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
