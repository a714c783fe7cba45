package nl.werkpact.keurmerk.support;

import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.mail.CorrespondenceRepository;
import nl.werkpact.keurmerk.mail.MailDispatcher;
import nl.werkpact.keurmerk.mail.MailIncidents;
import nl.werkpact.keurmerk.mail.MailMessages;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailOwners;
import nl.werkpact.keurmerk.mail.MailTemplates;
import nl.werkpact.keurmerk.mail.MailWatchers;
import nl.werkpact.keurmerk.mail.OutboxSignal;
import nl.werkpact.keurmerk.mail.WaitingMail;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** The outbox for plain JUnit tests of the services: queues into the in-memory database; nothing sends unless asked. */
public final class Outboxes {

  public static final String FROM = "Sociaal Werkpact <keurmerk@werkpact.example>";

  private Outboxes() {}

  /** An outbox whose e-mails stay queued (the services' tests read them from the table). */
  public static MailOutbox queueOnly(InMemoryDatabase db, Clock clock) {
    return outbox(
        db,
        clock,
        dispatcher(
            db,
            clock,
            Clock.systemUTC(),
            mock(JavaMailSender.class),
            MailWatchers.NOBODY,
            MailDispatcher.Settings.defaults().withNode("test")));
  }

  public static MailDispatcher dispatcher(
      InMemoryDatabase db,
      Clock clock,
      Clock timing,
      JavaMailSender sender,
      MailWatchers watchers,
      MailDispatcher.Settings settings) {
    return dispatcher(db, clock, timing, sender, watchers, MailIncidents.NONE, settings);
  }

  public static MailDispatcher dispatcher(
      InMemoryDatabase db,
      Clock clock,
      Clock timing,
      JavaMailSender sender,
      MailWatchers watchers,
      MailIncidents incidents,
      MailDispatcher.Settings settings) {
    var correspondence = new CorrespondenceRepository(db.jdbc);
    return new MailDispatcher(
        correspondence,
        db.transactions,
        db.dataSource,
        new MailMessages(sender, FROM, List.of()),
        new WaitingMail(correspondence, new MailTemplates(), watchers, incidents),
        clock,
        timing,
        new OutboxSignal(),
        settings);
  }

  public static MailOutbox outbox(
      InMemoryDatabase db, Clock clock, MailDispatcher dispatcher, MailOwners owners) {
    var beans = new StaticListableBeanFactory(Map.of("owners", owners));
    return new MailOutbox(
        new CorrespondenceRepository(db.jdbc),
        new MailTemplates(),
        dispatcher,
        new OutboxSignal(),
        db.transactions,
        clock,
        beans.getBeanProvider(MailOwners.class));
  }

  public static MailOutbox outbox(InMemoryDatabase db, Clock clock, MailDispatcher dispatcher) {
    return new MailOutbox(
        new CorrespondenceRepository(db.jdbc),
        new MailTemplates(),
        dispatcher,
        new OutboxSignal(),
        db.transactions,
        clock);
  }
}
