package nl.werkpact.keurmerk.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Date;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One conversation with the mail server that many e-mails share: greeting, EHLO and (when configured) STARTTLS and
 * login once, then one MAIL FROM / RCPT TO / DATA per e-mail. Opened at the first e-mail, closed when the dispatcher
 * has nothing left or the conversation broke.
 *
 * <p>Several conversations run side by side (the dispatcher's threads), but they share one {@link AcceptWindow}: the
 * end of an e-mail's DATA, after which the server has it, waits until no other e-mail of this node is between that
 * moment and its SENT record (by default). So a node that dies duplicates at most one e-mail, however many threads it
 * runs.
 */
abstract class MailConnection implements AutoCloseable {

  /**
   * The stretch from "the server may have accepted this e-mail" to "its outcome is recorded": by default one e-mail of a
   * node at a time, so a node that dies sends at most one e-mail twice. An operator whose mail server answers slowly may
   * allow more ({@code werkpact.mail.dispatcher.unrecorded-at-most}), and a crash may then send that many twice. The
   * thread that sent an e-mail's last line holds its place until {@link #leaveWindow()}.
   */
  static final class AcceptWindow {
    private final Semaphore places;

    /** When this thread's e-mail entered, while it is in; null outside. */
    private final ThreadLocal<Long> enteredAt = new ThreadLocal<>();

    private final LongAdder heldNanos = new LongAdder();
    private final LongAdder passed = new LongAdder();

    AcceptWindow() {
      this(1);
    }

    AcceptWindow(int atMost) {
      if (atMost < 1) {
        throw new IllegalArgumentException(
            "werkpact.mail.dispatcher.unrecorded-at-most must be 1 or more, not " + atMost);
      }
      this.places = new Semaphore(atMost, true);
    }

    void enter() {
      if (enteredAt.get() == null) {
        places.acquireUninterruptibly();
        enteredAt.set(System.nanoTime());
      }
    }

    void leave() {
      Long since = enteredAt.get();
      if (since != null) {
        enteredAt.remove();
        heldNanos.add(System.nanoTime() - since);
        passed.increment();
        places.release();
      }
    }

    /** Seconds e-mails spent between acceptance and record, summed: growing by nearly a second a second, it limits. */
    double heldSeconds() {
      return heldNanos.sum() / 1e9;
    }

    long passed() {
      return passed.sum();
    }
  }

  /** Set when the last send broke the conversation: the e-mails after it wait for a new connection. */
  boolean lost;

  final AcceptWindow window;

  MailConnection(AcceptWindow window) {
    this.window = window;
  }

  /** Sends; when it returns (or fails after the last line went out) this thread is in the window until it leaves. */
  abstract void send(MimeMessage message) throws MessagingException;

  /** After the outcome of the e-mail just sent is recorded (or it never reached its last line). */
  void leaveWindow() {
    window.leave();
  }

  @Override
  public abstract void close();

  /** A connection with a window of its own (one thread, tests). */
  static MailConnection to(JavaMailSender sender) {
    return to(sender, new AcceptWindow());
  }

  /** The sender Spring Boot configures talks SMTP here; any other sender (the local file drop, tests) sends alone. */
  static MailConnection to(JavaMailSender sender, AcceptWindow window) {
    return sender.getClass() == JavaMailSenderImpl.class
        ? new Smtp((JavaMailSenderImpl) sender, window)
        : new OneByOne(sender, window);
  }

  private static final class Smtp extends MailConnection {

    private final JavaMailSenderImpl settings;
    private Transport transport;

    Smtp(JavaMailSenderImpl settings, AcceptWindow window) {
      super(window);
      this.settings = settings;
    }

    @Override
    void send(MimeMessage message) throws MessagingException {
      if (transport == null) {
        String protocol = settings.getProtocol() == null ? "smtp" : settings.getProtocol();
        Transport opened = windowed(settings.getSession(), protocol);
        String user =
            settings.getUsername() == null || settings.getUsername().isEmpty()
                ? null
                : settings.getUsername();
        String password =
            user == null || settings.getPassword() == null || settings.getPassword().isEmpty()
                ? null
                : settings.getPassword();
        try {
          opened.connect(settings.getHost(), settings.getPort(), user, password);
        } catch (MessagingException | RuntimeException e) {
          lost = true;
          throw e;
        }
        transport = opened;
      }
      if (message.getSentDate() == null) {
        message.setSentDate(new Date());
      }
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        message.setHeader("Message-ID", messageId);
      }
      try {
        transport.sendMessage(message, message.getAllRecipients());
      } catch (MessagingException | RuntimeException e) {
        // After a refused recipient the server resets and the conversation goes on; after a
        // timeout, a closed socket
        // or a 421 it is over.
        if (SmtpRefusals.connectionLost(e) || !transport.isConnected()) {
          close();
          lost = true;
        }
        throw e;
      }
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException | RuntimeException ignored) {
          // the server went away; nothing to close
        }
        transport = null;
      }
    }
  }

  /** Jakarta Mail's SMTP transport, entering the window before the line that ends an e-mail's DATA. */
  Transport windowed(Session session, String protocol) throws MessagingException {
    if (!protocol.equals("smtp") && !protocol.equals("smtps")) {
      return new WholeSendInWindow(session, session.getTransport(protocol), window);
    }
    var transport =
        (Windowed)
            session.getTransport(
                new Provider(
                    Provider.Type.TRANSPORT, protocol, Windowed.class.getName(), "Werkpact", "1"));
    transport.window = window;
    return transport;
  }

  /** Public, with Jakarta Mail's constructor: a provider class the session instantiates, for smtp and smtps alike. */
  public static final class Windowed extends SMTPTransport {
    AcceptWindow window;

    public Windowed(Session session, URLName name) {
      super(session, name, name.getProtocol(), "smtps".equals(name.getProtocol()));
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
      window.enter();
      super.finishData();
    }
  }

  /** Any other transport: the whole send counts as the window (one e-mail at a time, as safe and slower). */
  private static final class WholeSendInWindow extends Transport {
    private final Transport delegate;
    private final AcceptWindow window;

    WholeSendInWindow(Session session, Transport delegate, AcceptWindow window) {
      super(session, null);
      this.delegate = delegate;
      this.window = window;
    }

    @Override
    public void connect(String host, int port, String user, String password)
        throws MessagingException {
      delegate.connect(host, port, user, password);
    }

    @Override
    public void sendMessage(Message message, Address[] addresses) throws MessagingException {
      window.enter();
      delegate.sendMessage(message, addresses);
    }

    @Override
    public boolean isConnected() {
      return delegate.isConnected();
    }

    @Override
    public void close() throws MessagingException {
      delegate.close();
    }
  }

  private static final class OneByOne extends MailConnection {

    private final JavaMailSender sender;

    OneByOne(JavaMailSender sender, AcceptWindow window) {
      super(window);
      this.sender = sender;
    }

    @Override
    void send(MimeMessage message) {
      window.enter();
      try {
        sender.send(message);
      } catch (RuntimeException e) {
        lost = SmtpRefusals.connectionLost(e);
        throw e;
      }
    }

    @Override
    public void close() {}
  }
}
