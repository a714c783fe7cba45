package nl.werkpact.keurmerk.network;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.models.RegionOnboarding;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.StaffSession;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The network of a region's keurmerkhouders: its members listed and exported for the accountmanagers of that region
 * only, and a meeting planned on the page that invites them by e-mail with an iCalendar file; bad input is refused in
 * Dutch and nothing is planned or sent.
 */
class NetworkIT extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired RegionOnboarding onboarding;
  @Autowired Regions regions;

  private LocalDate today;
  private String inFreeYear;
  private String afterFreeYear;
  private String inFreeYearEmail;
  private String town;

  @BeforeEach
  void holders() {
    today = LocalDate.now(Dates.AMSTERDAM);
    var records = new Records(jdbc);
    town = "Netwerkstad" + Unique.suffix();
    inFreeYear = "Netwerklid " + Unique.suffix();
    afterFreeYear = "Oud-lid " + Unique.suffix();
    inFreeYearEmail = holder(records, inFreeYear, today.minusMonths(3));
    holder(records, afterFreeYear, today.minusMonths(15));
  }

  private String holder(Records records, String name, LocalDate awarded) {
    return records.contactEmail(
        records.holderWithFreeYear(name, town, "SW-2094-" + Unique.serial(), awarded));
  }

  private final class Session {
    final StaffSession staff;
    final HttpClient client;
    final String basic;

    Session(String user, String password) {
      staff = new StaffSession(baseUrl(), user, password);
      client = staff.client;
      basic = staff.basic;
    }

    HttpResponse<String> get(String path) throws Exception {
      return staff.get(path);
    }

    HttpResponse<String> plan(String... fields) throws Exception {
      return staff.post("/netwerk/bijeenkomst", fields);
    }
  }

  private long meetings() {
    return RegionScope.in(
        RegionScope.ALL,
        () -> jdbc.sql("SELECT COUNT(*) FROM network_meeting").query(Long.class).single());
  }

  private long invitationsQueued() {
    return RegionScope.in(
        RegionScope.ALL,
        () ->
            jdbc.sql("SELECT COUNT(*) FROM correspondence WHERE template = 'network-meeting'")
                .query(Long.class)
                .single());
  }

  @Test
  void theAccountmanagerSeesMembersInTheirFreeYearAndAfterItAndDownloadsThem() throws Exception {
    var anna = new Session(ACCOUNTMANAGER, PASSWORD);
    var page = anna.get("/netwerk?q=" + town);

    assertThat(page.statusCode()).isEqualTo(200);
    String body = page.body();
    int members = body.indexOf("Leden in hun gratis jaar");
    int former = body.indexOf("Keurmerkhouders na hun gratis jaar");
    assertThat(body.indexOf(inFreeYear)).isBetween(members, former);
    assertThat(body.indexOf(afterFreeYear)).isGreaterThan(former);
    assertThat(body).contains(inFreeYearEmail);

    var csv = anna.get("/netwerk.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith("\uFEFFregio;werkgever;gemeente;contactpersoon;e-mail;keurmerknummer")
        .contains(inFreeYear + ";" + town + ";Contact;" + inFreeYearEmail)
        .contains(";gratis jaar\r\n")
        .contains(afterFreeYear);
  }

  @Test
  void anotherRegionsAccountmanagerSeesNoneOfTheseMembersAndAnAuditorNothing() throws Exception {
    if (regions.find("itnetwerk").isEmpty()) {
      onboarding.create(
          new RegionOnboarding.NewRegion(
              "itnetwerk",
              "Werkpact Netwerktest",
              "NT",
              List.of("Assen"),
              null,
              null,
              null,
              null,
              null,
              null),
          TestUsers.REGION);
    }
    TestUsers.ensure(
        identityService, "itnetwerkanna", PASSWORD, Groups.ACCOUNTMANAGERS, "itnetwerk");
    TestUsers.ensure(identityService, "itnetwerkauditor", PASSWORD, Groups.AUDITORS);

    var other = new Session("itnetwerkanna", PASSWORD);
    var page = other.get("/netwerk");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain(inFreeYear, afterFreeYear, inFreeYearEmail);
    assertThat(other.get("/netwerk.csv").body()).doesNotContain(inFreeYear, inFreeYearEmail);

    var auditor = new Session("itnetwerkauditor", PASSWORD);
    assertThat(auditor.get("/netwerk").statusCode()).isEqualTo(403);
    assertThat(auditor.get("/netwerk.csv").statusCode()).isEqualTo(403);
  }

  @Test
  void badInputIsRefusedInDutchAndNothingIsPlannedOrSent() throws Exception {
    var anna = new Session(ACCOUNTMANAGER, PASSWORD);
    anna.get("/netwerk");
    long before = meetings();
    long queued = invitationsQueued();

    var refused =
        anna.plan(
            "datum", "31-11-2026",
            "van", "16:00",
            "tot", "15:00",
            "plaats", "",
            "onderwerp", "Netwerkborrel",
            "wie", "leden");
    var past =
        anna.plan(
            "datum", Dates.numeric(today.minusDays(1)),
            "van", "16.00",
            "tot", "zes uur",
            "plaats", "Stadhuis",
            "onderwerp", "Netwerkborrel",
            "wie", "leden");
    var forged =
        anna.client.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/netwerk/bijeenkomst"))
                .header("Authorization", anna.basic)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "datum=15-12-2099&van=16:00&tot=18:00&plaats=X&onderwerp=Y&token=vervalst"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("31-11-2026 bestaat niet; november 2026 heeft 30 dagen.")
        .contains("Plaats is verplicht.")
        .contains("Eindtijd moet na de begintijd liggen.")
        // what was typed stays in the form
        .contains("value=\"Netwerkborrel\"");
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.body())
        .contains("Datum ligt in het verleden")
        .contains("Eindtijd is geen tijd; typ de tijd als uu:mm, bijvoorbeeld 16:00.");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(meetings()).isEqualTo(before);
    assertThat(invitationsQueued()).isEqualTo(queued);
  }

  @Test
  void aPlannedMeetingInvitesTheMembersByEmailWithACalendarFile() throws Exception {
    var anna = new Session(ACCOUNTMANAGER, PASSWORD);
    anna.get("/netwerk");
    LocalDate day = today.plusDays(30);
    String subject = "Netwerkbijeenkomst " + Unique.suffix();

    var planned =
        anna.plan(
            "datum", Dates.numeric(day),
            "van", "16:00",
            "tot", "18:30",
            "plaats", "Stadhuis Vlaardingen, Markt 11",
            "onderwerp", subject,
            "toelichting", "Met de wethouder; aanmelden hoeft niet.",
            "wie", "leden");

    assertThat(planned.statusCode()).isEqualTo(200);
    assertThat(planned.body()).contains("Bijeenkomst gepland:").contains(subject);
    awaitUntil(
        Duration.ofSeconds(60),
        () -> invitations(subject).stream().anyMatch(m -> to(m, inFreeYearEmail)));
    MimeMessage invitation =
        invitations(subject).stream().filter(m -> to(m, inFreeYearEmail)).findFirst().orElseThrow();
    assertThat(invitation.getSubject()).startsWith("Uitnodiging: " + subject + " op ");
    String text = nl.werkpact.keurmerk.support.MailParts.text(invitation);
    assertThat(text)
        .contains(inFreeYear, "het Sociaal Economisch Netwerk MVS", "van 16:00 tot 18:30")
        .contains("Plaats: Stadhuis Vlaardingen, Markt 11", "bijeenkomst.ics");

    String ics = calendar(invitation);
    assertThat(ics).as("bijeenkomst.ics in the invitation").isNotNull();
    String unfolded = ics.replace("\r\n ", "");
    var starts =
        day.atTime(16, 0).atZone(Dates.AMSTERDAM).withZoneSameInstant(java.time.ZoneOffset.UTC);
    var ends =
        day.atTime(18, 30).atZone(Dates.AMSTERDAM).withZoneSameInstant(java.time.ZoneOffset.UTC);
    var utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    assertThat(unfolded)
        .startsWith("BEGIN:VCALENDAR\r\n")
        .contains("METHOD:PUBLISH\r\n")
        .contains("DTSTART:" + utc.format(starts) + "\r\n")
        .contains("DTEND:" + utc.format(ends) + "\r\n")
        .contains("SUMMARY:" + subject + "\r\n")
        .contains("LOCATION:Stadhuis Vlaardingen\\, Markt 11\r\n")
        .contains("DESCRIPTION:Met de wethouder\\; aanmelden hoeft niet.\r\n")
        .endsWith("END:VCALENDAR\r\n");
    assertThat(Arrays.stream(ics.split("\r\n")))
        .allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= 75);
    // only the members in their free year were asked
    assertThat(invitations(subject)).noneMatch(m -> text(m).contains(afterFreeYear));
  }

  private List<MimeMessage> invitations(String subject) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getSubject() != null && m.getSubject().contains(subject);
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  private static boolean to(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getAllRecipients())
          .anyMatch(a -> a.toString().contains(address));
    } catch (Exception e) {
      return false;
    }
  }

  private static String text(MimeMessage message) {
    try {
      return nl.werkpact.keurmerk.support.MailParts.text(message);
    } catch (Exception e) {
      return "";
    }
  }

  private static String calendar(jakarta.mail.Part part) throws Exception {
    if ("bijeenkomst.ics".equals(part.getFileName())) {
      assertThat(part.getContentType()).startsWith("text/calendar");
      return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    if (part.getContent() instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = calendar(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
