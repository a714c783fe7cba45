package nl.werkpact.keurmerk.mail;

import java.util.Optional;

/** Who is told when an e-mail does not go out: the colleague who can find the right address (identity/). */
public interface MailWatchers {

  /** The notice's template ({@code mail/mail-undeliverable.*}). */
  String NOTICE_TEMPLATE = "mail-undeliverable";

  record Watcher(String email, String employerName, String pageUrl) {}

  Optional<Watcher> forMail(Correspondence mail);

  MailWatchers NOBODY = mail -> Optional.empty();
}
