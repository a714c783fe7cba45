package nl.werkpact.keurmerk.convenant;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.mail.Correspondence;
import nl.werkpact.keurmerk.mail.MailOwners;
import nl.werkpact.keurmerk.mail.MailWatchers;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The employer an e-mail is about, and its accountmanager: an e-mail to an employer that does not go out is told to
 * the accountmanager, who can find the address ({@link MailWatchers}); that accountmanager (or an admin) may send it
 * again, and a corrected contact address is saved on the employer ({@link MailOwners}).
 */
@Component
class AccountmanagerWatchers implements MailWatchers, MailOwners {

  private final JdbcClient jdbc;
  private final Accountmanagers accountmanagers;
  private final String pageUrl;

  private final ConvenantService convenants;
  private final EmployerService employers;

  AccountmanagerWatchers(
      JdbcClient jdbc,
      Accountmanagers accountmanagers,
      SiteSettings site,
      ConvenantService convenants,
      EmployerService employers) {
    this.jdbc = jdbc;
    this.accountmanagers = accountmanagers;
    this.convenants = convenants;
    this.employers = employers;
    this.pageUrl = site.page("/beheer/e-mail");
  }

  @Override
  public Optional<Watcher> forMail(Correspondence mail) {
    return employerOf(mail)
        .flatMap(
            employer ->
                accountmanagers
                    .emailFor(employer.id())
                    .map(email -> new Watcher(email, employer.name(), pageUrl)));
  }

  @Override
  public Optional<Owner> ownerOf(Correspondence mail) {
    return employerOf(mail)
        .map(
            employer ->
                new Owner(
                    employer.id(),
                    employer.name(),
                    employer.contactPerson(),
                    employer.contactEmail(),
                    convenants
                        .registeredByForEmployers(List.of(employer.id()))
                        .get(employer.id())));
  }

  @Override
  public void saveContactEmail(Owner owner, String newAddress, String user) {
    employers.changeContactEmail(owner.employerId(), newAddress, user);
  }

  @Override
  public Map<Long, Accountmanager> accountmanagersOf(
      String concernsType, Collection<Long> recordIds) {
    String table = tableOf(concernsType);
    if (table == null || recordIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, Long> employerOfRecord = new HashMap<>();
    jdbc.sql("SELECT id, " + employerColumn(table) + " FROM " + table + " WHERE id IN (:ids)")
        .param("ids", recordIds)
        .query((rs, row) -> employerOfRecord.put(rs.getLong(1), rs.getLong(2)))
        .list();
    var byEmployer = accountmanagers.forEmployers(employerOfRecord.values());
    Map<Long, Accountmanager> byRecord = new HashMap<>();
    employerOfRecord.forEach(
        (record, employer) -> {
          var accountmanager = byEmployer.get(employer);
          if (accountmanager != null) {
            byRecord.put(record, new Accountmanager(accountmanager.name(), accountmanager.email()));
          }
        });
    return byRecord;
  }

  private static String tableOf(String concernsType) {
    return switch (concernsType) {
      case "CONVENANT" -> "convenant";
      case "AUDIT" -> "audit";
      case "KEURMERK" -> "keurmerk";
      case "EMPLOYER" -> "employer";
      default -> null;
    };
  }

  /** The column of a record's table that names its employer (the employer's own id for the employer). */
  private static String employerColumn(String table) {
    return table.equals("employer") ? "id" : "employer_id";
  }

  private record EmployerOfMail(long id, String name, String contactPerson, String contactEmail) {}

  private Optional<EmployerOfMail> employerOf(Correspondence mail) {
    String table = tableOf(mail.concernsType());
    if (table == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT e.id, e.name, e.contact_person, e.contact_email FROM "
                + table
                + " t JOIN employer e ON e.id = t."
                + employerColumn(table)
                + " "
                + "WHERE t.id = ?")
        .param(mail.concernsId())
        .query(
            (rs, row) ->
                new EmployerOfMail(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }
}
