package nl.werkpact.keurmerk.network;

import java.util.List;
import nl.werkpact.keurmerk.mail.CalendarFiles;
import nl.werkpact.keurmerk.mail.Correspondence;
import nl.werkpact.keurmerk.mail.MailAttachments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The invitation's iCalendar file ({@code bijeenkomst.ics}), made when the e-mail is sent, from the meeting's record. */
@Component
class MeetingInvitations implements MailAttachments {

  private final JdbcClient jdbc;
  private final CalendarFiles calendars;

  MeetingInvitations(JdbcClient jdbc, CalendarFiles calendars) {
    this.jdbc = jdbc;
    this.calendars = calendars;
  }

  @Override
  public List<Attachment> forMail(Correspondence mail) {
    if (!NetworkMeetings.MAIL_INVITATION.equals(mail.template())
        || mail.dedupKey() == null
        || !mail.dedupKey().startsWith(NetworkMeetings.DEDUP_PREFIX)) {
      return List.of();
    }
    String[] parts = mail.dedupKey().split(":");
    long id;
    try {
      id = Long.parseLong(parts[1]);
    } catch (RuntimeException e) {
      return List.of();
    }
    return NetworkMeetings.find(jdbc, id)
        .map(
            meeting ->
                List.of(
                    calendars.attachment(
                        "bijeenkomst.ics",
                        new CalendarFiles.Event(
                            "netwerk",
                            meeting.id(),
                            meeting.regionCode(),
                            0,
                            false,
                            meeting.plannedAt(),
                            meeting.startsAt(),
                            meeting.endsAt(),
                            meeting.subject(),
                            meeting.place(),
                            meeting.notes()))))
        .orElse(List.of());
  }
}
