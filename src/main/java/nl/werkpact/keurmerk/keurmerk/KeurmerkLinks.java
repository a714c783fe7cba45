package nl.werkpact.keurmerk.keurmerk;

import nl.werkpact.keurmerk.web.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * The public addresses of a keurmerk, under {@code werkpact.public-url}: its verification page (where the
 * certificate's QR code leads) and its badge, and the HTML a holder copies onto its website: the badge as a link to
 * the verification page. Sent with the award e-mail and shown in the dossier.
 */
@Component
public class KeurmerkLinks {

  /** The badge's size in CSS pixels, as the register draws it. */
  public static final int BADGE_WIDTH = 300;

  public static final int BADGE_HEIGHT = 92;

  private final SiteSettings site;

  public KeurmerkLinks(SiteSettings site) {
    this.site = site;
  }

  public String verificationUrl(String number) {
    return site.page("/register/" + number);
  }

  public String badgeUrl(String number) {
    return site.page("/register/" + number + "/badge.svg");
  }

  public String badgeSnippet(String number) {
    return "<a href=\""
        + verificationUrl(number)
        + "\"><img src=\""
        + badgeUrl(number)
        + "\" width=\""
        + BADGE_WIDTH
        + "\" height=\""
        + BADGE_HEIGHT
        + "\" alt=\"Keurmerk partner in sociaal ondernemen "
        + number
        + ": bekijk of het geldig is\"></a>";
  }
}
