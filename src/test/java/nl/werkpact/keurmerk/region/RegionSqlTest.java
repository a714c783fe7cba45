package nl.werkpact.keurmerk.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a statement becomes in a region's work (RegionSqlDatabaseTest runs the results on H2). */
class RegionSqlTest {

  private static String mvs(String sql) {
    return RegionSql.forScope(sql, "mvs");
  }

  @Test
  void aReadOfARegionsTableIsLimitedToTheRegion_inJoinsAndSubqueriesToo() {
    assertThat(mvs("SELECT name FROM employer WHERE kvk_number = ?"))
        .isEqualTo(
            "SELECT name FROM employer WHERE (kvk_number = ?) AND employer.region_code = 'mvs'");
    assertThat(
            mvs(
                "SELECT k.number FROM keurmerk k JOIN employer e ON e.id = k.employer_id"
                    + " WHERE k.status IN (SELECT s.status FROM keurmerk_status_change s)"))
        .contains("k.region_code = 'mvs'")
        .contains("e.region_code = 'mvs'")
        .contains("s.region_code = 'mvs'");
  }

  @Test
  void anOuterJoinStaysOuter() {
    assertThat(
            mvs(
                "SELECT e.name, m.valid_until FROM employer e LEFT JOIN membership m ON m.employer_id = e.id"))
        .isEqualTo(
            "SELECT e.name, m.valid_until FROM employer e LEFT JOIN membership m ON (m.employer_id = e.id)"
                + " AND m.region_code = 'mvs' WHERE e.region_code = 'mvs'");
  }

  @Test
  void insertsGetTheRegion_changesAndDeletesOnlyReachTheRegionsRows() {
    assertThat(mvs("INSERT INTO audit (employer_id, status) VALUES (?, ?)"))
        .isEqualTo("INSERT INTO audit (employer_id, status, region_code) VALUES (?, ?, 'mvs')");
    assertThat(
            mvs(
                "INSERT INTO audit (employer_id, status) SELECT id, 'X' FROM employer WHERE id = ?"))
        .isEqualTo(
            "INSERT INTO audit (employer_id, status, region_code) SELECT id, 'X', 'mvs' FROM employer"
                + " WHERE (id = ?) AND employer.region_code = 'mvs'");
    assertThat(mvs("UPDATE keurmerk SET status = ? WHERE id = ?"))
        .isEqualTo(
            "UPDATE keurmerk SET status = ? WHERE (id = ?) AND keurmerk.region_code = 'mvs'");
    assertThat(mvs("DELETE FROM task_escalation WHERE task_id = ?"))
        .isEqualTo(
            "DELETE FROM task_escalation WHERE (task_id = ?) AND task_escalation.region_code = 'mvs'");
  }

  @Test
  void aStatementIsParsedOnceForEveryRegionAndEveryLengthOfItsLists() {
    String in3 =
        "SELECT id FROM convenant WHERE status = 'A?' AND open_for_employer_id IN (?, ?, ?)";
    String in5 =
        "SELECT id FROM convenant WHERE status = 'A?' AND open_for_employer_id IN (?,?, ?,\n ?, ?)";
    String rows =
        "INSERT INTO correspondence (dedup_key, status, recipient, subject) VALUES (?, 'X', ?, ?), (?, 'X', ?, ?)";
    assertThat(mvs(in3))
        .isEqualTo(
            "SELECT id FROM convenant WHERE (status = 'A?' AND open_for_employer_id IN (?, ?, ?))"
                + " AND convenant.region_code = 'mvs'");
    long parsed = RegionSql.PARSED.get();
    assertThat(RegionSql.forScope(in5, "westland"))
        .isEqualTo(
            "SELECT id FROM convenant WHERE (status = 'A?' AND open_for_employer_id IN (?, ?, ?, ?, ?))"
                + " AND convenant.region_code = 'westland'");
    assertThat(RegionSql.PARSED.get()).as("parsed again").isEqualTo(parsed);
    assertThat(mvs(rows))
        .isEqualTo(
            "INSERT INTO correspondence (dedup_key, status, recipient, subject, region_code)"
                + " VALUES (?, 'X', ?, ?, 'mvs'), (?, 'X', ?, ?, 'mvs')");
    assertThat(mvs("SELECT id FROM employer WHERE name = ? -- of ?, ?\n AND kvk_number = ?"))
        .endsWith("WHERE (name = ? AND kvk_number = ?) AND employer.region_code = 'mvs'");
  }

  @Test
  void aRegionsWorkCannotNameTheRegionItself() {
    assertThatThrownBy(() -> mvs("INSERT INTO employer (name, region_code) VALUES (?, ?)"))
        .isInstanceOf(RegionAccessRefused.class);
    assertThatThrownBy(() -> mvs("UPDATE employer SET region_code = ? WHERE id = ?"))
        .isInstanceOf(RegionAccessRefused.class);
  }

  @Test
  void workOfNoRegionGetsNothing_nationalWorkIsUnchanged_otherTablesToo() {
    assertThatThrownBy(() -> RegionSql.forScope("SELECT * FROM employer", RegionScope.NONE))
        .isInstanceOf(RegionAccessRefused.class)
        .hasMessageContaining("hoort bij geen regio");
    assertThat(RegionSql.forScope("SELECT * FROM employer", RegionScope.ALL))
        .isEqualTo("SELECT * FROM employer");
    assertThat(mvs("SELECT user_id FROM staff_preference WHERE user_id = ?"))
        .isEqualTo("SELECT user_id FROM staff_preference WHERE user_id = ?");
  }

  @Test
  void theDialectsThisAppWritesAreRead() {
    for (String sql :
        new String[] {
          "SELECT id FROM correspondence WHERE status = 'PENDING' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
          "SELECT e.name FROM employer e WHERE LOWER(e.name) LIKE ? ESCAPE '\\' OR e.kvk_number = ?",
          "WITH held AS (SELECT employer_id FROM keurmerk WHERE status = 'ACTIVE') SELECT COUNT(*) FROM held",
          "SELECT (c.signed_date - CAST(c.registered_at AT TIME ZONE 'Europe/Amsterdam' AS DATE)) FROM convenant c",
          "SELECT DATEDIFF(DAY, a.requested_at AT TIME ZONE 'Europe/Amsterdam', a.decided_on) FROM audit a",
          "SELECT EXTRACT(YEAR FROM k.valid_from), COUNT(*) FILTER (WHERE k.status = 'ACTIVE') FROM keurmerk k GROUP BY 1",
          "INSERT INTO task_escalation (task_id, told_at) VALUES (?, ?) ON CONFLICT (task_id) DO NOTHING",
          "INSERT INTO employer (name, kvk_number) VALUES (?, ?) RETURNING id",
          "SELECT CAST(? AS TIMESTAMP WITH TIME ZONE) FROM keurmerk",
        }) {
      assertThat(mvs(sql)).as(sql).contains("'mvs'");
    }
    assertThat(mvs("SELECT e.name FROM employer e WHERE e.name LIKE ? ESCAPE '\\'"))
        .isEqualTo(
            "SELECT e.name FROM employer e WHERE (e.name LIKE ? ESCAPE '\\') AND e.region_code = 'mvs'");
    assertThat(mvs("INSERT INTO employer (name, kvk_number) VALUES (?, ?) RETURNING id"))
        .isEqualTo(
            "INSERT INTO employer (name, kvk_number, region_code) VALUES (?, ?, 'mvs') RETURNING id");
  }
}
