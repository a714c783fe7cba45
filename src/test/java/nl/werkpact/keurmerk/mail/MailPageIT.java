package nl.werkpact.keurmerk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** "E-mail die wacht" over HTTP as a browser uses it: who may see it, sending again to a corrected address, closing. */
class MailPageIT extends IntegrationTest {

  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

  @Autowired CorrespondenceRepository correspondence;
  @Autowired MailTemplates templates;
  @Autowired PlatformTransactionManager transactions;

  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Autowired ConvenantService convenants;
  @Autowired JdbcClient jdbc;

  /** An e-mail the mail server refused for good, as the dispatcher leaves it, to an employer of ACCOUNTMANAGER's. */
  private long refusedEmail(String recipient) {
    return RefusedEmails.refusedToNewEmployer(
        convenants,
        correspondence,
        templates,
        transactions,
        ACCOUNTMANAGER,
        "Pagina Post B.V.",
        recipient);
  }

  @Test
  void anAccountmanagerSeesTheRefusedEmailWithItsHistoryAndSendsItToTheRightAddressOnce()
      throws Exception {
    String wrong = "joke" + Unique.suffix() + "@korenschof.example";
    String right = wrong.replace("korenschof", "korenschoof");
    long id = refusedEmail(wrong);

    String page = get(ACCOUNTMANAGER, PASSWORD).body();
    assertThat(page)
        .contains(
            "E-mail "
                + id
                + ": Bevestiging: convenant Sociaal Werkpact getekend door Pagina Post B.V.",
            wrong,
            "550 5.1.1",
            "Geweigerd door de mailserver",
            "In de wachtrij",
            "Geweigerd");
    String token = token(page);

    var malformed =
        post(
            "/beheer/e-mail/" + id + "/opnieuw",
            "adres=joke+at+korenschoof&token=" + token,
            ACCOUNTMANAGER);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body())
        .contains("Adres is geen geldig e-mailadres; typ bijvoorbeeld naam@bedrijf.nl.");

