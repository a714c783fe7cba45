package nl.werkpact.keurmerk.golive;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.FormValues;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.golive.ImportReport.LineResult;
import nl.werkpact.keurmerk.golive.ImportReport.Outcome;
import nl.werkpact.keurmerk.golive.ImportReport.ToBeStored;
import nl.werkpact.keurmerk.golive.WerkgeversCsv.Column;
import nl.werkpact.keurmerk.golive.WerkgeversCsv.Line;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.keurmerk.KeurmerkNumber;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.keurmerk.ReminderSchedule;
import nl.werkpact.keurmerk.keurmerk.ValidityPeriod;
import nl.werkpact.keurmerk.keurmerk.process.ImportedValidityPeriods;
import nl.werkpact.keurmerk.keurmerk.process.ReminderMoments;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Go-live: the signatories and keurmerkhouders that exist before this system enter it without a new audit. Each line
 * of the file becomes an employer with a SIGNED convenant and, where given, its keurmerk with its own number (ACTIVE, or
 * EXPIRED when its two years are over) and a running validity period whose reminders fall where they would have.
 *
 * <p>A dry run (the default) only checks and reports; a confirmed run imports every good line, each line in its own
 * transaction (all of it or nothing of it), and skips employers already in the system, so the same file twice imports
 * nothing twice.
 */
@Service
public class GoLiveImport {

