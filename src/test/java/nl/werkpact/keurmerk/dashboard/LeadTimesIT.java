package nl.werkpact.keurmerk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Intents;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The doorlooptijden page against records of a municipality of its own: three convenants signed after 10, 20 and 30
 * days (the last registered at 00:30 Amsterdam time, still the day before in UTC: counted in UTC it would be 31), two audits decided after 10 and
 * 30 days, one ceremony 14 days after its decision, and one task past its due date.
 */
class LeadTimesIT extends IntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  private String town;
  private int year;
  private String taskId;
  private String taskName;
  private String processInstanceId;

  @BeforeEach
  void records() {
    TestUsers.ensure(identityService, "itltpiet", PASSWORD, Groups.PROCESBEHEERDERS);
    TestUsers.ensure(identityService, "itltanna", PASSWORD, Groups.ACCOUNTMANAGERS);
    int n = Unique.suffix();
    town = "Looptijdstad " + n;
    year = LocalDate.now(clock).getYear() - 1;
    var records = new Records(jdbc);
    LocalDate start = LocalDate.of(year, 1, 1);
    long latest = 0;
    for (int days : new int[] {10, 20, 30}) {
      long employer = records.employer("Doorloop " + days + " " + n, town);
      records.convenant(employer, start, start.plusDays(days));
      latest = days == 30 ? employer : latest;
    }
    // 00:30 on 1 January in Amsterdam is 31 December in UTC: the lead time counts from the
    // Amsterdam day
    jdbc.sql("UPDATE convenant SET registered_at = ? WHERE employer_id = ?")
        .params(start.atTime(0, 30).atZone(Dates.AMSTERDAM).toOffsetDateTime(), latest)
        .update();
    long first = records.employer("Audit 1 " + n, town);
    LocalDate requested = LocalDate.of(year, 3, 1);
    long awarded =
        records.audit(first, requested, "AWARDED", requested.plusDays(10), null, 1, 1, null);
    records.keurmerk(
        first,
        awarded,
        "SW-LT-" + n,
        requested.plusDays(24),
        requested.plusDays(24).plusYears(2),
        "ACTIVE",
        null);
    jdbc.sql("UPDATE keurmerk SET ceremony_date = ? WHERE number = ?")
        .params(requested.plusDays(24), "SW-LT-" + n)
        .update();
    long second = records.employer("Audit 2 " + n, town);
    records.audit(second, requested, "REJECTED", requested.plusDays(30), null, 0, 0, null);

    // A real intake, past its due date (the product has no stand-alone tasks).
    String kvk = Unique.kvk();
    processInstanceId =
        Intents.start(new EngineRest(rest, ACCOUNTMANAGER, PASSWORD), "Laatkomer " + n, kvk);
    var intake = Intents.intake(taskService, processInstanceId);
    LocalDate due = LocalDate.ofInstant(clock.instant(), Dates.AMSTERDAM).minusDays(5);
    taskService.setDueDate(
        intake.getId(), Date.from(due.atStartOfDay(Dates.AMSTERDAM).plusHours(12).toInstant()));
    taskId = intake.getId();
    taskName = intake.getName();
  }

  @AfterEach
  void removeTask() {
    runtimeService.deleteProcessInstance(processInstanceId, "test done");
  }

  @Test
  void theProcesbeheerderSeesMediansCountsAndWhatIsLate() {
    var page = get("/doorlooptijden?jaar=" + year + "&gemeente=" + encoded(town));
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    String html = page.getBody();
    assertThat(html).contains("Intentie tot ondertekening, " + year + ", " + town);
    assertThat(html).contains("20 dagen").contains("30 dagen").contains("14 dagen");

    String csv = csv("?jaar=" + year + "&gemeente=" + encoded(town));
    assertThat(csv)
        .contains("Fase;Jaar;Gemeente;Aantal;Mediaan (dagen);90e percentiel (dagen)")
        .contains("Intentie tot ondertekening;" + year + ";" + town + ";3;20;30")
        .contains("Auditaanvraag tot besluit;" + year + ";" + town + ";2;10;30")
        .contains("Besluit tot uitreiking;" + year + ";" + town + ";1;14;14");

    var all = get("/doorlooptijden").getBody();
    assertThat(all).contains("Wat is te laat").contains(taskName).contains("Laatkomer");
    String due =
        LocalDate.ofInstant(clock.instant(), Dates.AMSTERDAM)
            .minusDays(5)
            .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    assertThat(all)
        .contains(due)
        .contains("5 dagen")
        .contains("groep Accountmanagers Werkgeversservicepunt");
    assertThat(all).contains("/camunda/app/tasklist/default/#/?task=" + taskId);
  }

  @Test
  void onlyProcesbeheerdersAndAdminsOpenIt_andTheProcesbeheerderOpensTheDashboard() {
    var refused =
        rest.withBasicAuth("itltanna", PASSWORD).getForEntity("/doorlooptijden", String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody()).doesNotContain(taskName);
    assertThat(
            rest.withBasicAuth("itltanna", PASSWORD)
                .getForEntity("/doorlooptijden/doorlooptijden.csv", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(rest.getForEntity("/doorlooptijden", String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(get("/dashboard").getStatusCode().value()).isEqualTo(200);
    assertThat(get("/dashboard").getBody()).contains("Doorlooptijden");
    assertThat(get("/doorlooptijden?jaar=twintig").getStatusCode().value()).isEqualTo(400);
  }

  private org.springframework.http.ResponseEntity<String> get(String path) {
    return rest.withBasicAuth("itltpiet", PASSWORD).getForEntity(path, String.class);
  }

  private String csv(String query) {
    var response =
        rest.withBasicAuth("itltpiet", PASSWORD)
            .getForEntity("/doorlooptijden/doorlooptijden.csv" + query, byte[].class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return new String(response.getBody(), StandardCharsets.UTF_8);
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
