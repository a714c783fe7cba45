package nl.werkpact.keurmerk.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The postgres profile refuses to start with a missing or guessable secret: before the engine builds,
 * so no admin user is ever created with such a password.
 */
@Component
@Profile("postgres")
class ProductionSettingsCheck extends AbstractProcessEnginePlugin {

  private final Environment environment;

  ProductionSettingsCheck(Environment environment) {
    this.environment = environment;
  }

  /**
   * The admin password policy: at least 12 characters, at least three of lower case, upper case, digits and
   * other characters, at least 6 different characters, and not containing the admin id. Camunda's own policy
   * (enable-password-policy in application-postgres.yaml) then holds every other password set in Admin.
   */
  static List<String> weaknesses(String adminId, String password) {
    List<String> problems = new ArrayList<>();
    if (password.length() < 12) {
      problems.add("WERKPACT_ADMIN_PASSWORD is shorter than 12 characters");
    }
    int classes =
        (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
            + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
            + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
            + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
    if (classes < 3) {
      problems.add(
          "WERKPACT_ADMIN_PASSWORD needs at least three of: lower case, upper case, digits, other characters");
    }
    if (password.chars().distinct().count() < 6) {
      problems.add(
          "WERKPACT_ADMIN_PASSWORD repeats too few different characters (at least 6 needed)");
    }
    if (!adminId.isBlank()
        && password.toLowerCase(Locale.ROOT).contains(adminId.toLowerCase(Locale.ROOT))) {
      problems.add("WERKPACT_ADMIN_PASSWORD contains the admin user id");
    }
    if (isCommonPattern(password)) {
      problems.add(
          "WERKPACT_ADMIN_PASSWORD follows a pattern guessers try first (one word with a year, digits or signs, such as "
              + "Welkom2026!!, or a common word); use a passphrase of several words or a generated password");
    }
    return problems;
  }

  /** Words guessers try first, in Dutch and English, with the product's own names. */
  private static final Set<String> COMMON_WORDS =
      Set.of(
          "welkom",
          "wachtwoord",
          "password",
          "passw",
          "geheim",
          "admin",
          "beheer",
          "beheerder",
          "camunda",
          "werkpact",
          "keurmerk",
          "gemeente",
          "zomer",
          "winter",
          "lente",
          "herfst",
          "voorjaar",
          "najaar",
          "summer",
          "spring",
          "autumn",
          "qwerty",
          "azerty",
          "letmein",
          "welcome",
          "secret",
          "changeme",
          "test",
          "demo");

  /**
   * One word (or a common one) dressed with a year, digits and signs: {@code Welkom2026!!}, {@code 2026Zomer#},
   * {@code Wachtwoord123!}. Several words, or letters mixed through the digits, are not this pattern.
   */
  static boolean isCommonPattern(String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    List<String> words =
        Arrays.stream(lower.split("[^\\p{L}]+")).filter(w -> !w.isEmpty()).distinct().toList();
    if (words.isEmpty()) {
      return true;
    }
    if (words.size() == 1
        && (lower.matches(".*(19|20)\\d{2}.*") || COMMON_WORDS.contains(words.get(0)))) {
      return true;
    }
    // P@ssw0rd and the like: read the usual substitutions back as letters.
    String read =
        lower
            .replace('@', 'a')
            .replace('4', 'a')
            .replace('0', 'o')
            .replace('$', 's')
            .replace('5', 's')
            .replace('3', 'e')
            .replace('1', 'i')
            .replace('!', 'i')
            .replaceAll("[^\\p{L}]", "");
    return COMMON_WORDS.stream()
        .anyMatch(word -> read.startsWith(word) && read.length() - word.length() <= 3);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<String> problems = new ArrayList<>();
    String adminId = environment.getProperty("camunda.bpm.admin-user.id", "");
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (adminPassword.isBlank()) {
      problems.add("WERKPACT_ADMIN_PASSWORD is not set");
    } else if (adminPassword.equals(adminId)) {
      problems.add("WERKPACT_ADMIN_PASSWORD equals the admin user id");
    } else {
      problems.addAll(weaknesses(adminId, adminPassword));
    }
    if (environment.getProperty("spring.datasource.password", "").isBlank()) {
      problems.add("WERKPACT_DB_PASSWORD is not set");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start in profile 'postgres': "
              + String.join("; ", problems)
              + ". Set these environment variables (see docker-compose.yml and docs/operations.md).");
    }
  }
}
