package nl.werkpact.keurmerk.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.common.ConflictException;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.keurmerk.Keurmerk;
import nl.werkpact.keurmerk.keurmerk.KeurmerkRepository;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.mail.Correspondence;
import nl.werkpact.keurmerk.mail.MailAttachments;
import nl.werkpact.keurmerk.region.RegionLogos;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.ContactSettings;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.springframework.stereotype.Service;

/**
 * The certificate of a keurmerk: attached to the award e-mail to the employer, and downloadable by number
 * ({@link CertificateResource}). Its QR code points to the public verification page, {@code werkpact.public-url}
 * followed by {@code /register/<number>}.
 */
@Service
public class Certificates implements MailAttachments {

  private final KeurmerkRepository keurmerken;
  private final EmployerService employers;
  private final SiteSettings site;
  private final Clock clock;

  private final Regions regions;
  private final RegionLogos logos;
  private final ContactSettings contact;
  private final nl.werkpact.keurmerk.keurmerk.SuspensionRecords suspensions;

  public Certificates(
      KeurmerkRepository keurmerken,
      EmployerService employers,
      SiteSettings site,
      Clock clock,
      Regions regions,
      RegionLogos logos,
      ContactSettings contact,
      nl.werkpact.keurmerk.keurmerk.SuspensionRecords suspensions) {
    this.suspensions = suspensions;
    this.regions = regions;
    this.logos = logos;
    this.contact = contact;
    this.keurmerken = keurmerken;
    this.employers = employers;
    this.clock = clock;
    this.site = site;
  }

  /**
   * The certificate of a keurmerk that is valid today; a withdrawn or expired keurmerk, or one whose period has not
   * begun, has none (refused in Dutch), so no fresh "geldig" certificate leaves the system after a withdrawal.
   */
  public Optional<byte[]> forNumber(String number) {
    return forNumber(number, false);
  }

  /** The same; {@code print}: the print shop's variant (bleed, trim box, crop marks). */
  public Optional<byte[]> forNumber(String number, boolean print) {
    return keurmerken
        .findByNumber(number)
        .map(
            keurmerk -> {
              if (!isValidToday(keurmerk)) {
                throw new ConflictException(
                    "Keurmerk "
                        + keurmerk.number()
                        + " is "
                        + notValid(keurmerk)
                        + "; een certificaat is er alleen voor een geldig keurmerk.");
              }
              return render(keurmerk, print);
            });
  }

  private boolean isValidToday(Keurmerk keurmerk) {
    return suspensions.current(keurmerk.id()).isEmpty()
        && KeurmerkStatus.isHeldOn(
            keurmerk.status().name(),
            keurmerk.validFrom(),
            keurmerk.validUntil(),
            LocalDate.now(clock));
  }

  private String notValid(Keurmerk keurmerk) {
    if (suspensions.current(keurmerk.id()).isPresent()) {
      return "geschorst";
    }
    return switch (keurmerk.status()) {
      case WITHDRAWN -> "ingetrokken";
      case EXPIRED -> "verlopen";
      default ->
          "niet geldig vandaag (geldig van "
              + Dates.numeric(keurmerk.validFrom())
              + " tot en met "
              + Dates.numeric(keurmerk.validUntil())
              + ")";
    };
  }

  public String verificationUrl(String number) {
    return site.page("/register/" + number);
  }

  @Override
  public List<Attachment> forMail(Correspondence mail) {
    if (!AuditService.MAIL_AWARDED.equals(mail.template())
        || !"AUDIT".equals(mail.concernsType())) {
      return List.of();
    }
    return keurmerken
        .findByAudit(mail.concernsId())
        .filter(this::isValidToday)
        .map(
            keurmerk ->
                List.of(
                    new Attachment(
                        filename(keurmerk.number()), "application/pdf", render(keurmerk, false))))
        .orElse(List.of());
  }

  public static String filename(String number) {
    return "keurmerk-" + number + ".pdf";
  }

  public static String filename(String number, boolean print) {
    return print ? "keurmerk-" + number + "-drukwerk.pdf" : filename(number);
  }

  /** The certificate as a page answers it: a PDF to save, under its file name. */
  public static org.springframework.http.ResponseEntity<byte[]> download(
      byte[] pdf, String number, boolean print) {
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
        .header(
            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            org.springframework.http.ContentDisposition.attachment()
                .filename(filename(number, print))
                .build()
                .toString())
        .body(pdf);
  }

  private byte[] render(Keurmerk keurmerk, boolean print) {
    var employer = employers.get(keurmerk.employerId());
    var issuer = issuer(keurmerk.number());
    return CertificatePdf.render(
        new CertificatePdf.Certificate(
            employer.name(),
            employer.municipality(),
            keurmerk.number(),
            keurmerk.validFrom(),
            keurmerk.validUntil(),
            verificationUrl(keurmerk.number()),
            issuer.map(Regions.Region::name).orElse("het Sociaal Werkpact"),
            issuer.map(r -> r.deskOr(contact.name())).orElse(contact.name()),
            issuer.filter(Regions.Region::hasLogo).flatMap(r -> logos.of(r.code())).orElse(null),
            keurmerken.issuedOn(keurmerk),
            keurmerken.handedOverBy(keurmerk).orElse(null)),
        print);
  }

  /** The region whose number it is (each region's prefix is its own). */
  private Optional<Regions.Region> issuer(String number) {
    return regions.all().stream()
        .filter(r -> number.startsWith(r.numberPrefix() + "-"))
        .findFirst();
  }
}
