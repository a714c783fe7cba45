package nl.werkpact.keurmerk.mail;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.ContactSettings;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * An event of a region as the attachment of its e-mails ({@link ICalendar}): organised by the region's desk (or the
 * Werkpact's contact), with a UID that is unique for this installation. For the network's meetings and ceremonies.
 */
@Component
public class CalendarFiles {

  /** What the event is; {@code sequence} counts its changes, {@code cancelled}: called off. */
  public record Event(
      String uidPrefix,
      long id,
      String regionCode,
      int sequence,
      boolean cancelled,
      OffsetDateTime stamp,
      OffsetDateTime starts,
      OffsetDateTime ends,
      String summary,
      String location,
      String description) {}

  private final Regions regions;
  private final ContactSettings contact;
  private final SiteSettings site;

  CalendarFiles(Regions regions, ContactSettings contact, SiteSettings site) {
    this.regions = regions;
    this.contact = contact;
    this.site = site;
  }

  public MailAttachments.Attachment attachment(String fileName, Event event) {
    var region = regions.find(event.regionCode());
    String organizer = region.map(r -> r.deskOr(contact.name())).orElse(contact.name());
    String email =
        region.map(Regions.Region::deskEmail).filter(e -> e != null).orElse(contact.email());
    String host = site.page("").replaceFirst("^https?://", "").replaceAll("[/:].*$", "");
    String ics =
        ICalendar.event(
            event.uidPrefix() + "-" + event.id() + "@" + (host.isBlank() ? "werkpact" : host),
            event.sequence(),
            event.cancelled(),
            event.stamp(),
            event.starts(),
            event.ends(),
            event.summary(),
            event.location(),
            event.description(),
            organizer,
            email);
    return new MailAttachments.Attachment(
        fileName,
        event.cancelled() ? ICalendar.CANCEL : ICalendar.PUBLISH,
        ics.getBytes(StandardCharsets.UTF_8));
  }
}
