package nl.werkpact.keurmerk.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code werkpact.contact.*}: the Werkgeversservicepunt an employer calls or writes to, as every e-mail to an employer
 * gives it under the signature (with the employer's own accountmanager, when it has one).
 *
 * @param name the Werkgeversservicepunt's name
 * @param phone its telephone number, as a Dutch reader writes it
 * @param email its e-mail address
 * @param website where to read more, without {@code https://}
 */
@ConfigurationProperties("werkpact.contact")
public record ContactSettings(
    @DefaultValue("Werkgeversservicepunt Maassluis, Vlaardingen en Schiedam") String name,
    @DefaultValue("010 246 55 00") String phone,
    @DefaultValue("wsp@stroomopwaarts.nl") String email,
    @DefaultValue("www.stroomopwaarts.nl/zakelijk") String website) {

  /** The defaults, for code that renders e-mails without a Spring context (tests, benchmarks). */
  public static ContactSettings defaults() {
    return new ContactSettings(
        "Werkgeversservicepunt Maassluis, Vlaardingen en Schiedam",
        "010 246 55 00",
        "wsp@stroomopwaarts.nl",
        "www.stroomopwaarts.nl/zakelijk");
  }
}
