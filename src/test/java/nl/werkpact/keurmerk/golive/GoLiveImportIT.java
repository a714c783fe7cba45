package nl.werkpact.keurmerk.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.golive.ImportReport.LineResult;
import nl.werkpact.keurmerk.golive.ImportReport.Outcome;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.keurmerk.ValidityPeriod;
import nl.werkpact.keurmerk.keurmerk.process.ImportedValidityPeriods;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess.Elements;
import nl.werkpact.keurmerk.keurmerk.process.ReminderMoments;
import nl.werkpact.keurmerk.register.KeurmerkRegister;
import nl.werkpact.keurmerk.support.ImportInterruption;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The go-live import on PostgreSQL: what a dry run reports, what a confirmed run stores, and that it never stores half. */
class GoLiveImportIT extends IntegrationTest {

  private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");
  private static final String HEADER =
      "naam;kvk-nummer;adres;gemeente;contactpersoon;e-mail;ondertekend op;ondertekend door;"
          + "accountmanager;keurmerknummer;keurmerk geldig vanaf;lidmaatschap tot en met";

  @Autowired GoLiveImport goLiveImport;
  @Autowired ImportInterruption interruption;
  @Autowired KeurmerkService keurmerken;
  @Autowired KeurmerkRegister register;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  private final LocalDate today = LocalDate.now(Dates.AMSTERDAM);

  @AfterEach
  void noInterruption() {
    interruption.clear();
  }

