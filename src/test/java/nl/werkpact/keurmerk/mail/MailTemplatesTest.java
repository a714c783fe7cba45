package nl.werkpact.keurmerk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  private Map<String, Object> model(String employerName) {
    return Map.of(
        "employerName",
        employerName,
        "contactPerson",
        "Joke Verbeek",
        "kvkNumber",
        "90000001",
        "signedDate",
        "21 november 2026",
        "signedBy",
        "J. Verbeek");
  }

  @Test
  void rendersDutchConfirmationInHtmlAndPlainText() {
    RenderedMail mail =
        templates.render(ConvenantService.MAIL_CONVENANT_SIGNED, model("Bakkerij De Korenschoof"));

    assertThat(mail.subject())
        .isEqualTo("Bevestiging: convenant Sociaal Werkpact getekend door Bakkerij De Korenschoof");
    assertThat(mail.text())
        .startsWith("Beste Joke Verbeek,")
        .contains("op 21 november 2026 het convenant")
        .doesNotContain("${");
    assertThat(mail.html())
        .contains("<strong>Bakkerij De Korenschoof</strong>")
        .contains("lang=\"nl\"");
  }

  @Test
  void escapesMarkupInNamesInHtmlButNotInPlainText() {
    RenderedMail mail =
        templates.render(
            ConvenantService.MAIL_CONVENANT_SIGNED, model("<b onmouseover=\"x()\">Evil & Co</b>"));

    assertThat(mail.html())
        .contains("&lt;b onmouseover=&quot;x()&quot;&gt;Evil &amp; Co&lt;/b&gt;")
        .doesNotContain("<b onmouseover");
    assertThat(mail.text()).contains("<b onmouseover=\"x()\">Evil & Co</b>");
  }

  @Test
  void theRejectionSpeaksToTheEmployerAboutWhatItCanDo() {
    RenderedMail mail =
        templates.render(
            AuditService.MAIL_REJECTED,
            Map.of(
                "employerName",
                "Bakkerij De Korenschoof",
                "contactPerson",
                "Joke Verbeek",
                "explanation",
                "Voor het keurmerk is nodig: ten minste één extra werkplek.",
                "earliestNewRequest",
                "25 mei 2027"));

    assertThat(mail.text())
        .startsWith("Beste Joke Verbeek,")
        .contains("Waarom niet: Voor het keurmerk is nodig: ten minste één extra werkplek.")
        .contains("vanaf 25 mei 2027 kunt u een nieuwe audit aanvragen")
        .doesNotContain("commissie beslist")
        .doesNotContain("criteria (");
  }

  @Test
  void everyEmailToAnEmployerSaysWhoToCallAtTheWerkgeversservicepunt() {
    var model = new java.util.HashMap<String, Object>(model("Bakkerij De Korenschoof"));
    model.put("accountmanagerName", "Anna de Vries");
    model.put("accountmanagerEmail", "anna@werkpact.example");

    RenderedMail mail = templates.render(ConvenantService.MAIL_CONVENANT_SIGNED, model);

    assertThat(mail.text())
        .contains("Anna de Vries, uw accountmanager (anna@werkpact.example)")
        .contains("Werkgeversservicepunt Maassluis, Vlaardingen en Schiedam")
        .contains("Telefoon 010 246 55 00")
        .contains("wsp@stroomopwaarts.nl")
        .doesNotContain("[#")
        .doesNotContain("${");
    assertThat(mail.html())
        .contains("Anna de Vries</span>, uw accountmanager")
        .contains("href=\"mailto:wsp@stroomopwaarts.nl\"")
        .contains("010 246 55 00");
  }

  @Test
  void withoutAnAccountmanagerTheSignatureStillGivesTheWerkgeversservicepunt() {
    RenderedMail mail =
        templates.render(ConvenantService.MAIL_CONVENANT_SIGNED, model("Bakkerij De Korenschoof"));

    assertThat(mail.text())
        .doesNotContain("uw accountmanager (")
        .contains("Telefoon 010 246 55 00");
  }

  @Test
  void theAccountmanagersCopiesGreetThemByNameAndSpeakOfTheTakenlijst() {
    for (String template :
        java.util.List.of(
            AuditService.MAIL_AWARDED_ACCOUNTMANAGER,
            AuditService.MAIL_REJECTED_ACCOUNTMANAGER,
            nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle.MAIL_EXPIRED_ACCOUNTMANAGER,
            nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle.MAIL_WITHDRAWN_ACCOUNTMANAGER,
            nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle.MAIL_RENEWAL_REMINDER_ACCOUNTMANAGER)) {
      var model = new java.util.HashMap<String, Object>(model("Bakkerij De Korenschoof"));
      model.put("accountmanagerName", "Anna de Vries");
      model.put("keurmerkNumber", "SW-2026-0001");
      model.put("reason", "Geen extra werkplekken meer");
      RenderedMail mail = templates.render(template, model);
      assertThat(mail.text()).as(template).startsWith("Beste Anna de Vries,");
      assertThat(mail.text() + mail.html())
          .as(template)
          .doesNotContain("Tasklist")
          .doesNotContain("Beste accountmanager");
      assertThat(mail.subject()).as(template).contains("Bakkerij De Korenschoof");
    }
  }

  @Test
  void theAwardSaysTheCertificateIsAttachedWhatItsQrDoesAndGivesTheBadgeToCopy() {
    var model = new java.util.HashMap<String, Object>(model("Bakkerij De Korenschoof"));
    model.put("keurmerkNumber", "SW-2026-0001");
    model.put("validFrom", "3 december 2026");
    model.put("validUntil", "2 december 2028");
    model.put("membershipUntil", "2 december 2027");
    model.put("verificationUrl", "https://keurmerk.example/register/SW-2026-0001");
    var links =
        new nl.werkpact.keurmerk.keurmerk.KeurmerkLinks(
            new nl.werkpact.keurmerk.web.SiteSettings("https://keurmerk.example"));
    model.put("badgeSnippet", links.badgeSnippet("SW-2026-0001"));
    model.put("certificateAttached", true);

    RenderedMail mail = templates.render(AuditService.MAIL_AWARDED, model);

    assertThat(mail.text())
        .contains(
            "Het certificaat zit als PDF bij deze e-mail (keurmerk-SW-2026-0001.pdf)",
            "De QR-code op het certificaat leidt naar de controle in het openbare keurmerkregister,"
                + " https://keurmerk.example/register/SW-2026-0001",
            "<a href=\"https://keurmerk.example/register/SW-2026-0001\"><img"
                + " src=\"https://keurmerk.example/register/SW-2026-0001/badge.svg\"");
    // in the HTML the snippet is text to copy, not an image the mail program shows
    assertThat(mail.html())
        .contains("&lt;a href=&quot;https://keurmerk.example/register/SW-2026-0001&quot;&gt;")
        .doesNotContain("<img src=\"https://keurmerk.example/register/SW-2026-0001/badge.svg");

    // a renewal that begins later has no certificate yet, and the e-mail does not promise one
    model.put("certificateAttached", false);
    model.put("renewedNumber", "SW-2024-0007");
    RenderedMail renewal = templates.render(AuditService.MAIL_AWARDED, model);
    assertThat(renewal.text() + renewal.html())
        .doesNotContain("zit als PDF bij deze e-mail")
        .contains("Het verlengde keurmerk gaat in op 3 december 2026");
  }

  @Test
  void keepsTheSubjectOnOneLine() {
    RenderedMail mail =
        templates.render(
            ConvenantService.MAIL_CONVENANT_SIGNED, model("Evil\r\nBcc: everyone@example.org"));

    assertThat(mail.subject())
        .doesNotContain("\n")
        .doesNotContain("\r")
        .endsWith("Evil Bcc: everyone@example.org");
  }

  @Test
  void theDailyDigestCountsInDutchAndPointsToTheRestInTasklist() {
    Map<String, Object> task =
        Map.of(
            "name",
            "Intakegesprek: Bakkerij De Korenschoof",
            "due",
            "30 december 2026",
            "url",
            "https://x/t1");
    RenderedMail one =
        templates.render(
            "task-digest",
            Map.of(
                "recipientName", "Anna de Vries",
                "day", "2 december 2026",
                "tasks", java.util.List.of(task),
                "count", 1L,
                "more", 0L,
                "settingsUrl", "https://x/mijn-instellingen",
                "tasklistUrl", "https://x/tasklist"));
    assertThat(one.subject()).isEqualTo("Dagoverzicht 2 december 2026: 1 nieuwe taak");
    assertThat(one.text())
        .contains("kwam er 1 nieuwe taak bij")
        .contains("- Intakegesprek: Bakkerij De Korenschoof (uiterlijk 30 december 2026)")
        .doesNotContain("En nog");
    RenderedMail many =
        templates.render(
            "task-digest",
            Map.of(
                "recipientName", "Anna de Vries",
                "day", "2 december 2026",
                "tasks", java.util.List.of(task),
                "count", 61L,
                "more", 60L,
                "settingsUrl", "https://x/mijn-instellingen",
                "tasklistUrl", "https://x/tasklist"));
    assertThat(many.subject()).endsWith(": 61 nieuwe taken");
    assertThat(many.text()).contains("kwamen er 61 nieuwe taken bij").contains("En nog 60 andere");
    assertThat(many.html())
        .contains("kwamen er 61 nieuwe taken")
        .contains("En nog <span>60</span> andere");
  }
}
