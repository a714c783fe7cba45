package nl.werkpact.keurmerk.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every new deployment (Camunda Modeler, the REST API, the start-up deployment of bpmn/ and forms/) passes the
 * build's {@link ModelChecks} before Camunda parses it, so deploying a model cannot run code on the server or do
 * what the deploying role may not: only BPMN, DMN and Camunda Forms, at most {@link #MAX_BYTES} in all; each model
 * read as XML against the allowlists of ModelChecks; no timer more often than every quarter of an hour. A user who is
 * not an admin (the procesbeheerder) is also held to the product's own models: delegates and listeners only at the
 * step where they belong, starts only as those models start, no extra input parameters, no history time to live
 * below theirs. A refusal names the file and the element, in Dutch. Forms a model
 * refers to must be in the same deployment (they are bound to it). Existing deployments loaded back into the cache
 * are not checked again.
 */
class ModelDeploymentCheck implements Deployer {

  /** All resources of one deployment together; the product's own models are some 100 KB. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final Map<String, Class<?>> beans;
  private final ProcessCatalog catalog;
  private final ModelChecks.Reference reference;

  ModelDeploymentCheck(Map<String, Class<?>> beans, ProcessCatalog catalog) {
    this.beans = beans;
    this.catalog = catalog;
    this.reference =
        ModelChecks.referenceOf(ownModels(), beans, key -> catalog.variables(key).orElse(null));
  }

  /** bpmn/ as the build copied it onto the class path: the shape every later deployment is held to. */
  private static Map<String, byte[]> ownModels() {
    Map<String, byte[]> models = new LinkedHashMap<>();
    try {
      for (var resource :
          new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.*")) {
        String name = resource.getFilename();
        if (name != null && (name.endsWith(".bpmn") || name.endsWith(".dmn"))) {
          try (var in = resource.getInputStream()) {
            models.put(name, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the product's own models from the class path", e);
    }
    if (models.isEmpty()) {
      throw new IllegalStateException(
          "No models under bpmn/ on the class path: the deployment checks would have nothing to hold to");
    }
    return models;
  }

  /**
   * The procesbeheerder is held to the product's own models; an admin (and the system: start-up, repairs) may deploy
   * another shape, such as an earlier version to migrate from, still within the other rules.
   */
  private static boolean byUserWhoIsNoAdmin(CommandContext context) {
    var user = context.getAuthentication();
    if (user == null || user.getUserId() == null) {
      return false;
    }
    var admins = context.getProcessEngineConfiguration().getAdminGroups();
    return user.getGroupIds() == null
        || admins == null
        || user.getGroupIds().stream().noneMatch(admins::contains);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    long total = 0;
    for (var entry : deployment.getResources().entrySet()) {
      String name = entry.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (!(lower.endsWith(".bpmn")
          || lower.endsWith(".bpmn20.xml")
          || lower.endsWith(".dmn")
          || lower.endsWith(".dmn11.xml")
          || lower.endsWith(".form"))) {
        throw new InvalidRequestException(
            "Het model is niet geïnstalleerd: "
                + name
                + " is geen BPMN-model, DMN-beslissing of "
                + "Camunda Form (.bpmn, .dmn of .form). Andere bestanden, zoals case-modellen (CMMN) en scripts, gebruikt dit product niet.");
      }
      byte[] bytes =
          entry.getValue().getBytes() == null ? new byte[0] : entry.getValue().getBytes();
      total += bytes.length;
      resources.put(name, bytes);
    }
    if (total > MAX_BYTES) {
      throw new InvalidRequestException(
          "Het model is niet geïnstalleerd: de bestanden zijn samen "
              + (total / 1024)
              + " kB; "
              + "dat is meer dan "
              + (MAX_BYTES / 1024)
              + " kB.");
    }
    var context = Context.getCommandContext();
    var decisions = context.getDecisionDefinitionManager();
    var checks =
        new ModelChecks(
                resources,
                form -> false,
                key -> decisions.findLatestDecisionDefinitionByKey(key) != null,
                beans,
                key -> catalog.variables(key).orElse(null))
            .knowing(catalog.allVariables());
    if (byUserWhoIsNoAdmin(context)) {
      checks.against(reference);
    }
    List<String> problems = checks.run();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(
          "Het model is niet geïnstalleerd, want het voldoet niet aan de modelregels: "
              + String.join("; ", problems)
              + ".");
    }
  }
}