  /** Told after every line: how many of how many are done. */
  public interface Progress {
    void update(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  /** Test seam: lets a test break off an import in the middle of a line, after part of it was written. */
  public interface Interruption {
    void afterKeurmerk(String kvkNumber);
  }

  private static final Logger LOG = LoggerFactory.getLogger(GoLiveImport.class);

  private final EmployerService employers;
  private final ConvenantService convenants;
  private final AuditService audits;
  private final KeurmerkService keurmerken;
  private final ImportedValidityPeriods validityPeriods;
  private final IdentityService identity;
  private final TransactionTemplate perLine;
  private final Clock clock;
  private final boolean sendPassedReminders;
  private final ObjectProvider<Interruption> interruption;
  private final int threads;
  private final ReminderMoments reminderMoments;

  /** The plain data source (not a region's): for ANALYZE after a bulk load. */
  private final DataSource dataSource;

  public GoLiveImport(
      EmployerService employers,
      ConvenantService convenants,
      AuditService audits,
      KeurmerkService keurmerken,
      ImportedValidityPeriods validityPeriods,
      IdentityService identity,
      PlatformTransactionManager transactions,
      Clock clock,
      ImportSettings settings,
      ReminderMoments reminderMoments,
      ObjectProvider<Interruption> interruption,
      Regions regions,
      DataSource dataSource) {
    this.regions = regions;
    this.dataSource = dataSource;
    this.reminderMoments = reminderMoments;
    this.threads = settings.threads();
    this.employers = employers;
    this.convenants = convenants;
    this.audits = audits;
    this.keurmerken = keurmerken;
    this.validityPeriods = validityPeriods;
    this.identity = identity;
    this.perLine = new TransactionTemplate(transactions);
    this.perLine.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.sendPassedReminders = settings.sendPassedReminders();
    this.interruption = interruption;
  }

  /** A line that passed every check, as it will be stored. */
  private record Checked(
      EmployerDetails employer,
      LocalDate signedDate,
      String signedBy,
      String accountmanager,
      String number,
      LocalDate validFrom,
      LocalDate membershipUntil,
      AuditService.ImportedFigures figures) {}

  /**
   * Imports into the region of this work; an admin's or the command's run (national work) goes into the first
   * region.
   */
  private final Regions regions;

  public ImportReport run(Reader csv, boolean confirm, Progress progress) {
    String region = RegionScope.region().orElseGet(regions::firstCode);
    return RegionScope.in(region, () -> runInRegion(csv, confirm, progress));
  }

  private ImportReport runInRegion(Reader csv, boolean confirm, Progress progress) {
    var contents = WerkgeversCsv.read(csv);
    if (contents.problem() != null) {
      return new ImportReport(confirm, contents.problem(), List.of());
    }
    LocalDate today = LocalDate.now(clock);
    ReminderSchedule schedule = reminderMoments.deployedSchedule().orElse(null);
    var file =
        new FileChecks(accountmanagerIds(), employers.kvkNumbers(), keurmerken.issuedNumbers());
    int total = contents.lines().size();
    LineResult[] results = new LineResult[total];
    Checked[] toImport = new Checked[total];
    ToBeStored stored = ToBeStored.NOTHING;
    for (int index = 0; index < total; index++) {
      Line line = contents.lines().get(index);
      List<String> problems = new ArrayList<>();
      Checked checked = check(line, today, file.accountmanagers, problems);
      if (file.isKnownEmployer(line, problems)) {
        results[index] =
            new LineResult(
                line.number(),
                line.get(Column.NAME),
                line.get(Column.KVK),
                Outcome.SKIPPED,
                List.of(
                    "Werkgever met KvK-nummer "
                        + line.get(Column.KVK)
                        + " staat al in het systeem; deze regel is overgeslagen."));
      } else if (!problems.isEmpty()) {
        results[index] =
            new LineResult(
                line.number(),
                line.get(Column.NAME),
                line.get(Column.KVK),
                Outcome.ERROR,
                problems);
      } else if (!confirm) {
        stored =
            stored.plus(
                checked.number() != null,
                checked.number() != null
                    && ValidityPeriod.keurmerk(checked.validFrom()).validUntil().isBefore(today),
                catchUpOf(checked, schedule));
        results[index] =
            new LineResult(
                line.number(),
                line.get(Column.NAME),
                line.get(Column.KVK),
                Outcome.GOED,
                List.of(describe(checked, today, schedule)));
      } else {
        toImport[index] = checked;
      }
    }
    importChecked(contents.lines(), toImport, results, today, schedule, progress);
    var report =
        new ImportReport(
            confirm, null, Arrays.asList(results), confirm ? ToBeStored.NOTHING : stored);
    LOG.info("Go-live import ({}): {}", confirm ? "ingevoerd" : "proefdraai", report.totals());
    return report;
  }

  private Set<String> accountmanagerIds() {
    Set<String> ids = new HashSet<>();
    // the accountmanagers of this region only: a file of one region cannot hand its employers to
    // another's staff
    identity
        .createUserQuery()
        .memberOfGroup(Groups.ACCOUNTMANAGERS)
        .memberOfTenant(RegionScope.current())
        .list()
        .stream()
        .map(User::getId)
        .forEach(ids::add);
    return ids;
  }

  /** Imports the lines that passed every check ({@code toImport} holds them by index), side by side. */
  private void importChecked(
      List<Line> lines,
      Checked[] toImport,
      LineResult[] results,
      LocalDate today,
      ReminderSchedule schedule,
      Progress progress) {
    List<Integer> indexes = new ArrayList<>();
    for (int index = 0; index < toImport.length; index++) {
      if (toImport[index] != null) {
        indexes.add(index);
      }
    }
    int total = toImport.length;
    var done = new AtomicInteger(total - indexes.size());
    progress.update(done.get(), total);
    if (indexes.isEmpty()) {
      return;
    }
    keurmerken.reserveImportedNumbers(
        indexes.stream().map(i -> toImport[i].number()).filter(Objects::nonNull).toList());
    importInParallel(
        indexes,
        index -> {
          results[index] = importLine(lines.get(index), toImport[index], today, schedule);
          progress.update(done.incrementAndGet(), total);
        });
    refreshStatistics();
  }

  /**
   * After a bulk load PostgreSQL's planner still has the statistics of before: autovacuum analyzes a table only once
   * a tenth of it changed, which a region of 1,000 lines in a country of 35,000 does not. Its first reminder round and
   * pages would be planned for tables as they were (the first storm after a go-live on a new database: 1.2 s per
   * chunk of 200 reminders). PostgreSQL's advice after a bulk load: ANALYZE, here the whole database (the engine's
   * tables grew too), which takes a second or two.
   */
  private void refreshStatistics() {
    if (!Database.isPostgres(dataSource)) {
      return;
    }
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("ANALYZE");
      LOG.info(
          "Go-live import: statistics refreshed (ANALYZE) in {} ms",
          (System.nanoTime() - started) / 1_000_000);
    } catch (SQLException e) {
      // The lines are in; the planner catches up when autovacuum does.
      LOG.warn("Go-live import: statistics not refreshed: {}", e.toString());
    }
  }

