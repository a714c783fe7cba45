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

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<String> problems = new ArrayList<>();
    String adminId = environment.getProperty("camunda.bpm.admin-user.id", "");
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (adminPassword.isBlank()) {
      problems.add("WERKPACT_ADMIN_PASSWORD is not set");
    } else if (adminPassword.equals(adminId)) {
      problems.add("WERKPACT_ADMIN_PASSWORD equals the admin user id");
    } else if (adminPassword.length() < 12) {
      problems.add("WERKPACT_ADMIN_PASSWORD is shorter than 12 characters");
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