  @Test
  void aDryRunTellsWhatIsWrongWithEachLineInDutchAndStoresNothing() {
    String taken = number(2018);
    importConfirmed(csv(line("Bestaande Houder", nextKvk(), taken, today.minusMonths(3), null)));
    String twice = nextKvk();
    String twiceNumber = number(2018);
    String good = nextKvk();

    List<String> lines =
        List.of(
            line("Goed B.V.", good, null, null, null),
            line("Korte KvK", "1234567", null, null, null),
            line("", nextKvk(), null, null, null),
            "Geen Adres;"
                + nextKvk()
                + ";;Schiedam;Piet;piet@geenadres.example;01-02-2022;Piet;"
                + ACCOUNTMANAGER
                + ";;;",
            "Fout Mailadres;"
                + nextKvk()
                + ";Markt 1;Schiedam;Piet;piet-at-example;01-02-2022;Piet;"
                + ACCOUNTMANAGER
                + ";;;",
            "Amerikaanse Datum;"
                + nextKvk()
                + ";Markt 1;Schiedam;Piet;piet@datum.example;2022-14-03;Piet;"
                + ACCOUNTMANAGER
                + ";;;",
            "Dertig Februari;"
                + nextKvk()
                + ";Markt 1;Schiedam;Piet;piet@feb.example;30-02-2022;Piet;"
                + ACCOUNTMANAGER
                + ";;;",
            "Nog Niet Getekend;"
                + nextKvk()
                + ";Markt 1;Schiedam;Piet;piet@later.example;"
                + dutch(today.plusDays(3))
                + ";Piet;"
                + ACCOUNTMANAGER
                + ";;;",
            "Zonder Datum;"
                + nextKvk()
                + ";Markt 1;Schiedam;Piet;piet@zonder.example;;Piet;"
                + ACCOUNTMANAGER
                + ";;;",
            "Zonder Ondertekenaar;"
                + nextKvk()
                + ";Markt 1;Schiedam;Piet;piet@ondert.example;01-02-2022;;"
                + ACCOUNTMANAGER
                + ";;;",
            "Onbekende Accountmanager;"
                + nextKvk()
                + ";Markt 1;Schiedam;Piet;piet@am.example;01-02-2022;Piet;nobody;;;",
            line("Raar Nummer", nextKvk(), "SW-24-12", today.minusMonths(3), null),
            line("Nummer Bezet", nextKvk(), taken, today.minusMonths(3), null),
            line("Dubbel KvK Een", twice, null, null, null),
            line("Dubbel KvK Twee", twice, null, null, null),
            line("Dubbel Nummer Een", nextKvk(), twiceNumber, today.minusMonths(3), null),
            line("Dubbel Nummer Twee", nextKvk(), twiceNumber, today.minusMonths(3), null),
            line("Zonder Ingangsdatum", nextKvk(), number(2018), null, null),
            line(
                "Keurmerk Voor Convenant",
                nextKvk(),
                number(2018),
                LocalDate.of(2021, 12, 31),
                null),
            line("Keurmerk In Toekomst", nextKvk(), number(2018), today.plusDays(1), null),
            line(
                "Lidmaatschap Te Vroeg",
                nextKvk(),
                number(2018),
                today.minusMonths(3),
                today.minusMonths(4)),
            "Datum Zonder Keurmerk;"
                + nextKvk()
                + ";Markt 1;Schiedam;Piet;piet@zk.example;01-02-2022;Piet;"
                + ACCOUNTMANAGER
                + ";;01-03-2023;",
            "Te Veel Velden;"
                + nextKvk()
                + ";Markt 1;Schiedam;Piet;piet@velden.example;01-02-2022;Piet;"
                + ACCOUNTMANAGER
                + ";;;;extra");
    long employersBefore = count("employer");
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    ImportReport report =
        goLiveImport.run(
            new StringReader(csv(lines.toArray(String[]::new))), false, GoLiveImport.Progress.NONE);

    Map<String, String> byName =
        report.lines().stream()
            .collect(Collectors.toMap(LineResult::employer, GoLiveImportIT::shown));
    assertThat(byName).containsEntry("Goed B.V.", "Goed: Convenant ondertekend op 01-02-2022.");
    assertThat(byName.get("Korte KvK"))
        .isEqualTo("Fout: KvK-nummer moet uit precies 8 cijfers bestaan.");
    assertThat(byName.get("")).startsWith("Fout: Naam werkgever is verplicht");
    assertThat(byName.get("Geen Adres")).startsWith("Fout: Adres is verplicht");
    assertThat(byName.get("Fout Mailadres")).startsWith("Fout: E-mailadres contactpersoon");
    assertThat(byName.get("Amerikaanse Datum"))
        .isEqualTo(
            "Fout: Datum ondertekening: 2022-14-03 bestaat niet, want er is geen maand 14; typ de datum als "
                + "dd-mm-jjjj (dag, maand, jaar), bijvoorbeeld 20-11-2026.");
    assertThat(byName.get("Dertig Februari"))
        .isEqualTo(
            "Fout: Datum ondertekening: 30-02-2022 bestaat niet; februari 2022 heeft 28 dagen.");
    assertThat(byName.get("Nog Niet Getekend"))
        .isEqualTo(
            "Fout: Datum ondertekening " + dutch(today.plusDays(3)) + " ligt in de toekomst.");
    assertThat(byName.get("Zonder Datum"))
        .startsWith("Fout: Datum ondertekening is verplicht; typ de datum als dd-mm-jjjj");
    assertThat(byName.get("Zonder Ondertekenaar"))
        .startsWith("Fout: Ondertekend door is verplicht");
    assertThat(byName.get("Onbekende Accountmanager"))
        .startsWith("Fout: Accountmanager \"nobody\" is geen accountmanager van deze regio");
    assertThat(byName.get("Raar Nummer"))
        .isEqualTo("Fout: Keurmerknummer \"SW-24-12\" moet eruitzien als SW-2024-0012.");
    assertThat(byName.get("Nummer Bezet"))
        .isEqualTo("Fout: Keurmerknummer " + taken + " is al uitgegeven aan een andere werkgever.");
    assertThat(byName.get("Dubbel KvK Een")).startsWith("Goed: ");
    assertThat(byName.get("Dubbel KvK Twee"))
        .isEqualTo(
            "Fout: KvK-nummer "
                + twice
                + " staat ook op regel "
                + lineOf(report, "Dubbel KvK Een")
                + ".");
    assertThat(byName.get("Dubbel Nummer Twee"))
        .isEqualTo(
            "Fout: Keurmerknummer "
                + twiceNumber
                + " staat ook op regel "
                + lineOf(report, "Dubbel Nummer Een")
                + ".");
    assertThat(byName.get("Zonder Ingangsdatum"))
        .isEqualTo(
            "Fout: Keurmerk geldig vanaf is verplicht bij een keurmerknummer; typ de datum als dd-mm-jjjj.");
    assertThat(byName.get("Keurmerk Voor Convenant"))
        .isEqualTo(
            "Fout: Het keurmerk (geldig vanaf 31-12-2021) kan niet ingaan vóór het convenant is ondertekend (01-02-2022).");
    assertThat(byName.get("Keurmerk In Toekomst"))
        .isEqualTo(
            "Fout: Keurmerk geldig vanaf " + dutch(today.plusDays(1)) + " ligt in de toekomst.");
    assertThat(byName.get("Lidmaatschap Te Vroeg"))
        .isEqualTo(
            "Fout: Einde lidmaatschap "
                + dutch(today.minusMonths(4))
                + " ligt vóór keurmerk geldig vanaf "
                + dutch(today.minusMonths(3))
                + ".");
    assertThat(byName.get("Datum Zonder Keurmerk"))
        .startsWith(
            "Fout: Keurmerk geldig vanaf, einde lidmaatschap en de cijfers van de audit horen bij een keurmerk");
    assertThat(byName.get("Te Veel Velden"))
        .isEqualTo(
            "Fout: Deze regel heeft 13 velden, de kopregel 12; staat er een puntkomma te veel of te weinig?");
    assertThat(report.lines()).extracting(LineResult::line).startsWith(2L, 3L, 4L);
    assertThat(report.totals())
        .isEqualTo(
            "23 regels: 3 goed (proefdraai, nog niets ingevoerd), 0 overgeslagen (staan al in het systeem), "
                + "20 met een fout.");

    assertThat(count("employer")).isEqualTo(employersBefore);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void aConfirmedImportBringsInSignatoriesAndHoldersInTheStateTheyAreIn() {
    String signatory = nextKvk();
    String holder = nextKvk();
    String expired = nextKvk();
    String recent = nextKvk();
    String holderNumber = number(2018);
    String expiredNumber = number(2018);
    String recentNumber = number(2018);
    LocalDate holderFrom = today.minusMonths(22);
    LocalDate recentFrom = today.minusMonths(3);

    ImportReport report =
        importConfirmed(
            csv(
                line("Alleen Convenant", signatory, null, null, null),
                line("Houder Bijna Verlengen", holder, holderNumber, holderFrom, null),
                line("Houder Verlopen", expired, expiredNumber, today.minusMonths(30), null),
                line(
                    "Houder Net Begonnen",
                    recent,
                    recentNumber,
                    recentFrom,
                    recentFrom.plusMonths(18))));

    assertThat(report.totals())
        .isEqualTo(
            "4 regels: 4 ingevoerd, 0 overgeslagen (staan al in het systeem), 0 met een fout.");
    ValidityPeriod holderPeriod = ValidityPeriod.keurmerk(holderFrom);
    assertThat(shown(report.lines().get(1)))
        .isEqualTo(
            "Ingevoerd: Convenant ondertekend op 01-02-2022. Keurmerk "
                + holderNumber
                + " geldig van "
                + dutch(holderFrom)
                + " tot en met "
                + dutch(holderPeriod.validUntil())
                + " (geldig; herinneringen lopen).");

    for (String kvk : List.of(signatory, holder, expired, recent)) {
      assertThat(
              jdbc.sql(
                      """
              SELECT c.status || ' ' || c.signed_date || ' ' || c.signed_by || ' ' || c.registered_by FROM convenant c
              JOIN employer e ON e.id = c.employer_id WHERE e.kvk_number = ?""")
                  .param(kvk)
                  .query(String.class)
                  .list())
          .containsExactly("SIGNED 2022-02-01 Piet Smit, directeur " + ACCOUNTMANAGER);
    }
    assertThat(keurmerkOf(signatory)).isEmpty();
    assertThat(keurmerkOf(holder))
        .containsExactly(holderNumber + " ACTIVE " + holderFrom + " " + holderPeriod.validUntil());
    assertThat(keurmerkOf(expired))
        .hasSize(1)
        .allSatisfy(k -> assertThat(k).startsWith(expiredNumber + " EXPIRED"));
    assertThat(register.keurmerk(holderNumber)).isPresent();
    assertThat(register.holders(null, "Houder Bijna Verlengen", 1, 10).total()).isEqualTo(1);
    assertThat(register.holders(null, "Houder Verlopen", 1, 10).total()).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT m.valid_until FROM membership m JOIN keurmerk k ON k.id = m.keurmerk_id WHERE k.number = ?")
                .param(recentNumber)
                .query(LocalDate.class)
                .single())
        .isEqualTo(recentFrom.plusMonths(18));

    // The period of a holder runs to its expiry. 22 months in, its membership reminder and first
    // renewal reminder are
    // history: a round of reminders passes over them (nothing is sent below); the second renewal
    // reminder is ahead.
    assertThat(timers(holderNumber))
        .containsOnlyKeys(Elements.TIMER_KEURMERK_EXPIRES)
        .containsEntry(
            Elements.TIMER_KEURMERK_EXPIRES, startOfDay(holderPeriod.validUntil().plusDays(1)));
    assertThat(timers(recentNumber)).containsOnlyKeys(Elements.TIMER_KEURMERK_EXPIRES);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(recentNumber)
                .count())
        .as("Cockpit shows the keurmerk's number as the validity period's business key")
        .isEqualTo(1);
    runReminderRound();
    assertThat(
            jdbc.sql("SELECT validity_process_instance_id FROM keurmerk WHERE number = ?")
                .param(expiredNumber)
                .query(String.class)
                .optional())
        .isEmpty();
    assertThat(
            jdbc.sql(
                    """
            SELECT COUNT(*) FROM correspondence c JOIN employer e ON e.contact_email = c.recipient WHERE e.kvk_number IN (?, ?, ?, ?)""")
                .params(signatory, holder, expired, recent)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aHolderWhoseRenewalRemindersPassedBeforeGoLiveIsToldOnceAndTheDryRunSaysSo() {
    String late = nextKvk();
    String ahead = nextKvk();
    String lateNumber = number(2018);
    String aheadNumber = number(2018);
    // ends in 20 days: both renewal reminders (90 and 30 days before) lay before the import
    LocalDate lateFrom = today.plusDays(21).minusYears(2);
    // ends in 60 days: the second reminder is still to come, so no catch-up
    LocalDate aheadFrom = today.plusDays(61).minusYears(2);
    String file =
        csv(
            line("Houder Inhalen", late, lateNumber, lateFrom, null),
            line("Houder Nog Herinnerd", ahead, aheadNumber, aheadFrom, null));

    ImportReport dryRun =
        goLiveImport.run(new StringReader(file), false, GoLiveImport.Progress.NONE);
    assertThat(dryRun.lines().get(0).text()).endsWith(GoLiveImport.CATCH_UP_NOTICE);
    assertThat(dryRun.lines().get(1).text()).doesNotContain("vóór de import");

    importConfirmed(file);
    runReminderRound();
    runReminderRound();

    assertThat(mailsTo(late))
        .as("one catch-up notice, however many rounds")
        .singleElement()
        .satisfies(key -> assertThat(key).startsWith("renewal-reminder"));
    assertThat(mailsTo(ahead)).isEmpty();
  }

  private List<String> mailsTo(String kvk) {
    return jdbc.sql(
            """
            SELECT c.dedup_key FROM correspondence c JOIN employer e ON e.contact_email = c.recipient
             WHERE e.kvk_number = ?""")
        .param(kvk)
        .query(String.class)
        .list();
  }

  @Test
  void theFiguresOfTheEarlierAuditAreReadTheDutchWayAndStoredWithTheAward() {
    String header = HEADER + ";extra werkplekken;werkervaringsplaatsen;sociale inkoop";
    String good = nextKvk();
    String goodNumber = number(2018);
    String file =
        header
            + "\n"
            + line("Met Cijfers", good, goodNumber, today.minusMonths(4), null)
            + ";1.200;3;9.999,99\n"
            + line("Halve Werkplek", nextKvk(), number(2018), today.minusMonths(4), null)
            + ";2,5;;\n"
            + line("Engelse Euro", nextKvk(), number(2018), today.minusMonths(4), null)
            + ";1;1;1,234.56\n"
            + line("Negatief", nextKvk(), number(2018), today.minusMonths(4), null)
            + ";-2;;\n"
            + line("Cijfers Zonder Keurmerk", nextKvk(), null, null, null)
            + ";4;;\n";

    ImportReport report = importConfirmed(file);

    assertThat(report.lines())
        .extracting(GoLiveImportIT::shown)
        .containsExactly(
            report.lines().get(0).outcome().label + ": " + report.lines().get(0).text(),
            "Fout: Extra werkplekken is geen geheel getal zoals wij het lezen; typ bijvoorbeeld 2000 of 2.000 (een punt scheidt "
                + "duizendtallen, een komma mag niet).",
            "Fout: Sociale inkoop is geen bedrag zoals wij het lezen; typ bijvoorbeeld 9.999,99 of 10.000 (een komma voor de centen, "
                + "een punt scheidt duizendtallen).",
            "Fout: Extra werkplekken kan niet negatief zijn.",
            "Fout: Keurmerk geldig vanaf, einde lidmaatschap en de cijfers van de audit horen bij een keurmerk: vul ook het keurmerknummer "
                + "in, of laat ze leeg.");
    assertThat(report.lines().get(0).outcome()).isEqualTo(Outcome.IMPORTED);
    assertThat(
            jdbc.sql(
                    """
            SELECT a.extra_workplaces || ' ' || a.work_experience_places || ' ' || a.social_purchasing_euros || ' ' || a.decided_on
            FROM audit a JOIN keurmerk k ON k.audit_id = a.id WHERE k.number = ?""")
                .param(goodNumber)
                .query(String.class)
                .single())
        .isEqualTo("1200 3 9999.99 " + today.minusMonths(4));
    // The dossier shows them as a Dutch reader writes them.
    String dossier =
        rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD)
            .getForEntity("/dossier/" + good, String.class)
            .getBody();
    assertThat(dossier)
        .contains(
            "1200 extra werkplekken, 3 werkervaringsplaatsen, inkoop € 9.999,99 (overgenomen bij de start)",
            goodNumber + ": Geldig");
  }

