package nl.werkpact.keurmerk.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public self-scan on "Partner worden": an employer's figures against the region's latest criteria, per criterion
 * met or not, the same outcome the audit's table gives; bad figures refused in Dutch; nothing of the figures kept (no
 * decision history, no record).
 */
class SelfScanIT extends IntegrationTest {

  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired nl.werkpact.keurmerk.region.Regions regions;
  @Autowired nl.werkpact.keurmerk.web.ContactSettings installation;

  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> scan(String... fields) throws Exception {
    return post("/zelfscan", fields);
  }

  private HttpResponse<String> post(String route, String... fields) throws Exception {
    List<String> form = new ArrayList<>();
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return client.send(
        HttpRequest.newBuilder(
                URI.create(baseUrl() + "/partner-worden/" + TestUsers.REGION + route))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePageSaysWhatTheRegionsTableAsksWithoutALogin() throws Exception {
    var page = get("/partner-worden/" + TestUsers.REGION);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(page.body())
        .contains("Wat vraagt het keurmerk?")
        .contains(
            "Extra werkplekken doelgroep minstens 1 en Aandeel doelgroep (%) minstens 5: het keurmerk.")
        .contains("Inkoop sociale werkbedrijven (euro) minstens 10.000: het keurmerk.")
        .contains(": de keurmerkcommissie beslist.");
    assertThat(get("/partner-worden/onbekend").statusCode()).isEqualTo(404);
  }

  @Test
  void figuresThatMeetTheCriteriaGiveTheKeurmerkAndNothingIsKept() throws Exception {
    long decisions = history.createHistoricDecisionInstanceQuery().count();
    long audits = all("SELECT COUNT(*) FROM audit");
    long employers = all("SELECT COUNT(*) FROM employer");
    long contacts = all("SELECT COUNT(*) FROM scan_contact_request");

    var met = scan("medewerkers", "2.000", "doelgroep", "100", "extra", "1", "snuffelstages", "15");
    var committee = scan("medewerkers", "100", "doelgroep", "5");
    var lacking = scan("medewerkers", "200", "doelgroep", "4", "extra", "1", "inkoop", "9.999,99");

    assertThat(met.statusCode()).isEqualTo(200);
    assertThat(met.body())
        .contains("Met deze cijfers voldoet u aan de criteria: u kunt het keurmerk aanvragen.")
        .contains("Gelezen cijfers: 2.000 medewerkers, waarvan 100 uit de doelgroep (5,00 %")
        .contains(
            "Regel 1 → TOEKENNEN: Extra werkplekken doelgroep minstens 1 (gevonden: 1, voldaan)")
        // what was typed stays in the form
        .contains("value=\"2.000\"");
    assertThat(committee.body()).contains("Met deze cijfers beslist de keurmerkcommissie");
    assertThat(lacking.body())
        .contains("Met deze cijfers voldoet u nog niet aan de criteria.")
        .contains(
            "Inkoop sociale werkbedrijven (euro) minstens 10.000 (gevonden: 9.999,99, niet voldaan)");
    assertThat(history.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisions);
    assertThat(all("SELECT COUNT(*) FROM audit")).isEqualTo(audits);
    assertThat(all("SELECT COUNT(*) FROM employer")).isEqualTo(employers);
    assertThat(all("SELECT COUNT(*) FROM scan_contact_request")).isEqualTo(contacts);
  }

  @Test
  void unreadableOrImpossibleFiguresAreRefusedInDutch() throws Exception {
    var unreadable = scan("medewerkers", "2.5", "doelgroep", "1,5", "inkoop", "tien euro");
    var impossible = scan("medewerkers", "10", "doelgroep", "11", "internships", "-1");
    var missing = scan();

    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(unreadable.body())
        .contains("Totaal aantal medewerkers is geen geheel getal zoals wij het lezen")
        .contains("Medewerkers uit de doelgroep is geen geheel getal")
        .contains("value=\"tien euro\"");
    assertThat(impossible.statusCode()).isEqualTo(400);
    assertThat(impossible.body()).contains("kan niet meer zijn dan het totaal aantal medewerkers");
    assertThat(missing.body()).contains("Totaal aantal medewerkers is verplicht.");
  }

  private long all(String sql) {
    return RegionScope.in(RegionScope.ALL, () -> jdbc.sql(sql).query(Long.class).single());
  }

  @Test
  void askingToBeContactedKeepsTheScanAndMailsItToTheWerkgeversservicepunt() throws Exception {
    RegionScope.run(
        RegionScope.ALL,
        () -> jdbc.sql("UPDATE scan_contact_request SET source_hash = 'test-oud'").update());
    String email = "contact." + nl.werkpact.keurmerk.support.Unique.suffix() + "@zelfscan.example";
    String[] figures = {"medewerkers", "200", "doelgroep", "4", "extra", "1", "inkoop", "9.999,99"};

    var scanned = scan(figures);
    assertThat(scanned.body()).contains("Wilt u dat wij contact met u opnemen?");

    var badContact =
        post(
            "/contact",
            with(
                figures,
                "organisatie",
                "Zelfscanbedrijf",
                "contactnaam",
                "",
                "contactemail",
                "nee"));
    assertThat(badContact.statusCode()).isEqualTo(400);
    assertThat(badContact.body()).contains("Uw naam is verplicht");
    assertThat(
            all("SELECT COUNT(*) FROM scan_contact_request WHERE contact_email = '" + email + "'"))
        .isZero();

    var asked =
        post(
            "/contact",
            with(
                figures,
                "organisatie",
                "Zelfscanbedrijf",
                "contactnaam",
                "Iris Jansen",
                "contactemail",
                email,
                "contacttelefoon",
                "010-7654321"));
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body())
        .contains("Het Werkgeversservicepunt heeft uw vraag en deze uitkomst gekregen");
    assertThat(
            jdbc.sql("SELECT outcome FROM scan_contact_request WHERE contact_email = ?")
                .param(email)
                .query(String.class)
                .single())
        .isEqualTo("AFWIJZEN");
    var region = regions.find(TestUsers.REGION).orElseThrow();
    String desk = region.deskEmail() == null ? installation.email() : region.deskEmail();
    var mail =
        jdbc.sql(
                "SELECT recipient, body_text FROM correspondence WHERE template = 'selfscan-contact' AND body_text LIKE ?")
            .param("%" + email + "%")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .single();
    assertThat(mail[0]).isEqualTo(desk);
    assertThat(mail[1])
        .contains("Iris Jansen van Zelfscanbedrijf")
        .contains("Telefoon: 010-7654321")
        .contains(
            "Inkoop sociale werkbedrijven (euro) minstens 10.000 (gevonden: 9.999,99, niet voldaan)");
    assertThat(all("SELECT COUNT(*) FROM correspondence WHERE recipient = '" + email + "'"))
        .as("the visitor is sent nothing: the form mails no one but the desk")
        .isZero();
  }

  private static String[] with(String[] figures, String... more) {
    String[] all = java.util.Arrays.copyOf(figures, figures.length + more.length);
    System.arraycopy(more, 0, all, figures.length, more.length);
    return all;
  }
}
