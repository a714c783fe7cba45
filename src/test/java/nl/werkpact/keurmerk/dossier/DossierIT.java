package nl.werkpact.keurmerk.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TasklistApi;
import nl.werkpact.keurmerk.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The employer's dossier: everything about one employer, for accountmanagers, the committee and admins only. */
class DossierIT extends IntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired ConvenantService convenants;

  @Test
  void anAccountmanagerReadsTheWholeDossierOthersMayNot() {
    TestUsers.ensure(identityService, "itdossieranna", PASSWORD, Groups.ACCOUNTMANAGERS);
    TestUsers.ensure(identityService, "itdossierbram", PASSWORD, Groups.AUDITORS);
    String kvk = String.valueOf(ThreadLocalRandom.current().nextInt(60_000_000, 69_999_999));
    var registration =
        convenants.registerIntent(
            new EmployerDetails(
                "Dossier Drukkerij " + kvk,
                kvk,
                "Kade 1",
                "Maassluis",
                "Els de Wit",
                "els." + kvk + "@dossier.example"),
            ACCOUNTMANAGER,
            null);
    convenants.recordIntake(
        registration.convenantId(), LocalDate.now().minusDays(10), "Wil drie leerwerkplekken.", 3);
    convenants.recordSigning(
        registration.convenantId(), LocalDate.now().minusDays(5), "Els de Wit", null);

    var page =
        rest.withBasicAuth("itdossieranna", PASSWORD).getForEntity("/dossier/" + kvk, String.class);

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody())
        .contains(
            "Dossier Drukkerij " + kvk,
            "Maassluis",
            "els." + kvk + "@dossier.example",
            "SIGNED",
            "Wil drie leerwerkplekken.",
            "Els de Wit",
            "Bevestiging: convenant Sociaal Werkpact getekend door Dossier Drukkerij " + kvk);
    assertThat(page.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
    assertThat(
            rest.withBasicAuth("itdossieranna", PASSWORD)
                .getForEntity("/dossier?q=" + kvk, String.class)
                .getBody())
        .contains("/dossier/" + kvk);
    // The Tasklist login of this browser opens the dossier too.
    assertThat(
            TasklistApi.login(rest, "itdossieranna", PASSWORD)
                .getPage("/dossier/" + kvk)
                .getStatusCode()
                .value())
        .isEqualTo(200);

    assertThat(rest.getForEntity("/dossier/" + kvk, String.class).getStatusCode().value())
        .isEqualTo(401);
    var auditor =
        rest.withBasicAuth("itdossierbram", PASSWORD).getForEntity("/dossier/" + kvk, String.class);
    assertThat(auditor.getStatusCode().value()).isEqualTo(403);
    assertThat(auditor.getBody())
        .contains("alleen voor accountmanagers, de keurmerkcommissie en beheerders")
        .doesNotContain("Dossier Drukkerij");
    var unknown =
        rest.withBasicAuth("itdossieranna", PASSWORD)
            .getForEntity("/dossier/00000001", String.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody()).contains("Er is geen werkgever met KvK-nummer 00000001 bekend.");
  }
}
