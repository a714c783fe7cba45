package nl.werkpact.keurmerk.engine;

import java.util.ArrayList;
import java.util.List;
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
    int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0) + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
        + (password.chars().anyMatch(Character::isDigit) ? 1 : 0) + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
    if (classes < 3) {
      problems.add("WERKPACT_ADMIN_PASSWORD needs at least three of: lower case, upper case, digits, other characters");
    }
    if (password.chars().distinct().count() < 6) {
      problems.add("WERKPACT_ADMIN_PASSWORD repeats too few different characters (at least 6 needed)");
    }
    if (!adminId.isBlank() && password.toLowerCase(java.util.Locale.ROOT).contains(adminId.toLowerCase(java.util.Locale.ROOT))) {
      problems.add("WERKPACT_ADMIN_PASSWORD contains the admin user id");
    }
    return problems;
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
      throw new IllegalStateException("Refusing to start in profile 'postgres': " + String.join("; ", problems)
          + ". Set these environment variables (see docker-compose.yml and README).");
    }
  }
}
