package nl.werkpact.keurmerk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The app runs on PostgreSQL in production and on H2 for {@code mvn spring-boot:run}; the integration tests run
 * PostgreSQL. SQL that only PostgreSQL knows passes them all and fails the first newcomer (an {@code INSERT ...
 * RETURNING id} did, on seven pages: H2 has no RETURNING). Such SQL may only be written where the code chooses it for
 * PostgreSQL ({@code Database.isPostgres}); everywhere else it is refused here. {@code LocalDefaultIT} runs the
 * public forms on H2 as well.
 */
class SqlDialectTest {

  /** PostgreSQL-only SQL: RETURNING, ON CONFLICT, casts with {@code ::}, ILIKE. */
  private static final Pattern POSTGRES_ONLY =
      Pattern.compile(
          "\\bRETURNING\\b|\\bON CONFLICT\\b|\\bILIKE\\b"
              + "|::(text|int|integer|bigint|date|timestamp|timestamptz|numeric|varchar|jsonb?|boolean|interval)\\b");

  /** The statements written for PostgreSQL only, by the file that chooses them, and why. */
  private static final Map<String, String> CHOSEN_FOR_POSTGRES =
      Map.of(
          "mail/CorrespondenceRepository.java",
          "recordSentInOneStatement: SENT and its history in one statement, called only on PostgreSQL");

  @Test
  void noStatementUsesSqlThatOnlyPostgresqlKnowsUnlessChosenForIt() throws Exception {
    Path root = Path.of("src", "main", "java", "nl", "werkpact", "keurmerk");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (CHOSEN_FOR_POSTGRES.containsKey(name)) {
          continue;
        }
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          String code = line.strip();
          if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
            continue; // documentation names the syntax it avoids
          }
          if (POSTGRES_ONLY.matcher(line).find()) {
            found.add(name + ":" + (i + 1) + ": " + code);
          }
        }
      }
    }
    assertThat(found)
        .as("SQL only PostgreSQL knows (use Database.insertedId for a new row's id)")
        .isEmpty();
  }
}