  @Test
  void runningTheSameFileTwiceImportsNothingTwice() {
    String file =
        csv(
            line("Tweemaal Een", nextKvk(), null, null, null),
            line("Tweemaal Twee", nextKvk(), number(2018), today.minusMonths(5), null));
    importConfirmed(file);
    long employers = count("employer");
    long keurmerkRows = count("keurmerk");
    long instances = runtimeService.createProcessInstanceQuery().count();

    ImportReport again = importConfirmed(file);

    assertThat(again.lines())
        .extracting(LineResult::outcome)
        .containsExactly(Outcome.SKIPPED, Outcome.SKIPPED);
    assertThat(again.lines().get(0).text())
        .endsWith("staat al in het systeem; deze regel is overgeslagen.");
    assertThat(again.totals())
        .isEqualTo(
            "2 regels: 0 ingevoerd, 2 overgeslagen (staan al in het systeem), 0 met een fout.");
    assertThat(count("employer")).isEqualTo(employers);
    assertThat(count("keurmerk")).isEqualTo(keurmerkRows);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aLineBrokenOffHalfwayLeavesNothingOfItAndTheNextRunBringsItIn() {
    String before = nextKvk();
    String broken = nextKvk();
    String after = nextKvk();
    String brokenNumber = number(2018);
    String file =
        csv(
            line("Voor De Onderbreking", before, number(2018), today.minusMonths(6), null),
            line("Onderbroken", broken, brokenNumber, today.minusMonths(6), null),
            line("Na De Onderbreking", after, number(2018), today.minusMonths(6), null));
    interruption.breakAt(broken);

    ImportReport interrupted = importConfirmed(file);

    assertThat(interrupted.lines())
        .extracting(LineResult::outcome)
        .containsExactly(Outcome.IMPORTED, Outcome.ERROR, Outcome.IMPORTED);
    assertThat(interrupted.lines().get(1).text())
        .startsWith("Niet ingevoerd door een fout in het systeem")
        .contains("niets van deze regel is opgeslagen");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM employer WHERE kvk_number = ?")
                .param(broken)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM keurmerk WHERE number = ?")
                .param(brokenNumber)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            runtimeService
                .createVariableInstanceQuery()
                .variableValueEquals("keurmerkNumber", brokenNumber)
                .count())
        .isZero();

    interruption.clear();
    ImportReport resumed = importConfirmed(file);

    assertThat(resumed.lines())
        .extracting(LineResult::outcome)
        .containsExactly(Outcome.SKIPPED, Outcome.IMPORTED, Outcome.SKIPPED);
    assertThat(keurmerkOf(broken))
        .hasSize(1)
        .allSatisfy(k -> assertThat(k).startsWith(brokenNumber + " ACTIVE"));
    assertThat(timers(brokenNumber)).containsKey(Elements.TIMER_KEURMERK_EXPIRES);
  }

