package nl.werkpact.keurmerk.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every new deployment (Camunda Modeler, the REST API, the start-up deployment of bpmn/ and forms/) passes the
 * build's {@link ModelChecks} before Camunda parses it, so deploying a model cannot run code on the server or do
 * what the deploying role may not: only BPMN, DMN and Camunda Forms, at most {@link #MAX_BYTES} in all; each model
 * read as XML against the allowlists of ModelChecks; no timer more often than every quarter of an hour. A user who is
 * not an admin (the procesbeheerder) is also held to the product's own models: delegates and listeners only at the
 * step where they belong, starts only as those models start, no extra input parameters, no history time to live
 * below theirs. A refusal names the file and the element, in Dutch. Forms a model
 * refers to must be in the same deployment (they are bound to it): a form the deployment lacks is taken over from the
 * latest version of the same process, so that a changed BPMN deployed from Camunda Modeler alone keeps its forms; a
 * form no earlier version had is refused with the file to add. Existing deployments loaded back into the cache are not
 * checked again.
 */
class ModelDeploymentCheck implements Deployer {

  /** All resources of one deployment together; the product's own models are some 100 KB. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";

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

  /**
   * Camunda's deployment API lets any user who may deploy name any tenant, or none (then the models are shared by all
   * regions). A member of staff deploys only into their own region; admins and the system (start-up, a new region's
   * models) into any.
   */
  private static void refuseAnotherRegion(DeploymentEntity deployment, CommandContext context) {
    var user = context.getAuthentication();
    if (user == null || user.getUserId() == null) {
      return;
    }
    var admins = context.getProcessEngineConfiguration().getAdminGroups();
    if (user.getGroupIds() != null
        && admins != null
        && user.getGroupIds().stream().anyMatch(admins::contains)) {
      return;
    }
    var own = user.getTenantIds() == null ? List.<String>of() : user.getTenantIds();
    String tenant = deployment.getTenantId();
    if (tenant == null || !own.contains(tenant)) {
      throw new InvalidRequestException(
          "Het model is niet geïnstalleerd: installeer het in uw eigen regio. Vul in Camunda Modeler bij"
              + " Tenant ID "
              + (own.size() == 1 ? own.get(0) : "de code van uw regio")
              + " in"
              + (tenant == null ? "" : " in plaats van " + tenant)
              + ".");
    }
  }

  /**
   * Adds to the deployment each form its BPMN refers to but it does not hold, from the deployment of the latest
   * version of that process (the form the running version shows); refuses, in one sentence, forms no version had.
   * The resource is inserted as the deployment's own ones were, in the same command, before Camunda's deployers
   * read the resources.
   */
  private static void keepFormsOfLatestVersions(
      DeploymentEntity deployment, Map<String, byte[]> resources, CommandContext context) {
    Set<String> present = new TreeSet<>();
    resources.keySet().forEach(name -> present.add(shortName(name)));
    Set<String> missing = new TreeSet<>();
    for (var resource : Map.copyOf(resources).entrySet()) {
      String lower = resource.getKey().toLowerCase(Locale.ROOT);
      if (!(lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml"))) {
        continue;
      }
      Element root;
      try {
        root = ModelChecks.readXml(resource.getValue());
      } catch (Exception e) {
        continue; // the model checks refuse it with the reason
      }
      Set<String> forms = new LinkedHashSet<>();
      Set<String> processes = new LinkedHashSet<>();
      NodeList elements = root.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < elements.getLength(); i++) {
        var element = (Element) elements.item(i);
        if (BPMN_MODEL.equals(element.getNamespaceURI())
            && "process".equals(element.getLocalName())
            && !element.getAttribute("id").isBlank()) {
          processes.add(element.getAttribute("id"));
        }
        String formRef = element.getAttributeNS(CAMUNDA, "formRef");
        if (!formRef.isBlank() && !formRef.contains("{")) {
          forms.add(formRef);
        }
      }
      for (String form : forms) {
        String file = form + ".form";
        if (present.contains(file)) {
          continue;
        }
        var kept = formOfLatestVersion(processes, file, deployment.getTenantId(), context);
        if (kept == null) {
          missing.add("forms/" + file);
          continue;
        }
        var copy = new ResourceEntity();
        copy.setName(file);
        copy.setBytes(kept.getBytes());
        copy.setDeploymentId(deployment.getId());
        copy.setType(ResourceTypes.REPOSITORY.getValue());
        copy.setCreateTime(ClockUtil.getCurrentTime());
        context.getResourceManager().insertResource(copy);
        deployment.addResource(copy);
        resources.put(file, kept.getBytes());
        present.add(file);
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidRequestException(
          "Voeg "
              + dutchList(List.copyOf(missing))
              + " toe aan de deployment: het proces verwijst ernaar.");
    }
  }

  private static ResourceEntity formOfLatestVersion(
      Set<String> processes, String file, String tenant, CommandContext context) {
    for (String key : processes) {
      // the region's own latest version: another region's forms are not this one's
      var latest =
          context
              .getProcessDefinitionManager()
              .findLatestProcessDefinitionByKeyAndTenantId(key, tenant);
      if (latest == null) {
        continue;
      }
      for (ResourceEntity resource :
          context.getResourceManager().findResourcesByDeploymentId(latest.getDeploymentId())) {
        if (shortName(resource.getName()).equals(file) && resource.getBytes() != null) {
          return resource;
        }
      }
    }
    return null;
  }

  /** "a", "a en b", "a, b en c". */
  private static String dutchList(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " en "
        + items.get(items.size() - 1);
  }

  private static String shortName(String resourceName) {
    return resourceName.substring(resourceName.lastIndexOf('/') + 1);
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
    refuseAnotherRegion(deployment, context);
    keepFormsOfLatestVersions(deployment, resources, context);
    var decisions = context.getDecisionDefinitionManager();
    String tenant = deployment.getTenantId();
    var checks =
        new ModelChecks(
                resources,
                form -> false,
                key -> decisions.findLatestDecisionDefinitionByKeyAndTenantId(key, tenant) != null,
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