  /**
   * What a line is checked against beyond itself: the other lines of the file (a KvK or keurmerk number twice) and the
   * system (an employer already there is skipped, a keurmerk number already issued is refused).
   */
  private static final class FileChecks {
    final Set<String> accountmanagers;
    private final Set<String> knownKvk;
    private final Set<String> takenNumbers;
    private final Map<String, Long> kvkInFile = new HashMap<>();
    private final Map<String, Long> numberInFile = new HashMap<>();

    FileChecks(Set<String> accountmanagers, Set<String> knownKvk, Set<String> takenNumbers) {
      this.accountmanagers = accountmanagers;
      this.knownKvk = knownKvk;
      this.takenNumbers = takenNumbers;
    }

    /** Adds what is wrong with the line among the others to {@code problems}; true when its employer is known already. */
    boolean isKnownEmployer(Line line, List<String> problems) {
      String kvk = line.get(Column.KVK);
      String number = line.get(Column.KEURMERK_NUMBER).toUpperCase(Locale.ROOT);
      Long earlier = kvk.isEmpty() ? null : kvkInFile.putIfAbsent(kvk, line.number());
      if (earlier != null) {
        problems.add("KvK-nummer " + kvk + " staat ook op regel " + earlier + ".");
      }
      if (!number.isEmpty()) {
        Long earlierNumber = numberInFile.putIfAbsent(number, line.number());
        if (earlierNumber != null) {
          problems.add("Keurmerknummer " + number + " staat ook op regel " + earlierNumber + ".");
        }
      }
      if (earlier == null && knownKvk.contains(kvk)) {
        return true;
      }
      if (!number.isEmpty() && takenNumbers.contains(number)) {
        problems.add("Keurmerknummer " + number + " is al uitgegeven aan een andere werkgever.");
      }
      return false;
    }
  }