  @Test
  void newNumbersOfAYearContinueAfterTheHighestImportedOne() {
    int high = Unique.serialBlock(200) + 199;
    String highest = String.format("SW-2017-%04d", high);
    String lower = String.format("SW-2017-%04d", high - 150);
    String kvk = nextKvk();
    importConfirmed(
        csv(
            line("Hoogste Nummer", kvk, highest, LocalDate.of(2022, 3, 1), null),
            line("Lager Nummer", nextKvk(), lower, LocalDate.of(2022, 3, 1), null)));
    long employerId =
        jdbc.sql("SELECT id FROM employer WHERE kvk_number = ?")
            .param(kvk)
            .query(Long.class)
            .single();
    long auditId =
        jdbc.sql("SELECT audit_id FROM keurmerk WHERE number = ?")
            .param(highest)
            .query(Long.class)
            .single();
    long renewalAudit =
        jdbc.sql(
                """
            INSERT INTO audit (employer_id, status, requested_at, requested_by) SELECT employer_id, 'AWARDED', requested_at, requested_by
            FROM audit WHERE id = ? RETURNING id""")
            .param(auditId)
            .query(Long.class)
            .single();

    var next = keurmerken.award(employerId, renewalAudit, LocalDate.of(2017, 6, 1));

    assertThat(next.number()).isEqualTo(String.format("SW-2017-%04d", high + 1));
  }