    var resent =
        post(
            "/beheer/e-mail/" + id + "/opnieuw",
            "adres=" + URLEncoder.encode(right, StandardCharsets.UTF_8) + "&token=" + token,
            ACCOUNTMANAGER);
    assertThat(resent.statusCode()).isEqualTo(200);
    assertThat(resent.body())
        .contains("E-mail " + id + " is verzonden.")
        .doesNotContain("E-mail " + id + ":");
    assertThat(awaitMailTo(right).getSubject()).contains("Pagina Post B.V.");
    assertThat(correspondence.events(id))
        .extracting(CorrespondenceEvent::kind)
        .containsExactly("QUEUED", "UNDELIVERABLE", "REQUEUED", "SENT");
    assertThat(correspondence.events(id).get(2).actor()).isEqualTo(ACCOUNTMANAGER);
    assertThat(post("/beheer/e-mail/" + id + "/opnieuw", "token=" + token, ACCOUNTMANAGER).body())
        .contains("is al verzonden");
    // The corrected address is the employer's now, and the old address was told.
    assertThat(
            jdbc.sql(
                    "SELECT e.contact_email FROM employer e JOIN convenant c ON c.employer_id = e.id JOIN correspondence m "
                        + "ON m.concerns_id = c.id AND m.concerns_type = 'CONVENANT' WHERE m.id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo(right);
    assertThat(awaitMailTo(wrong).getSubject())
        .isEqualTo("Uw e-mailadres bij het Sociaal Werkpact is gewijzigd");
  }

  @Test
  void theCorrectedAddressIsSavedOnTheEmployerWithItsHistoryOnlyWhenTheBoxIsTicked()
      throws Exception {
    String wrong = "kees" + Unique.suffix() + "@korenschof.example";
    String once = wrong.replace("kees", "kees.eenmalig").replace("korenschof", "korenschoof");
    String right = wrong.replace("korenschof", "korenschoof");
    long first = refusedEmail(wrong);
    String page = get(ACCOUNTMANAGER, PASSWORD).body();
    assertThat(page).contains("Adres ook opslaan bij de werkgever");

    // Box not ticked: this e-mail goes to the other address, the employer keeps its own.
    var notSaved =
        post(
            "/beheer/e-mail/" + first + "/opnieuw",
            "adres="
                + URLEncoder.encode(once, StandardCharsets.UTF_8)
                + "&opslaanGevraagd=ja&token="
                + token(page),
            ACCOUNTMANAGER);
    assertThat(notSaved.statusCode()).isEqualTo(200);
    assertThat(awaitMailTo(once).getSubject()).contains("Pagina Post B.V.");
    assertThat(contactOfEmployerOf(first)).isEqualTo(wrong);
    assertThat(contactChangesOfEmployerOf(first)).isZero();

    // Box ticked: saved on the employer, with who did it and the old and new address.
    long second = refusedEmailOfSameEmployer(first, wrong);
    page = get(ACCOUNTMANAGER, PASSWORD).body();
    var saved =
        post(
            "/beheer/e-mail/" + second + "/opnieuw",
            "adres="
                + URLEncoder.encode(right, StandardCharsets.UTF_8)
                + "&opslaanGevraagd=ja&opslaan=ja&token="
                + token(page),
            ACCOUNTMANAGER);
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(contactOfEmployerOf(second)).isEqualTo(right);
    assertThat(
            jdbc.sql(
                    "SELECT changed_by, old_contact_email, new_contact_email FROM employer_contact_change "
                        + "WHERE employer_id = ?")
                .param(employerOf(second))
                .query()
                .singleRow())
        .containsEntry("changed_by", ACCOUNTMANAGER)
        .containsEntry("old_contact_email", wrong)
        .containsEntry("new_contact_email", right);
  }

  /** Another refused e-mail about the same convenant as this one, to the same address. */
  private long refusedEmailOfSameEmployer(long like, String recipient) {
    long convenant =
        jdbc.sql("SELECT concerns_id FROM correspondence WHERE id = ?")
            .param(like)
            .query(Long.class)
            .single();
    return RefusedEmails.refused(
        correspondence,
        templates,
        transactions,
        new MailRequest(
            "convenant-signed",
            recipient,
            java.util.Map.of(
                "employerName",
                "Pagina Post B.V.",
                "contactPerson",
                "Joke",
                "kvkNumber",
                "00000000",
                "signedDate",
                "21 november 2026",
                "signedBy",
                "J. Verbeek"),
            "CONVENANT",
            convenant,
            null,
            "refused-test-again:" + like));
  }

  private long employerOf(long mailId) {
    return jdbc.sql(
            "SELECT c.employer_id FROM convenant c JOIN correspondence m ON m.concerns_id = c.id "
                + "AND m.concerns_type = 'CONVENANT' WHERE m.id = ?")
        .param(mailId)
        .query(Long.class)
        .single();
  }

  private String contactOfEmployerOf(long mailId) {
    return jdbc.sql("SELECT contact_email FROM employer WHERE id = ?")
        .param(employerOf(mailId))
        .query(String.class)
        .single();
  }

  private long contactChangesOfEmployerOf(long mailId) {
    return jdbc.sql("SELECT COUNT(*) FROM employer_contact_change WHERE employer_id = ?")
        .param(employerOf(mailId))
        .query(Long.class)
        .single();
  }

  @Test
  void onlyTheEmployersOwnAccountmanagerOrAnAdminSendsItsEmailAgainAndNeverToAnIpAddress()
      throws Exception {
    String wrong = "piet" + Unique.suffix() + "@korenschof.example";
    long id = refusedEmail(wrong);
    TestUsers.ensure(identityService, "itpostcollega", PASSWORD, "accountmanagers");
    TestUsers.ensure(identityService, "itpostbeheer", PASSWORD, "procesbeheerders");

    String token = token(get("itpostcollega", PASSWORD).body());
    var colleague =
        post(
            "/beheer/e-mail/" + id + "/opnieuw",
            "adres=piet%40aanvaller.example&token=" + token,
            "itpostcollega");
    assertThat(colleague.statusCode()).isEqualTo(403);
    assertThat(colleague.body()).contains("Alleen de accountmanager van Pagina Post B.V.");
    assertThat(get("itpostbeheer", PASSWORD).statusCode())
        .as("the procesbeheerder reads no contact data")
        .isEqualTo(403);
    String own = token(get(ACCOUNTMANAGER, PASSWORD).body());
    var literal =
        post(
            "/beheer/e-mail/" + id + "/opnieuw",
            "adres=piet%40%5B127.0.0.1%5D&token=" + own,
            ACCOUNTMANAGER);
    assertThat(literal.statusCode()).isEqualTo(400);
    assertThat(correspondence.findById(id).orElseThrow().recipient()).isEqualTo(wrong);
    assertThat(correspondence.findById(id).orElseThrow().status())
        .isEqualTo(CorrespondenceStatus.UNDELIVERABLE);
  }

  @Test
  void closingNeedsAReasonAFormOfThisSessionAndARoleThatMayFixEmail() throws Exception {
    long id = refusedEmail("onbekend" + Unique.suffix() + "@nergens.example");
    TestUsers.ensure(identityService, "itpostauditor", PASSWORD, "auditors");

    assertThat(get(null, null).statusCode()).isEqualTo(401);
    assertThat(get("itpostauditor", PASSWORD).statusCode()).isEqualTo(403);
    String token = token(get(ACCOUNTMANAGER, PASSWORD).body());
    assertThat(
            post("/beheer/e-mail/" + id + "/afsluiten", "reden=Gebeld", ACCOUNTMANAGER)
                .statusCode())
        .as("no token")
        .isEqualTo(403);
    var noReason =
        post("/beheer/e-mail/" + id + "/afsluiten", "reden=+&token=" + token, ACCOUNTMANAGER);
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body())
        .contains("Geef een reden, bijvoorbeeld: werkgever telefonisch bereikt.");

    var closed =
        post(
            "/beheer/e-mail/" + id + "/afsluiten",
            "reden=Werkgever+telefonisch+bereikt&token=" + token,
            ACCOUNTMANAGER);
    assertThat(closed.body())
        .contains("E-mail " + id + " is afgesloten.")
        .doesNotContain("E-mail " + id + ":");
    assertThat(correspondence.findById(id).orElseThrow().closedBy()).isEqualTo(ACCOUNTMANAGER);
    assertThat(correspondence.events(id).get(2).detail())
        .isEqualTo("Werkgever telefonisch bereikt");
  }

