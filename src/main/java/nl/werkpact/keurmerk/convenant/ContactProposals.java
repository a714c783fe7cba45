package nl.werkpact.keurmerk.convenant;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.employer.Employer;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New contact data the employer proposes on Mijn keurmerk: checked as a correction in the dossier is, kept as one open
 * proposal per employer (a newer one replaces it), told to its accountmanager, who accepts it in the dossier (it then
 * becomes a correction with a history, by that accountmanager) or declines it.
 */
@Service
public class ContactProposals {

  static final String MAIL_ACCOUNTMANAGER = "contact-proposal-accountmanager";

  /** An open proposal. */
  public record Proposal(
      long id, String contactPerson, String contactEmail, String contactPhone, OffsetDateTime at) {

    /** When it was proposed, as a page writes it: dd-mm-jjjj uu:mm, Amsterdam time. */
    public String when() {
      var local = at.atZoneSameInstant(nl.werkpact.keurmerk.common.Dates.AMSTERDAM);
      return nl.werkpact.keurmerk.common.Dates.numeric(local.toLocalDate())
          + " "
          + nl.werkpact.keurmerk.common.Dates.time(local.toLocalTime());
    }
  }

  private final JdbcClient jdbc;
  private final EmployerService employers;
  private final Accountmanagers accountmanagers;
  private final MailOutbox outbox;
  private final SiteSettings site;
  private final Clock clock;

  ContactProposals(
      JdbcClient jdbc,
      EmployerService employers,
      Accountmanagers accountmanagers,
      MailOutbox outbox,
      SiteSettings site,
      Clock clock) {
    this.jdbc = jdbc;
    this.employers = employers;
    this.accountmanagers = accountmanagers;
    this.outbox = outbox;
    this.site = site;
    this.clock = clock;
  }

  /** Keeps the proposal and tells the accountmanager; refused in Dutch (nothing kept) for bad data or no change. */
  @Transactional
  public void propose(long employerId, String person, String email, String phone) {
    String cleanPhone = employers.validateContact(person, email, phone);
    Employer employer = employers.get(employerId);
    String current = employers.contactPhone(employerId).orElse(null);
    if (employer.contactPerson().equals(person.strip())
        && employer.contactEmail().equalsIgnoreCase(email.strip())
        && java.util.Objects.equals(current, cleanPhone)) {
      throw new InvalidRequestException(
          "Dit zijn de contactgegevens die wij al hebben; er is niets te wijzigen.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            UPDATE contact_proposal SET decided_at = ?, decided_by = ?, outcome = 'DECLINED'
            WHERE employer_id = ? AND decided_at IS NULL""")
        .params(now, "vervangen door nieuw voorstel", employerId)
        .update();
    long id =
        Database.insertedId(
            jdbc.sql(
                    """
                INSERT INTO contact_proposal (employer_id, contact_person, contact_email, contact_phone, proposed_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(employerId, person.strip(), email.strip(), cleanPhone, now));
    accountmanagers
        .of(employerId)
        .filter(a -> a.email() != null)
        .ifPresent(
            accountmanager -> {
              Map<String, Object> model = new HashMap<>();
              model.put("accountmanagerName", accountmanager.name());
              model.put("employerName", employer.name());
              model.put("kvkNumber", employer.kvkNumber());
              model.put("dossierUrl", site.page("/dossier/" + employer.kvkNumber()));
              outbox.enqueue(
                  new MailRequest(
                      MAIL_ACCOUNTMANAGER,
                      accountmanager.email(),
                      model,
                      "EMPLOYER",
                      employerId,
                      null,
                      MAIL_ACCOUNTMANAGER + ":" + id));
            });
  }

  public Optional<Proposal> open(long employerId) {
    return jdbc.sql(
            """
            SELECT id, contact_person, contact_email, contact_phone, proposed_at FROM contact_proposal
            WHERE employer_id = ? AND decided_at IS NULL""")
        .param(employerId)
        .query(
            (rs, n) ->
                new Proposal(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, OffsetDateTime.class)))
        .optional();
  }

  /**
   * Accepts (the contact data change, recorded as this user's correction) or declines the open proposal of the
   * employer with this id; false when that proposal is no longer open.
   */
  @Transactional
  public boolean decide(long employerId, long proposalId, boolean accept, String user) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int rows =
        jdbc.sql(
                """
                UPDATE contact_proposal SET decided_at = ?, decided_by = ?, outcome = ?
                WHERE id = ? AND employer_id = ? AND decided_at IS NULL""")
            .params(now, user, accept ? "ACCEPTED" : "DECLINED", proposalId, employerId)
            .update();
    if (rows != 1) {
      return false;
    }
    if (accept) {
      var proposal =
          jdbc.sql(
                  "SELECT contact_person, contact_email, contact_phone FROM contact_proposal WHERE id = ?")
              .param(proposalId)
              .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
              .single();
      employers.correctContact(employerId, proposal[0], proposal[1], proposal[2], user);
    }
    return true;
  }
}