  @Test
  void theDemoFileIsAGoodGoLiveFileWhateverDayTheDemoFirstStarts() {
    for (LocalDate firstStart : List.of(today, today.plusYears(3).plusDays(100))) {
      // The demo's accountmanager is anna, who is not a user here; its numbers would be taken by
      // this context's awards.
      String file =
          DemoSignatories.asOf(firstStart)
              .replace(";anna;", ";" + ACCOUNTMANAGER + ";")
              .replace(";SW-20", ";SW-19");
      var clock =
          Clock.fixed(
              firstStart.atTime(10, 0).atZone(Dates.AMSTERDAM).toInstant(), Dates.AMSTERDAM);

      ImportReport report =
          goLiveImportAt(clock).run(new StringReader(file), false, GoLiveImport.Progress.NONE);

      assertThat(report.lines())
          .as("first start on %s", firstStart)
          .hasSize(52)
          .allSatisfy(line -> assertThat(line.outcome()).as(shown(line)).isEqualTo(Outcome.GOED));
      assertThat(
              report.lines().stream()
                  .filter(l -> l.text().contains("(geldig; herinneringen lopen)."))
                  .count())
          .isEqualTo(36);
      assertThat(report.lines().stream().filter(l -> l.text().endsWith("(verlopen).")).count())
          .isEqualTo(3);
      assertThat(
              report.lines().stream()
                  .map(l -> l.text())
                  .filter(t -> t.contains("Keurmerk"))
                  .count())
          .isEqualTo(39);
    }
  }

