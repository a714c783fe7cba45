package nl.werkpact.keurmerk.guard;

import java.util.ArrayList;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import nl.werkpact.keurmerk.identity.RegionTenants;
import nl.werkpact.keurmerk.identity.RegionalGroups;
import nl.werkpact.keurmerk.identity.TaskAuthorizations;
import nl.werkpact.keurmerk.models.ProcessCatalog;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Engine settings that close what Camunda 7.24 leaves open; they hold in every profile and for every client
 * (webapps, REST, Java). Authorization checks themselves are switched on in application.yaml.
 */
@Component
class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

  private final ProcessCatalog catalog;
  private final RegionalMemberships memberships;

  EngineSecurityPlugin(ProcessCatalog catalog, ObjectProvider<RegionTenants> regionTenants) {
    this.catalog = catalog;
    this.memberships = new RegionalMemberships(regionTenants);
  }

  @EventListener(ContextRefreshedEvent.class)
  void followMemberships() {
    memberships.start();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Every user command passes the guard first, whatever the route (REST, Tasklist, Cockpit,
    // Java).
    var interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<CommandInterceptor>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new CommandGuard(catalog, configuration));
    interceptors.add(0, new LoginThrottle());
    interceptors.add(memberships);
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    // Regions' codes (tenant ids) and groups per region (accountmanagers-voorne-putten) hold
    // dashes.
    configuration.setGroupResourceWhitelistPattern(RegionalGroups.GROUP_ID_PATTERN);
    configuration.setTenantResourceWhitelistPattern(RegionalGroups.TENANT_ID_PATTERN);
    // What models reach: models/ModelsEnginePlugin.
    // Strangers cannot lock anyone out: Camunda locks an account permanently after loginMaxAttempts
    // failures
    // (default 10) and delays the owner's own logins after a stranger's failures. Both are off;
    // LoginThrottle slows
    // the guessing address instead, per address and account, and leaves the owner elsewhere alone.
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    // Members of our "admins" group are engine administrators, like Camunda's own camunda-admin
    // group.
    var adminGroups = new ArrayList<String>();
    adminGroups.add(Groups.CAMUNDA_ADMIN);
    adminGroups.add(nl.werkpact.keurmerk.identity.Groups.ADMINS);
    configuration.setAdminGroups(adminGroups);
    // Candidates may read, claim and complete their tasks; reassigning or deleting stays with
    // admins.
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    // Task rights per process definition, not one authorization row per task
    // (identity/TaskAuthorizations).
    configuration.setResourceAuthorizationProvider(new TaskAuthorizations());
    // No expression in any query, stored or ad hoc: the remote-code-execution path through task
    // queries.
    configuration.setEnableExpressionsInAdhocQueries(false);
    // Stored queries may hold expressions so that "Mijn taken" can use ${currentUser()}; only the
    // system stores
    // them: CommandGuard refuses any filter with an expression saved by a user, admins included.
    configuration.setEnableExpressionsInStoredQueries(true);
    // Variables are JSON and primitives only: no Java deserialization of client input.
    configuration.setJavaSerializationFormatEnabled(false);
    // Switched off what the product does not use, so that there is nothing to guard: case models
    // (CMMN, which has
    // no authorization checks at all), and every script engine (a script in a model or a decision
    // finds none).
    // External tasks have no worker here: their commands are outside every role's allowlist
    // (CommandAllowlist) and
    // camunda:type="external" is refused by the model checks.
    configuration.setCmmnEnabled(false);
    configuration.setScriptEngineResolver(new NoScriptEngines());
    configuration.setScriptingEngines(new ScriptingEngines(new NoScriptEngines()));
    configuration.setEnableScriptEngineLoadExternalResources(false);
  }

  /** Resolves no language: JavaScript, Groovy, Python or any other script engine on the class path stays unused. */
  static final class NoScriptEngines implements ScriptEngineResolver {
    private final ScriptEngineManager none = new ScriptEngineManager(null);

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
      // none are added
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      return none;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      return null;
    }
  }
}
