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

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Members of our "admins" group are engine administrators, like Camunda's own camunda-admin group.
    var adminGroups = new ArrayList<String>();
    adminGroups.add(Groups.CAMUNDA_ADMIN);
    adminGroups.add(nl.werkpact.keurmerk.identity.Groups.ADMINS);
    configuration.setAdminGroups(adminGroups);
    // Candidates may read, claim and complete their tasks; reassigning or deleting stays with admins.
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    // No expression in any query, stored or ad hoc: the remote-code-execution path through task queries.
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(false);
    // Variables are JSON and primitives only: no Java deserialization of client input.
    configuration.setJavaSerializationFormatEnabled(false);
  }
}
