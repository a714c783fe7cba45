package nl.werkpact.keurmerk.network;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.EventTimes;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings of a region's Sociaal Economisch Netwerk: planned with date, times, place and subject, and each invited
 * holder's contact gets an e-mail with the meeting as an iCalendar file ({@link MeetingInvitations}), the e-mail filed
 * with the holder's keurmerk (so the dossier lists it and the signature names its accountmanager). A meeting with a
 * problem is refused whole, in Dutch, and nothing is stored or sent.
 */
@Service
public class NetworkMeetings {

  static final String MAIL_INVITATION = "network-meeting";
  static final String DEDUP_PREFIX = MAIL_INVITATION + ":";

  /** What staff typed. {@code everyone}: also the holders after their free year. */
  public record Plan(
      String date,
      String from,
      String until,
      String place,
      String subject,
      String notes,
      boolean everyone) {}

  public record Meeting(
      long id,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String place,
      String subject,
      String notes,
      String plannedBy,
      OffsetDateTime plannedAt,
      int invited,
      String regionCode) {}

  private final JdbcClient jdbc;
  private final NetworkMembers members;
  private final MailOutbox outbox;
  private final Clock clock;

  NetworkMeetings(JdbcClient jdbc, NetworkMembers members, MailOutbox outbox, Clock clock) {
    this.jdbc = jdbc;
    this.members = members;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Plans the meeting in the current region and queues its invitations; returns it. */
  @Transactional
  public Meeting plan(Plan plan, String user) {
    var checks = new Checks();
    EventTimes times =
        EventTimes.check(
            checks, plan.date(), plan.from(), plan.until(), members.today(), "een bijeenkomst");
    checks
        .required("Plaats", plan.place(), 300)
        .required("Onderwerp", plan.subject(), 200)
        .optional("Toelichting", plan.notes(), 2000);
    List<NetworkMembers.Member> invited =
        members.current().stream()
            .filter(m -> plan.everyone() || m.inFreeYear())
            .filter(m -> m.contactEmail() != null && !m.contactEmail().isBlank())
            .toList();
    checks.that(
        !invited.isEmpty(),
        plan.everyone()
            ? "Er zijn geen keurmerkhouders met een e-mailadres om uit te nodigen."
            : "Er zijn geen leden in hun gratis jaar met een e-mailadres; kies ook de keurmerkhouders na hun gratis jaar.");
    checks.throwIfAny();

    OffsetDateTime starts = times.starts();
    OffsetDateTime ends = times.ends();
    long id =
        Database.insertedId(
            jdbc.sql(
                    """
                INSERT INTO network_meeting (starts_at, ends_at, place, subject, notes, planned_by, planned_at, invited)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                    starts,
                    ends,
                    plan.place().strip(),
                    plan.subject().strip(),
                    plan.notes() == null || plan.notes().isBlank() ? null : plan.notes().strip(),
                    user,
                    OffsetDateTime.now(clock),
                    invited.size()));
    for (var member : invited) {
      Map<String, Object> model = new HashMap<>();
      model.put("employerName", member.name());
      model.put("contactPerson", member.contactPerson());
      model.put("subject", plan.subject().strip());
      model.put("day", Dates.withWeekday(times.day()));
      model.put("from", Dates.time(times.from()));
      model.put("until", Dates.time(times.until()));
      model.put("place", plan.place().strip());
      model.put(
          "notes", plan.notes() == null || plan.notes().isBlank() ? null : plan.notes().strip());
      model.put("inFreeYear", member.inFreeYear());
      outbox.enqueue(
          new MailRequest(
              MAIL_INVITATION,
              member.contactEmail(),
              model,
              "KEURMERK",
              member.keurmerkId(),
              null,
              DEDUP_PREFIX + id + ":" + member.keurmerkId()));
    }
    return find(id).orElseThrow();
  }

  public Optional<Meeting> find(long id) {
    return find(jdbc, id);
  }

  /** For the invitations' attachment, which the outbox needs before this service exists. */
  static Optional<Meeting> find(JdbcClient jdbc, long id) {
    return jdbc.sql(
            "SELECT id, starts_at, ends_at, place, subject, notes, planned_by, planned_at, invited, region_code"
                + " FROM network_meeting WHERE id = ?")
        .param(id)
        .query(NetworkMeetings::meeting)
        .optional();
  }

  /** The meetings from today on, soonest first. */
  public List<Meeting> upcoming() {
    OffsetDateTime today = members.today().atStartOfDay(Dates.AMSTERDAM).toOffsetDateTime();
    return new ArrayList<>(
        jdbc.sql(
                "SELECT id, starts_at, ends_at, place, subject, notes, planned_by, planned_at, invited, region_code"
                    + " FROM network_meeting WHERE starts_at >= ? ORDER BY starts_at, id")
            .param(today)
            .query(NetworkMeetings::meeting)
            .list());
  }

  private static Meeting meeting(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Meeting(
        rs.getLong("id"),
        rs.getObject("starts_at", OffsetDateTime.class),
        rs.getObject("ends_at", OffsetDateTime.class),
        rs.getString("place"),
        rs.getString("subject"),
        rs.getString("notes"),
        rs.getString("planned_by"),
        rs.getObject("planned_at", OffsetDateTime.class),
        rs.getInt("invited"),
        rs.getString("region_code"));
  }
}