  @Autowired ApplicationContext context;

  /** The import as it would run on another day (only the dry run's checks and report depend on it). */
  private GoLiveImport goLiveImportAt(Clock clock) {
    return new GoLiveImport(
        context.getBean(EmployerService.class),
        context.getBean(ConvenantService.class),
        context.getBean(AuditService.class),
        keurmerken,
        context.getBean(ImportedValidityPeriods.class),
        identityService,
        context.getBean(PlatformTransactionManager.class),
        clock,
        new ImportSettings(1, false),
        context.getBean(ReminderMoments.class),
        context.getBeanProvider(GoLiveImport.Interruption.class),
        context.getBean(nl.werkpact.keurmerk.region.Regions.class),
        context.getBean(javax.sql.DataSource.class));
  }

  private ImportReport importConfirmed(String csv) {
    return goLiveImport.run(new StringReader(csv), true, GoLiveImport.Progress.NONE);
  }

  private static String csv(String... lines) {
    return HEADER + "\n" + String.join("\n", lines) + "\n";
  }

  /** A signatory in Schiedam that signed on 01-02-2022, with the keurmerk when a number is given. */
  private static String line(
      String name, String kvk, String number, LocalDate validFrom, LocalDate membershipUntil) {
    return String.join(
        ";",
        name,
        kvk,
        "Broersvest 1",
        "Schiedam",
        "Piet Smit",
        "piet." + kvk + "@import.example",
        "01-02-2022",
        "Piet Smit, directeur",
        ACCOUNTMANAGER,
        number == null ? "" : number,
        validFrom == null ? "" : dutch(validFrom),
        membershipUntil == null ? "" : dutch(membershipUntil));
  }

