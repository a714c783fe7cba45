package nl.werkpact.keurmerk.ceremony;

import java.util.List;
import nl.werkpact.keurmerk.mail.CalendarFiles;
import nl.werkpact.keurmerk.mail.Correspondence;
import nl.werkpact.keurmerk.mail.MailAttachments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ceremony's iCalendar file ({@code uitreiking.ics}) on its e-mails, made when one is sent, from the version of the
 * ceremony the e-mail announced (its dedup key holds id and sequence): an invitation or change publishes the event, a
 * cancellation cancels it, always under one UID so a calendar replaces or removes what it has.
 */
@Component
class CeremonyInvitations implements MailAttachments {

  private final JdbcClient jdbc;
  private final CalendarFiles calendars;

  CeremonyInvitations(JdbcClient jdbc, CalendarFiles calendars) {
    this.jdbc = jdbc;
    this.calendars = calendars;
  }

  @Override
  public List<Attachment> forMail(Correspondence mail) {
    if (!(Ceremonies.MAIL.equals(mail.template())
            || Ceremonies.MAIL_ACCOUNTMANAGER.equals(mail.template()))
        || mail.dedupKey() == null
        || !mail.dedupKey().startsWith(Ceremonies.DEDUP_PREFIX)) {
      return List.of();
    }
    String[] parts = mail.dedupKey().split(":");
    long id;
    int sequence;
    try {
      id = Long.parseLong(parts[1]);
      sequence = Integer.parseInt(parts[2]);
    } catch (RuntimeException e) {
      return List.of();
    }
    return Ceremonies.find(jdbc, id)
        .map(
            ceremony ->
                List.of(
                    calendars.attachment(
                        "uitreiking.ics",
                        new CalendarFiles.Event(
                            "uitreiking",
                            ceremony.id(),
                            ceremony.regionCode(),
                            sequence,
                            "CANCELLED".equals(ceremony.status())
                                && sequence == ceremony.sequence(),
                            ceremony.changedAt(),
                            ceremony.startsAt(),
                            ceremony.endsAt(),
                            "Uitreiking keurmerk partner in sociaal ondernemen",
                            ceremony.place(),
                            "Uitreiking door " + ceremony.handedOverBy() + description(ceremony)))))
        .orElse(List.of());
  }

  private static String description(Ceremonies.Ceremony ceremony) {
    return ceremony.notes() == null ? "." : ". " + ceremony.notes();
  }
}
