package nl.werkpact.keurmerk.network;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.werkpact.keurmerk.mail.Correspondence;
import nl.werkpact.keurmerk.mail.MailAttachments;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.ContactSettings;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The invitation's iCalendar file ({@code bijeenkomst.ics}), made when the e-mail is sent, from the meeting's record. */
@Component
class MeetingInvitations implements MailAttachments {

  private final JdbcClient jdbc;
  private final Regions regions;
  private final ContactSettings contact;
  private final SiteSettings site;

  MeetingInvitations(JdbcClient jdbc, Regions regions, ContactSettings contact, SiteSettings site) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.contact = contact;
    this.site = site;
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
            meeting -> {
              var region = regions.find(meeting.regionCode());
              String organizer = region.map(r -> r.deskOr(contact.name())).orElse(contact.name());
              String email =
                  region
                      .map(Regions.Region::deskEmail)
                      .filter(e -> e != null)
                      .orElse(contact.email());
              String host = site.page("").replaceFirst("^https?://", "").replaceAll("[/:].*$", "");
              String ics =
                  ICalendar.event(
                      "netwerk-" + meeting.id() + "@" + (host.isBlank() ? "werkpact" : host),
                      meeting.plannedAt(),
                      meeting.startsAt(),
                      meeting.endsAt(),
                      meeting.subject(),
                      meeting.place(),
                      meeting.notes(),
                      organizer,
                      email);
              return List.of(
                  new Attachment(
                      "bijeenkomst.ics",
                      "text/calendar; charset=UTF-8; method=PUBLISH",
                      ics.getBytes(StandardCharsets.UTF_8)));
            })
        .orElse(List.of());
  }
}
