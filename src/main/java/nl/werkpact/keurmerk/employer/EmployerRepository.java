package nl.werkpact.keurmerk.employer;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class EmployerRepository {

  private static final String COLUMNS =
      "id, name, kvk_number, address, municipality, contact_person, contact_email";

  private final JdbcClient jdbc;

  public EmployerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Employer> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM employer WHERE id = ?")
        .param(id)
        .query(Employer.class)
        .optional();
  }

  /** The KvK numbers of every employer in the system. */
  Set<String> kvkNumbers() {
    return new HashSet<>(jdbc.sql("SELECT kvk_number FROM employer").query(String.class).list());
  }

  public Optional<Employer> findByKvkNumber(String kvkNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM employer WHERE kvk_number = ?")
        .param(kvkNumber)
        .query(Employer.class)
        .optional();
  }

  long insert(EmployerDetails details, OffsetDateTime now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            details.name(),
            details.kvkNumber(),
            details.address(),
            details.municipality(),
            details.contactPerson(),
            details.contactEmail(),
            now,
            now)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void update(long id, EmployerDetails details, OffsetDateTime now) {
    jdbc.sql(
            """
            UPDATE employer SET name = ?, address = ?, municipality = ?, contact_person = ?, contact_email = ?, updated_at = ?
            WHERE id = ?""")
        .params(
            details.name(),
            details.address(),
            details.municipality(),
            details.contactPerson(),
            details.contactEmail(),
            now,
            id)
        .update();
  }

  void updateContactEmail(long id, String email, OffsetDateTime now) {
    jdbc.sql("UPDATE employer SET contact_email = ?, updated_at = ? WHERE id = ?")
        .params(email, now, id)
        .update();
  }

  /** The contact data as they are now: person, e-mail, phone (may be null); empty for an unknown employer. */
  Optional<String[]> contact(long id) {
    return jdbc.sql(
            "SELECT contact_person, contact_email, contact_phone FROM employer WHERE id = ?")
        .param(id)
        .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .optional();
  }

  void updateContact(long id, String person, String email, String phone, OffsetDateTime now) {
    jdbc.sql(
            "UPDATE employer SET contact_person = ?, contact_email = ?, contact_phone = ?, updated_at = ? WHERE id = ?")
        .params(person, email, phone, now, id)
        .update();
  }

  void insertContactChange(
      long id, String[] before, String[] after, String user, OffsetDateTime now) {
    jdbc.sql(
            """
            INSERT INTO employer_contact_change (employer_id, changed_at, changed_by, old_contact_person,
                new_contact_person, old_contact_email, new_contact_email, old_contact_phone, new_contact_phone,
                region_code)
            SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, region_code FROM employer WHERE id = ?""")
        .params(now, user, before[0], after[0], before[1], after[1], before[2], after[2], id)
        .update();
  }
}
