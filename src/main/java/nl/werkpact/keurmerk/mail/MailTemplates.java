package nl.werkpact.keurmerk.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.ContactSettings;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the Dutch e-mail templates in {@code src/main/resources/mail/}: per kind an HTML body
 * (auto-escaped), a plain-text body and a one-line subject. Every template also sees {@code contact} (the
 * Werkgeversservicepunt's name, phone, e-mail and website) for the shared signature
 * ({@code mail/signature.html}, {@code signature.txt}), which adds the employer's accountmanager when the model has
 * {@code accountmanagerName}.
 */
@Component
public class MailTemplates {

  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  private final Supplier<ContactSettings> contact;
  private final Supplier<Branding> branding;

  /** The address of the public pages, for links in e-mails (Mijn keurmerk): {@code siteUrl} in every template. */
  private final String siteUrl;

  /**
   * The Werkpact that signs an e-mail: its name, the address of its logo (null: none) and the network its
   * keurmerkhouders join, as a sentence names it.
   */
  record Branding(String werkpact, String logoUrl, String network) {
    static final Branding PLAIN =
        new Branding("Sociaal Werkpact", null, "het Sociaal Economisch Netwerk");
  }

  public MailTemplates() {
    this(ContactSettings.defaults());
  }

  /** One Werkgeversservicepunt for every e-mail (tests, benchmarks). */
  public MailTemplates(ContactSettings contact) {
    this(() -> contact, () -> Branding.PLAIN, new SiteSettings("http://localhost:8080").page(""));
  }

  /**
   * The app: the Werkgeversservicepunt of the region whose work queues the e-mail, each detail it does not list
   * taken from the installation's settings ({@code werkpact.contact.*}), and the region's name and logo (served by
   * the public register, so a mail program that shows images shows it).
   */
  @Autowired
  public MailTemplates(ContactSettings contact, Regions regions, SiteSettings site) {
    this(() -> ofRegion(contact, regions), () -> brandingOf(regions, site), site.page(""));
  }

  private MailTemplates(
      Supplier<ContactSettings> contact, Supplier<Branding> branding, String siteUrl) {
    this.contact = contact;
    this.branding = branding;
    this.siteUrl = siteUrl;
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  private static ClassLoaderTemplateResolver resolver(
      TemplateMode mode, String pattern, int order) {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  static ContactSettings ofRegion(ContactSettings installation, Regions regions) {
    var region = RegionScope.region().flatMap(regions::find);
    if (region.isEmpty()) {
      return installation;
    }
    var r = region.get();
    return new ContactSettings(
        r.deskName() == null ? installation.name() : r.deskName(),
        r.deskPhone() == null ? installation.phone() : r.deskPhone(),
        r.deskEmail() == null ? installation.email() : r.deskEmail(),
        r.deskWebsite() == null ? installation.website() : r.deskWebsite());
  }

  static Branding brandingOf(Regions regions, SiteSettings site) {
    var region = RegionScope.region().flatMap(regions::find);
    if (region.isEmpty()) {
      return Branding.PLAIN;
    }
    var r = region.get();
    return new Branding(
        r.name(),
        r.hasLogo() ? site.page("/register/" + r.code() + "/logo.png") : null,
        r.network());
  }

  public RenderedMail render(String template, Map<String, Object> model) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("contact", contact.get());
    Branding brand = branding.get();
    variables.put("werkpact", brand.werkpact());
    variables.put("logoUrl", brand.logoUrl());
    variables.put("network", brand.network());
    variables.put("siteUrl", siteUrl);
    var context = new Context(DUTCH, variables);
    String subject = engine.process(template + ".subject.txt", context).strip();
    // A subject is one header line: no line breaks, whatever a name contains.
    subject = subject.replaceAll("[\\r\\n]+", " ");
    return new RenderedMail(
        subject,
        engine.process(template + ".txt", context),
        engine.process(template + ".html", context));
  }
}
