package nl.werkpact.keurmerk.ceremony;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.EventTimes;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.keurmerk.KeurmerkNumber;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ceremonies (uitreikingen) of a region: several new holders receive certificate and trophy at one event. Planned with
 * day, times, place and who hands over (e.g. the wethouder); each holder's contact gets an invitation with the event as
 * an iCalendar file ({@link CeremonyInvitations}) and its accountmanager a copy; a change and a cancellation are mailed
 * the same way (a higher SEQUENCE, or METHOD:CANCEL); afterwards who attended and what was handed over is recorded.
 *
 * <p>New holders (first keurmerken of the last year) await a ceremony until they are on one that is not cancelled;
 * renewals only when someone adds them. A holder's task <em>Uitreiking plannen</em> (KeurmerkCeremony) is done by the
 * planning here: the system completes it with the ceremony's day and place. Anything wrong is refused whole, in Dutch,
 * and nothing is stored or sent.
 */
@Service
public class Ceremonies {

  static final String MAIL = "ceremony";
  static final String MAIL_ACCOUNTMANAGER = "ceremony-accountmanager";
  static final String DEDUP_PREFIX = MAIL + ":";

  /** What the e-mail says: an invitation, a change or a cancellation. */
  enum Kind {
    UITNODIGING,
    WIJZIGING,
    AFGELAST
  }

  /** What staff typed for the event. */
  public record Plan(
      String date, String from, String until, String place, String handedOverBy, String notes) {}

  public record Ceremony(
      long id,
      String regionCode,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String place,
      String handedOverBy,
      String notes,
      String status,
      int sequence,
      String cancelReason,
      String plannedBy,
      OffsetDateTime changedAt) {

    public LocalDate day() {
      return startsAt.atZoneSameInstant(Dates.AMSTERDAM).toLocalDate();
    }

    public String time() {
      return Dates.time(startsAt.atZoneSameInstant(Dates.AMSTERDAM).toLocalTime())
          + "–"
          + Dates.time(endsAt.atZoneSameInstant(Dates.AMSTERDAM).toLocalTime());
    }

    public boolean planned() {
      return "PLANNED".equals(status);
    }
  }

  /** A holder on a ceremony, or awaiting one; attended and the hand-overs are null until recorded. */
  public record Holder(
      long keurmerkId,
      String number,
      String employerName,
      String municipality,
      String contactPerson,
      String contactEmail,
      LocalDate validFrom,
      boolean renewal,
      Boolean attended,
      Boolean certificateHanded,
      Boolean trophyHanded) {}

  /** Afterwards, per holder (keurmerk number): attended, certificate handed, trophy handed. */
  public record Outcome(boolean attended, boolean certificate, boolean trophy) {}

  private final JdbcClient jdbc;
  private final MailOutbox outbox;
  private final KeurmerkService keurmerken;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Clock clock;

