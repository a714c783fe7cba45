package nl.werkpact.keurmerk.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code werkpact.public-url}: where the public pages are reached; the QR code on a certificate and the links in
 * e-mails point there.
 *
 * @param publicUrl the address of the public keurmerkregister, without a trailing slash
 */
@ConfigurationProperties("werkpact")
public record SiteSettings(@DefaultValue("http://localhost:8080") String publicUrl) {

  public SiteSettings {
    publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The address of one of the app's own pages, for a link that leaves the system (an e-mail, a QR code). */
  public String page(String path) {
    return publicUrl + path;
  }
}