  private static String nextKvk() {
    return Unique.kvk();
  }

  /** A number of that year that no other line of this class uses. */
  private static String number(int year) {
    return String.format("SW-%d-%04d", year, Unique.serial());
  }

  private static String dutch(LocalDate date) {
    return DUTCH.format(date);
  }

  private static String shown(LineResult line) {
    return line.outcome().label + ": " + line.text();
  }

  private static long lineOf(ImportReport report, String employer) {
    return report.lines().stream()
        .filter(l -> l.employer().equals(employer))
        .findFirst()
        .orElseThrow()
        .line();
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private List<String> keurmerkOf(String kvk) {
    return jdbc.sql(
            """
            SELECT k.number || ' ' || k.status || ' ' || k.valid_from || ' ' || k.valid_until FROM keurmerk k
            JOIN employer e ON e.id = k.employer_id WHERE e.kvk_number = ?""")
        .param(kvk)
        .query(String.class)
        .list();
  }

  /** The timers of the keurmerk's validity period by activity id, with their due dates. */
  private Map<String, Date> timers(String number) {
    String instance =
        jdbc.sql("SELECT validity_process_instance_id FROM keurmerk WHERE number = ?")
            .param(number)
            .query(String.class)
            .single();
    List<Job> jobs =
        new ArrayList<>(
            managementService.createJobQuery().processInstanceId(instance).timers().list());
    return jobs.stream()
        .collect(
            Collectors.toMap(
                job ->
                    managementService
                        .createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId())
                        .singleResult()
                        .getActivityId(),
                Job::getDuedate));
  }

  private static Date startOfDay(LocalDate date) {
    return Date.from(date.atStartOfDay(Dates.AMSTERDAM).toInstant());
  }
}