  Ceremonies(
      JdbcClient jdbc,
      MailOutbox outbox,
      KeurmerkService keurmerken,
      TaskService tasks,
      IdentityService identity,
      Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.keurmerken = keurmerken;
    this.tasks = tasks;
    this.identity = identity;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  private static final String HOLDER_COLUMNS =
      """
      k.id AS keurmerk_id, k.number, e.name, e.municipality, e.contact_person, e.contact_email, k.valid_from,
      a.renewal_of_keurmerk_id""";

  /**
   * The region's keurmerken of the last year that are valid and on no ceremony that stands, first keurmerken and
   * renewals (flagged), oldest first. Keurmerken taken over at go-live and those whose ceremony was planned in the task
   * before this page existed are not listed.
   */
  public List<Holder> awaiting() {
    return jdbc.sql(
            "SELECT "
                + HOLDER_COLUMNS
                + """

                FROM keurmerk k JOIN employer e ON e.id = k.employer_id JOIN audit a ON a.id = k.audit_id
                WHERE k.status = 'ACTIVE' AND k.ceremony_date IS NULL AND k.valid_from >= ?
                  AND (a.decided_by IS NULL OR a.decided_by <> 'import')
                  AND NOT EXISTS (SELECT 1 FROM ceremony_holder h JOIN ceremony c ON c.id = h.ceremony_id
                                  WHERE h.keurmerk_id = k.id AND c.status <> 'CANCELLED')
                ORDER BY k.valid_from, k.number""")
        .param(today().minusYears(1))
        .query((rs, i) -> holder(rs, false))
        .list();
  }

  /** The ceremonies from today on and those of the last 90 days that still wait for their record, soonest first. */
  public List<Ceremony> current() {
    OffsetDateTime from = today().minusDays(90).atStartOfDay(Dates.AMSTERDAM).toOffsetDateTime();
    OffsetDateTime todayStart = today().atStartOfDay(Dates.AMSTERDAM).toOffsetDateTime();
    return jdbc.sql(
            "SELECT * FROM ceremony WHERE starts_at >= ? AND (starts_at >= ? OR status = 'PLANNED')"
                + " ORDER BY starts_at, id")
        .params(from, todayStart)
        .query(Ceremonies::ceremony)
        .list();
  }

  public Optional<Ceremony> find(long id) {
    return find(jdbc, id);
  }

  static Optional<Ceremony> find(JdbcClient jdbc, long id) {
    return jdbc.sql("SELECT * FROM ceremony WHERE id = ?")
        .param(id)
        .query(Ceremonies::ceremony)
        .optional();
  }

  public List<Holder> holders(long ceremonyId) {
    return jdbc.sql(
            "SELECT "
                + HOLDER_COLUMNS
                + """
                , h.attended, h.certificate_handed, h.trophy_handed
                FROM ceremony_holder h JOIN keurmerk k ON k.id = h.keurmerk_id JOIN employer e ON e.id = k.employer_id
                JOIN audit a ON a.id = k.audit_id
                WHERE h.ceremony_id = ? ORDER BY e.name, k.number""")
        .param(ceremonyId)
        .query((rs, i) -> holder(rs, true))
        .list();
  }

  /** The ceremonies a keurmerk was on (cancelled ones too), newest first: for the dossier. */
  public List<Ceremony> ofKeurmerk(long keurmerkId) {
    return jdbc.sql(
            "SELECT c.* FROM ceremony c JOIN ceremony_holder h ON h.ceremony_id = c.id"
                + " WHERE h.keurmerk_id = ? ORDER BY c.starts_at DESC, c.id DESC")
        .param(keurmerkId)
        .query(Ceremonies::ceremony)
        .list();
  }

  /** Plans a ceremony in the current region for these keurmerk numbers and queues the invitations. */
  @Transactional
  public Ceremony plan(Plan plan, List<String> numbers, String user) {
    var checks = new Checks();
    var times = times(checks, plan);
    Map<String, Holder> awaiting = new HashMap<>();
    awaiting().forEach(h -> awaiting.put(h.number(), h));
    Set<String> chosen = new LinkedHashSet<>();
    for (String typed : numbers == null ? List.<String>of() : numbers) {
      if (typed == null || typed.isBlank()) {
        continue;
      }
      String number = KeurmerkNumber.normalize(typed);
      checks.that(
          awaiting.containsKey(number),
          "Keurmerk "
              + number
              + " wacht niet op een uitreiking (onbekend, niet geldig of al op een uitreiking).");
      chosen.add(number);
    }
    checks.that(!chosen.isEmpty(), "Kies ten minste één keurmerkhouder voor de uitreiking.");
    checks.that(chosen.size() <= 50, "Kies ten hoogste 50 keurmerkhouders per uitreiking.");
    checks.throwIfAny();

    OffsetDateTime now = OffsetDateTime.now(clock);
    long id =
        Database.insertedId(
            jdbc.sql(
                    """
                INSERT INTO ceremony (starts_at, ends_at, place, handed_over_by, notes, status, sequence, planned_by,
                                      planned_at, changed_at)
                VALUES (?, ?, ?, ?, ?, 'PLANNED', 0, ?, ?, ?)""")
                .params(
                    times.starts(),
                    times.ends(),
                    plan.place().strip(),
                    plan.handedOverBy().strip(),
                    blankToNull(plan.notes()),
                    user,
                    now,
                    now));
    for (String number : chosen) {
      Holder holder = awaiting.get(number);
      jdbc.sql("INSERT INTO ceremony_holder (ceremony_id, keurmerk_id) VALUES (?, ?)")
          .params(id, holder.keurmerkId())
          .update();
    }
    Ceremony ceremony = find(id).orElseThrow();
    keepOnKeurmerken(ceremony);
    completePlanningTasks(ceremony, chosen);
    mail(ceremony, Kind.UITNODIGING, null);
    return ceremony;
  }

  /** Moves or changes a planned ceremony; every holder is told, with the event's new version. */
  @Transactional
  public Ceremony change(long id, Plan plan, String user) {
    Ceremony before = planned(id);
    var checks = new Checks();
    var times = times(checks, plan);
    checks.throwIfAny();
    jdbc.sql(
            """
            UPDATE ceremony SET starts_at = ?, ends_at = ?, place = ?, handed_over_by = ?, notes = ?,
                                sequence = sequence + 1, changed_at = ?
            WHERE id = ? AND status = 'PLANNED'""")
        .params(
            times.starts(),
            times.ends(),
            plan.place().strip(),
            plan.handedOverBy().strip(),
            blankToNull(plan.notes()),
            OffsetDateTime.now(clock),
            before.id())
        .update();
    Ceremony ceremony = find(id).orElseThrow();
    keepOnKeurmerken(ceremony);
    mail(ceremony, Kind.WIJZIGING, null);
    return ceremony;
  }

  /** Calls a planned ceremony off with a reason; its holders await a ceremony again and are told. */
  @Transactional
  public Ceremony cancel(long id, String reason, String user) {
    Ceremony before = planned(id);
    new Checks().required("Reden", reason, 1000).throwIfAny();
    jdbc.sql(
            """
            UPDATE ceremony SET status = 'CANCELLED', cancel_reason = ?, sequence = sequence + 1, changed_at = ?
            WHERE id = ? AND status = 'PLANNED'""")
        .params(reason.strip(), OffsetDateTime.now(clock), before.id())
        .update();
    for (Holder holder : holders(id)) {
      keurmerken.recordCeremony(holder.number(), null, null);
    }
    Ceremony ceremony = find(id).orElseThrow();
    mail(ceremony, Kind.AFGELAST, reason.strip());
    return ceremony;
  }

  /** Afterwards: per holder whether it attended and what was handed over; the ceremony is held. */
  @Transactional
  public Ceremony record(long id, Map<String, Outcome> outcomes, String user) {
    Ceremony ceremony = planned(id);
    if (ceremony.day().isAfter(today())) {
      throw new InvalidRequestException(
          "De uitreiking is op "
              + Dates.numeric(ceremony.day())
              + "; leg het verslag vast op of na die dag.");
    }
    for (Holder holder : holders(id)) {
      Outcome outcome = outcomes.getOrDefault(holder.number(), new Outcome(false, false, false));
      jdbc.sql(
              """
              UPDATE ceremony_holder SET attended = ?, certificate_handed = ?, trophy_handed = ?
              WHERE ceremony_id = ? AND keurmerk_id = ?""")
          .params(
              outcome.attended(), outcome.certificate(), outcome.trophy(), id, holder.keurmerkId())
          .update();
    }
    jdbc.sql("UPDATE ceremony SET status = 'HELD', recorded_by = ?, changed_at = ? WHERE id = ?")
        .params(user, OffsetDateTime.now(clock), id)
        .update();
    return find(id).orElseThrow();
  }

  /**
   * Per keurmerk number of the employer, its ceremonies in Dutch, newest first ("Uitreiking keurmerk SW-2026-0004:
   * gehouden op 15-12-2026 in het stadhuis, door wethouder De Vries; aanwezig, certificaat en trofee uitgereikt.").
   */
  public Map<String, List<String>> dossierLines(long employerId) {
    Map<String, List<String>> lines = new java.util.LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT k.number, c.id, c.starts_at, c.ends_at, c.place, c.handed_over_by, c.status, c.cancel_reason,
                   h.attended, h.certificate_handed, h.trophy_handed
            FROM ceremony c JOIN ceremony_holder h ON h.ceremony_id = c.id JOIN keurmerk k ON k.id = h.keurmerk_id
            WHERE k.employer_id = ? ORDER BY c.starts_at DESC, c.id DESC""")
        .param(employerId)
        .query(
            (rs, i) -> {
              var starts = rs.getObject("starts_at", OffsetDateTime.class);
              LocalDate day = starts.atZoneSameInstant(Dates.AMSTERDAM).toLocalDate();
              String when =
                  Dates.numeric(day)
                      + ", "
                      + Dates.time(starts.atZoneSameInstant(Dates.AMSTERDAM).toLocalTime())
                      + " in "
                      + rs.getString("place")
                      + ", door "
                      + rs.getString("handed_over_by");
              String line =
                  switch (rs.getString("status")) {
                    case "CANCELLED" ->
                        "afgelast (was "
                            + Dates.numeric(day)
                            + "): "
                            + rs.getString("cancel_reason");
                    case "HELD" ->
                        "gehouden op "
                            + when
                            + "; "
                            + handOver(
                                rs.getBoolean("attended"),
                                rs.getBoolean("certificate_handed"),
                                rs.getBoolean("trophy_handed"));
                    default -> "gepland op " + when;
                  };
              lines
                  .computeIfAbsent(rs.getString("number"), n -> new ArrayList<>())
                  .add("Uitreiking keurmerk " + rs.getString("number") + ": " + line + ".");
              return null;
            })
        .list();
    return lines;
  }

  private static String handOver(boolean attended, boolean certificate, boolean trophy) {
    if (!attended) {
      return "niet aanwezig"
          + (certificate || trophy ? ", " + handed(certificate, trophy) + " later" : "");
    }
    return "aanwezig"
        + (certificate || trophy ? ", " + handed(certificate, trophy) : ", niets uitgereikt");
  }

  private static String handed(boolean certificate, boolean trophy) {
    return (certificate && trophy
            ? "certificaat en trofee"
            : certificate ? "certificaat" : "trofee")
        + " uitgereikt";
  }

  private Ceremony planned(long id) {
    Ceremony ceremony =
        find(id)
            .orElseThrow(() -> new InvalidRequestException("Deze uitreiking bestaat niet (meer)."));
    if (!ceremony.planned()) {
      throw new InvalidRequestException(
          "Deze uitreiking is "
              + ("HELD".equals(ceremony.status()) ? "al gehouden" : "afgelast")
              + "; zij kan niet meer worden gewijzigd.");
    }
    return ceremony;
  }

  /** Day, times, place and who hands over, checked; the times, or null with the problems in {@code checks}. */
  private EventTimes times(Checks checks, Plan plan) {
    EventTimes times =
        EventTimes.check(checks, plan.date(), plan.from(), plan.until(), today(), "een uitreiking");
    checks
        .required("Plaats", plan.place(), 300)
        .required("Wie reikt uit", plan.handedOverBy(), 200)
        .optional("Toelichting", plan.notes(), 2000);
    if (times != null) {
      checks.that(
          !times.day().isAfter(today().plusYears(1)),
          "Datum ligt meer dan een jaar vooruit; plan de uitreiking binnen een jaar.");
    }
    return times;
  }

  /** The day and place on each keurmerk too, where the dossier and Doorlooptijden read them. */
  private void keepOnKeurmerken(Ceremony ceremony) {
    for (Holder holder : holders(ceremony.id())) {
      keurmerken.recordCeremony(holder.number(), ceremony.day(), ceremony.place());
    }
  }

  /** The holders' open tasks "Uitreiking plannen" are done: completed by the system with the ceremony's day and place. */
  private void completePlanningTasks(Ceremony ceremony, Set<String> numbers) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      for (String number : numbers) {
        for (var task :
            tasks
                .createTaskQuery()
                .taskDefinitionKey(KeurmerkAuditProcess.Elements.TASK_PLAN_CEREMONY)
                .processVariableValueEquals(KeurmerkAuditProcess.Vars.KEURMERK_NUMBER, number)
                .list()) {
          tasks.complete(
              task.getId(),
              Map.of(
                  KeurmerkAuditProcess.Vars.CEREMONY_DATE,
                  ceremony.day().toString(),
                  KeurmerkAuditProcess.Vars.CEREMONY_LOCATION,
                  ceremony.place()));
        }
      }
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private void mail(Ceremony ceremony, Kind kind, String reason) {
    for (Holder holder : holders(ceremony.id())) {
      if (holder.contactEmail() == null || holder.contactEmail().isBlank()) {
        continue;
      }
      Map<String, Object> model = new HashMap<>();
      model.put("kind", kind.name());
      model.put("employerName", holder.employerName());
      model.put("contactPerson", holder.contactPerson());
      model.put("keurmerkNumber", holder.number());
      model.put("day", Dates.withWeekday(ceremony.day()));
      model.put(
          "from", Dates.time(ceremony.startsAt().atZoneSameInstant(Dates.AMSTERDAM).toLocalTime()));
      model.put(
          "until", Dates.time(ceremony.endsAt().atZoneSameInstant(Dates.AMSTERDAM).toLocalTime()));
      model.put("place", ceremony.place());
      model.put("handedOverBy", ceremony.handedOverBy());
      model.put("notes", ceremony.notes());
      model.put("reason", reason);
      outbox.enqueueWithAccountmanagerCopy(
          new MailRequest(
              MAIL,
              holder.contactEmail(),
              model,
              "KEURMERK",
              holder.keurmerkId(),
              null,
              DEDUP_PREFIX + ceremony.id() + ":" + ceremony.sequence() + ":" + holder.keurmerkId()),
          MAIL_ACCOUNTMANAGER);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static Holder holder(ResultSet rs, boolean onCeremony) throws SQLException {
    return new Holder(
        rs.getLong("keurmerk_id"),
        rs.getString("number"),
        rs.getString("name"),
        rs.getString("municipality"),
        rs.getString("contact_person"),
        rs.getString("contact_email"),
        rs.getObject("valid_from", LocalDate.class),
        rs.getObject("renewal_of_keurmerk_id") != null,
        onCeremony ? (Boolean) rs.getObject("attended") : null,
        onCeremony ? (Boolean) rs.getObject("certificate_handed") : null,
        onCeremony ? (Boolean) rs.getObject("trophy_handed") : null);
  }

  private static Ceremony ceremony(ResultSet rs, int row) throws SQLException {
    return new Ceremony(
        rs.getLong("id"),
        rs.getString("region_code"),
        rs.getObject("starts_at", OffsetDateTime.class),
        rs.getObject("ends_at", OffsetDateTime.class),
        rs.getString("place"),
        rs.getString("handed_over_by"),
        rs.getString("notes"),
        rs.getString("status"),
        rs.getInt("sequence"),
        rs.getString("cancel_reason"),
        rs.getString("planned_by"),
        rs.getObject("changed_at", OffsetDateTime.class));
  }

  /** Outcomes from the record form's checkboxes: {@code aanwezig}, {@code certificaat}, {@code trofee} numbers. */
  static Map<String, Outcome> outcomes(
      List<String> attended, List<String> certificate, List<String> trophy) {
    Map<String, Outcome> outcomes = new HashMap<>();
    Set<String> all = new LinkedHashSet<>();
    List<List<String>> lists = new ArrayList<>();
    for (List<String> list : List.of(nonNull(attended), nonNull(certificate), nonNull(trophy))) {
      List<String> normalized = list.stream().map(KeurmerkNumber::normalize).toList();
      lists.add(normalized);
      all.addAll(normalized);
    }
    for (String number : all) {
      outcomes.put(
          number,
          new Outcome(
              lists.get(0).contains(number),
              lists.get(1).contains(number),
              lists.get(2).contains(number)));
    }
    return outcomes;
  }

  private static List<String> nonNull(List<String> list) {
    return list == null ? List.of() : list;
  }
}
