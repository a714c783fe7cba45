package nl.werkpact.keurmerk.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Every new deployment (Camunda Modeler, the REST API, the start-up deployment of bpmn/ and forms/) passes the
 * build's {@link ModelChecks} before Camunda parses it, so deploying a model cannot run code on the server: a
 * model that names a Java class, a script, a bean outside the processes' own packages or a property of an object
 * is refused with the file and element. Forms a model refers to must be in the same deployment (they are bound
 * to it). Existing deployments loaded back into the cache are not checked again.
 */
class ModelDeploymentCheck implements Deployer {

  private final Map<String, Class<?>> beans;
  private final ProcessCatalog catalog;

  ModelDeploymentCheck(Map<String, Class<?>> beans, ProcessCatalog catalog) {
    this.beans = beans;
    this.catalog = catalog;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    var decisions = Context.getCommandContext().getDecisionDefinitionManager();
    List<String> problems = new ModelChecks(resources, form -> false,
        key -> decisions.findLatestDecisionDefinitionByKey(key) != null, beans, key -> catalog.variables(key).orElse(null)).run();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Het model is niet geïnstalleerd, want het voldoet niet aan de modelregels: "
          + String.join("; ", problems) + ".");
    }
  }
}
