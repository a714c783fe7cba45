package nl.werkpact.keurmerk.identity;

import java.util.Optional;
import nl.werkpact.keurmerk.mail.Correspondence;
import nl.werkpact.keurmerk.mail.MailWatchers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An e-mail to an employer that does not go out is told to the employer's accountmanager, who can find the address. */
@Component
class AccountmanagerWatchers implements MailWatchers {

  private final JdbcClient jdbc;
  private final Accountmanagers accountmanagers;
  private final String pageUrl;

  AccountmanagerWatchers(JdbcClient jdbc, Accountmanagers accountmanagers, @Value("${werkpact.public-url}") String publicUrl) {
    this.jdbc = jdbc;
    this.accountmanagers = accountmanagers;
    this.pageUrl = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + "/beheer/e-mail";
  }

  @Override
  public Optional<Watcher> forMail(Correspondence mail) {
    String table = switch (mail.concernsType()) {
      case "CONVENANT" -> "convenant";
      case "AUDIT" -> "audit";
      case "KEURMERK" -> "keurmerk";
      default -> null;
    };
    if (table == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT e.id, e.name FROM " + table + " t JOIN employer e ON e.id = t.employer_id WHERE t.id = ?")
        .param(mail.concernsId())
        .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)})
        .optional()
        .flatMap(employer -> accountmanagers.emailFor((Long) employer[0]).map(email -> new Watcher(email, (String) employer[1], pageUrl)));
  }
}
