package nl.werkpact.keurmerk.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine settings that close what Camunda 7.24 leaves open; they hold in every profile and for every client
 * (webapps, REST, Java). Authorization checks themselves are switched on in application.yaml.
 */
@Component
class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

  /** Failed logins delay the next attempt (3 s, doubling, at most 60 s); the lock expires by itself. */
  static final int LOGIN_DELAY_BASE_SECONDS = 3;
  static final int LOGIN_DELAY_MAX_SECONDS = 60;

  private final ProcessCatalog catalog;
  private final org.springframework.context.ApplicationContext application;

  EngineSecurityPlugin(ProcessCatalog catalog, org.springframework.context.ApplicationContext application) {
    this.catalog = catalog;
    this.application = application;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Every user command passes the guard first, whatever the route (REST, Tasklist, Cockpit, Java).
    var interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<org.camunda.bpm.engine.impl.interceptor.CommandInterceptor>()
        : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new CommandGuard(catalog, configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    // Models reach only the processes' own beans: at deployment (the build's model checks) and when evaluated
    // (the engine resolves no other Spring bean, so ${dataSource...} is not even a name).
    var processBeans = ProcessBeans.scan("nl.werkpact.keurmerk");
    var deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<org.camunda.bpm.engine.impl.persistence.deploy.Deployer>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(new ModelDeploymentCheck(processBeans, catalog));
    configuration.setCustomPreDeployers(deployers);
    configuration.setExpressionManager(new org.camunda.bpm.engine.spring.SpringExpressionManager(application,
        new ProcessBeanMap(processBeans.keySet(), application)));
    // Strangers cannot lock anyone out for good: Camunda locks an account permanently after
    // loginMaxAttempts failures (default 10), and nobody is left to unlock the only admin. Here a failure only
    // delays the next attempt, growing to a minute; an admin can lift the delay at once (Admin > user > unlock).
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(LOGIN_DELAY_BASE_SECONDS);
    configuration.setLoginDelayFactor(2);
    configuration.setLoginDelayMaxTime(LOGIN_DELAY_MAX_SECONDS);
    // Members of our "admins" group are engine administrators, like Camunda's own camunda-admin group.
    var adminGroups = new ArrayList<String>();
    adminGroups.add(Groups.CAMUNDA_ADMIN);
    adminGroups.add(nl.werkpact.keurmerk.identity.Groups.ADMINS);
    configuration.setAdminGroups(adminGroups);
    // Candidates may read, claim and complete their tasks; reassigning or deleting stays with admins.
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    // Task rights per process definition, not one authorization row per task (identity/TaskAuthorizations).
    configuration.setResourceAuthorizationProvider(new nl.werkpact.keurmerk.identity.TaskAuthorizations());
    // No expression in any query, stored or ad hoc: the remote-code-execution path through task queries.
    configuration.setEnableExpressionsInAdhocQueries(false);
    // Stored queries may hold expressions so that "Mijn taken" can use ${currentUser()}; only the system stores
    // them: CommandGuard refuses any filter with an expression saved by a user, admins included.
    configuration.setEnableExpressionsInStoredQueries(true);
    // Variables are JSON and primitives only: no Java deserialization of client input.
    configuration.setJavaSerializationFormatEnabled(false);
  }
}
