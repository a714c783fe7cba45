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
}