  /**
   * Imports the lines on a few threads at once: each line is its own transaction and touches only its own employer,
   * convenant and keurmerk, so they do not wait for each other, and the engine's work per line (the validity period)
   * is mostly waiting on the database.
   */
  private void importInParallel(List<Integer> indexes, IntConsumer importOne) {
    int threads = Math.max(1, Math.min(this.threads, indexes.size()));
    if (threads == 1) {
      indexes.forEach(importOne::accept);
      return;
    }
    var next = new AtomicInteger();
    String region = RegionScope.current();
    var pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "go-live-import-line");
              thread.setDaemon(true);
              return thread;
            });
    try {
      var workers = new ArrayList<Future<?>>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () ->
                    RegionScope.run(
                        region,
                        () -> {
                          for (int i; (i = next.getAndIncrement()) < indexes.size(); ) {
                            importOne.accept(indexes.get(i));
                          }
                        })));
      }
      for (var worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Go-live import interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Go-live import failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private LineResult importLine(
      Line line, Checked checked, LocalDate today, ReminderSchedule schedule) {
    String kvk = checked.employer().kvkNumber();
    try {
      perLine.executeWithoutResult(
          status -> {
            long employerId = employers.registerNew(checked.employer());
            convenants.importSigned(
                employerId, checked.accountmanager(), checked.signedDate(), checked.signedBy());
            if (checked.number() != null) {
              long auditId =
                  audits.importAward(
                      employerId, checked.accountmanager(), checked.validFrom(), checked.figures());
              var imported =
                  keurmerken.importExisting(
                      employerId,
                      auditId,
                      checked.number(),
                      checked.validFrom(),
                      checked.membershipUntil(),
                      sendPassedReminders,
                      schedule);
              interruption.ifAvailable(probe -> probe.afterKeurmerk(kvk));
              if (imported.keurmerk().status() == KeurmerkStatus.ACTIVE) {
                validityPeriods.start(imported.keurmerk(), imported.membership());
              }
            }
          });
      return new LineResult(
          line.number(),
          checked.employer().name(),
          kvk,
          Outcome.IMPORTED,
          List.of(describe(checked, today, schedule)));
    } catch (DuplicateKeyException e) {
      return new LineResult(
          line.number(),
          checked.employer().name(),
          kvk,
          Outcome.ERROR,
          List.of(
              "Niet ingevoerd: deze werkgever of dit keurmerknummer is intussen al ingevoerd."));
    } catch (RuntimeException e) {
      LOG.warn("Go-live import: line {} (KvK {}) not imported", line.number(), kvk, e);
      return new LineResult(
          line.number(),
          checked.employer().name(),
          kvk,
          Outcome.ERROR,
          List.of(
              "Niet ingevoerd door een fout in het systeem ("
                  + e.getClass().getSimpleName()
                  + "); niets van deze regel is opgeslagen. "
                  + "Probeer het bestand opnieuw; werkgevers die al zijn ingevoerd worden overgeslagen."));
    }
  }

  private String describe(Checked checked, LocalDate today, ReminderSchedule schedule) {
    String convenant = "Convenant ondertekend op " + Dates.numeric(checked.signedDate()) + ".";
    if (checked.number() == null) {
      return convenant;
    }
    var period = ValidityPeriod.keurmerk(checked.validFrom());
    boolean expired = period.validUntil().isBefore(today);
    return convenant
        + " Keurmerk "
        + checked.number()
        + " geldig van "
        + Dates.numeric(period.validFrom())
        + " tot en met "
        + Dates.numeric(period.validUntil())
        + (expired ? " (verlopen)." : " (geldig; herinneringen lopen).")
        + (catchUp(period, schedule) ? " " + CATCH_UP_NOTICE : "");
  }

  static final String CATCH_UP_NOTICE =
      "De herinnering om te verlengen viel al vóór de import: de werkgever krijgt die na het invoeren één keer, "
          + "in de eerstvolgende herinneringsronde (binnen een kwartier).";

  private boolean catchUpOf(Checked checked, ReminderSchedule schedule) {
    return checked.number() != null
        && catchUp(ValidityPeriod.keurmerk(checked.validFrom()), schedule);
  }

  /** Whether this keurmerk gets one catch-up reminder after the import (see KeurmerkService#importExisting). */
  private boolean catchUp(ValidityPeriod period, ReminderSchedule schedule) {
    return !sendPassedReminders
        && schedule != null
        && schedule.catchUpFrom(period.validUntil(), clock.instant()).isPresent();
  }

  private Checked check(
      Line line, LocalDate today, Set<String> accountmanagers, List<String> problems) {
    if (line.problem() != null) {
      problems.add(line.problem());
    }
    var employer =
        new EmployerDetails(
            line.get(Column.NAME),
            line.get(Column.KVK),
            line.get(Column.ADDRESS),
            line.get(Column.MUNICIPALITY),
            line.get(Column.CONTACT_PERSON),
            line.get(Column.EMAIL));
    try {
      employers.validate(employer);
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
    }
    LocalDate signedDate = checkConvenant(line, today, accountmanagers, problems);
    String number = line.get(Column.KEURMERK_NUMBER).toUpperCase(Locale.ROOT);
    var figures =
        new AuditService.ImportedFigures(
            count("Extra werkplekken", line.get(Column.EXTRA_WORKPLACES), problems),
            count("Werkervaringsplaatsen", line.get(Column.WORK_EXPERIENCE_PLACES), problems),
            amount("Sociale inkoop", line.get(Column.SOCIAL_PURCHASING), problems));
    KeurmerkDates keurmerk = checkKeurmerk(line, number, signedDate, today, problems);
    return problems.isEmpty()
        ? new Checked(
            employer,
            signedDate,
            line.get(Column.SIGNED_BY),
            line.get(Column.ACCOUNTMANAGER),
            number.isEmpty() ? null : number,
            keurmerk.validFrom(),
            keurmerk.membershipUntil(),
            figures)
        : null;
  }

  /** The convenant's columns: signed when and by whom, and an accountmanager who logs in; answers the signing date. */
  private LocalDate checkConvenant(
      Line line, LocalDate today, Set<String> accountmanagers, List<String> problems) {
    LocalDate signedDate = date("Datum ondertekening", line.get(Column.SIGNED_DATE), problems);
    if (line.get(Column.SIGNED_DATE).isEmpty()) {
      problems.add(
          "Datum ondertekening is verplicht; typ de datum als dd-mm-jjjj, bijvoorbeeld 14-03-2022.");
    } else if (signedDate != null && signedDate.isAfter(today)) {
      problems.add("Datum ondertekening " + Dates.numeric(signedDate) + " ligt in de toekomst.");
    }
    try {
      new Checks().required("Ondertekend door", line.get(Column.SIGNED_BY), 200).throwIfAny();
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
    }
    String accountmanager = line.get(Column.ACCOUNTMANAGER);
    if (accountmanager.isEmpty()) {
      problems.add(
          "Accountmanager is verplicht: de gebruikersnaam waarmee hij of zij inlogt (Admin, Gebruikers).");
    } else if (!accountmanagers.contains(accountmanager)) {
      problems.add(
          "Accountmanager \""
              + accountmanager
              + "\" is geen accountmanager van deze regio; gebruik de gebruikersnaam "
              + "waarmee hij of zij inlogt (Admin, Gebruikers), van een lid van de groep accountmanagers"
              + " in de tenant van de regio.");
    }
    return signedDate;
  }

  private record KeurmerkDates(LocalDate validFrom, LocalDate membershipUntil) {}

  /** The keurmerk's columns: all empty (a signatory without a keurmerk), or a number with its dates. */
  private static KeurmerkDates checkKeurmerk(
      Line line, String number, LocalDate signedDate, LocalDate today, List<String> problems) {
    String validFromText = line.get(Column.KEURMERK_VALID_FROM);
    String membershipText = line.get(Column.MEMBERSHIP_UNTIL);
    boolean keurmerkColumnsFilled =
        !validFromText.isEmpty()
            || !membershipText.isEmpty()
            || !line.get(Column.EXTRA_WORKPLACES).isEmpty()
            || !line.get(Column.WORK_EXPERIENCE_PLACES).isEmpty()
            || !line.get(Column.SOCIAL_PURCHASING).isEmpty();
    if (number.isEmpty()) {
      if (keurmerkColumnsFilled) {
        problems.add(
            "Keurmerk geldig vanaf, einde lidmaatschap en de cijfers van de audit horen bij een keurmerk: vul ook het "
                + "keurmerknummer in, of laat ze leeg.");
      }
      return new KeurmerkDates(null, null);
    }
    if (!KeurmerkNumber.isWellFormed(number)) {
      problems.add("Keurmerknummer \"" + number + "\" moet eruitzien als SW-2024-0012.");
    }
    if (validFromText.isEmpty()) {
      problems.add(
          "Keurmerk geldig vanaf is verplicht bij een keurmerknummer; typ de datum als dd-mm-jjjj.");
    }
    LocalDate validFrom = date("Keurmerk geldig vanaf", validFromText, problems);
    if (validFrom != null && validFrom.isAfter(today)) {
      problems.add("Keurmerk geldig vanaf " + Dates.numeric(validFrom) + " ligt in de toekomst.");
    }
    if (validFrom != null && signedDate != null && validFrom.isBefore(signedDate)) {
      problems.add(
          "Het keurmerk (geldig vanaf "
              + Dates.numeric(validFrom)
              + ") kan niet ingaan vóór het convenant is ondertekend ("
              + Dates.numeric(signedDate)
              + ").");
    }
    LocalDate membershipUntil = date("Einde lidmaatschap", membershipText, problems);
    if (membershipUntil != null && validFrom != null && membershipUntil.isBefore(validFrom)) {
      problems.add(
          "Einde lidmaatschap "
              + Dates.numeric(membershipUntil)
              + " ligt vóór keurmerk geldig vanaf "
              + Dates.numeric(validFrom)
              + ".");
    }
    return new KeurmerkDates(validFrom, membershipUntil);
  }

  /** A count as a Dutch reader writes it (2.000 is two thousand); never negative. */
  private static Integer count(String label, String text, List<String> problems) {
    try {
      Integer value = FormValues.wholeNumber(label, text);
      if (value != null && value < 0) {
        problems.add(label + " kan niet negatief zijn.");
      }
      return value;
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** An amount in euro as a Dutch reader writes it (9.999,99); never negative. */
  private static BigDecimal amount(String label, String text, List<String> problems) {
    try {
      var value = FormValues.amount(label, text);
      if (value != null && value.signum() < 0) {
        problems.add(label + " kan niet negatief zijn.");
      }
      return value;
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static LocalDate date(String label, String text, List<String> problems) {
    try {
      return Dates.parse(label, text);
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
      return null;
    }
  }
}
