package nl.werkpact.keurmerk.tasks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** What each member of staff chose (table {@code staff_preference}): for now whether they get a daily digest. */
@Repository
public class StaffPreferences {

  private final JdbcClient jdbc;
  private final Clock clock;

  public StaffPreferences(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Off unless the user switched it on. */
  public boolean wantsDailyDigest(String userId) {
    return jdbc.sql("SELECT daily_digest FROM staff_preference WHERE user_id = ?")
        .param(userId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  @Transactional
  public void setDailyDigest(String userId, boolean wanted) {
    int updated =
        jdbc.sql("UPDATE staff_preference SET daily_digest = ?, updated_at = ? WHERE user_id = ?")
            .params(wanted, OffsetDateTime.now(clock), userId)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO staff_preference (user_id, daily_digest, updated_at) VALUES (?, ?, ?)")
          .params(userId, wanted, OffsetDateTime.now(clock))
          .update();
    }
  }

  /** Who gets the daily digest. */
  public List<String> dailyDigestUsers() {
    return jdbc.sql("SELECT user_id FROM staff_preference WHERE daily_digest ORDER BY user_id")
        .query(String.class)
        .list();
  }
}
