package nl.werkpact.keurmerk.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.ContactSettings;
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

  public MailTemplates() {
    this(ContactSettings.defaults());
  }

  /** One Werkgeversservicepunt for every e-mail (tests, benchmarks). */
  public MailTemplates(ContactSettings contact) {
    this(() -> contact);
  }

  /**
   * The app: the Werkgeversservicepunt of the region whose work queues the e-mail, each detail it does not list
   * taken from the installation's settings ({@code werkpact.contact.*}).
   */
  @Autowired
  public MailTemplates(ContactSettings contact, Regions regions) {
    this(() -> ofRegion(contact, regions));
  }

  private MailTemplates(Supplier<ContactSettings> contact) {
    this.contact = contact;
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

  public RenderedMail render(String template, Map<String, Object> model) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("contact", contact.get());
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