  /**
   * After a passing outage of the mail server, e-mails wait for their retry time (a 451 an hour ago, say): an admin
   * sends them now instead of waiting; an accountmanager may not, and the page says how many wait.
   */
  @Test
  void anAdminSendsTheEmailsWaitingForTheirRetryTimeNowAfterAPassingOutage() throws Exception {
    String recipient = "later" + Unique.suffix() + "@bakkerij.example";
    long id = refusedEmail(recipient);
    // As the dispatcher leaves an e-mail after a 451: failed, tried again by itself in an hour.
    jdbc.sql(
            "UPDATE correspondence SET status = 'FAILED', attempts = 1, next_attempt_at = ?, last_error = '451 4.3.0 try later' WHERE id = ?")
        .params(OffsetDateTime.now().plusHours(1), id)
        .update();

    String adminPage = get(ADMIN, ADMIN_PASSWORD).body();
    assertThat(adminPage)
        .containsPattern("[0-9]+ e-mails? wacht(en)? op (zijn|hun) volgende poging")
        .contains("Wachtende e-mails nu versturen");
    assertThat(get(ACCOUNTMANAGER, PASSWORD).body())
        .doesNotContain("Wachtende e-mails nu versturen");
    var refused =
        post(
            "/beheer/e-mail/wachtende-nu",
            "token=" + token(get(ACCOUNTMANAGER, PASSWORD).body()),
            ACCOUNTMANAGER);
    assertThat(refused.statusCode()).isEqualTo(403);

    var done =
        post("/beheer/e-mail/wachtende-nu", "token=" + token(adminPage), ADMIN, ADMIN_PASSWORD);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).containsPattern("[0-9]+ e-mails? (wordt|worden) nu opnieuw geprobeerd");
    assertThat(awaitMailTo(recipient).getSubject()).contains("Pagina Post B.V.");
    assertThat(correspondence.events(id))
        .extracting(CorrespondenceEvent::kind)
        .contains("RETRIED_NOW", "SENT");
  }

  private static String token(String page) {
    var matcher = TOKEN.matcher(page);
    assertThat(matcher.find()).as("form token on the page").isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String user, String password) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/beheer/e-mail")).GET();
    return browser.send(
        authorized(request, user, password).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form, String user) throws Exception {
    return post(path, form, user, PASSWORD);
  }

  private HttpResponse<String> post(String path, String form, String user, String password)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    return browser.send(
        authorized(request, user, password).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorized(
      HttpRequest.Builder request, String user, String password) {
    return user == null
        ? request
        : request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }
}
