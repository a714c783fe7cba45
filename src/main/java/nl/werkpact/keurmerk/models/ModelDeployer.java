package nl.werkpact.keurmerk.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.region.RegionSettings;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models from {@code bpmn/} and {@code forms/} (copied to the classpath by the build) when
 * the engine starts.
 *
 * <p>One deployment per BPMN file, named after it, holding the BPMN and the forms it references: a user
 * task's form is resolved in its own deployment (form binding {@code deployment}), so a form change never
 * breaks a running task. Each DMN not referenced that way is its own deployment. Duplicate filtering per
 * deployment name and source: an unchanged model keeps its version across restarts; a changed model or one
 * of its forms becomes a new version. A version a process owner deployed from Camunda Modeler stays the
 * latest until the files here change: a restart does not roll it back.
 *
 * <p>Each region is a Camunda tenant and gets every model as a deployment of its own: its process owner changes it
 * without touching another region's, and duplicate filtering works per tenant. Before the first deployment with
 * regions, the engine's data of before (deployments, instances, tasks, history without a tenant) becomes the first
 * region's ({@link TenantAdoption}).
 */
@Component
public class ModelDeployer extends AbstractProcessEnginePlugin
    implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
  private static final Pattern DECISION_REF =
      Pattern.compile("camunda:decisionRef=\"([^\"$#{}]+)\"");
  static final String SOURCE = "werkpact-keurmerk start-up";

  private final PathMatchingResourcePatternResolver resolver =
      new PathMatchingResourcePatternResolver();
  private final String modelLocation;
  private final String formLocation;
  private volatile FutureTask<Void> deploying;

  /** The regions (Camunda tenants) to deploy into, the first one first; {@code null} alone: without a tenant. */
  private final Function<ProcessEngine, List<String>> tenants;

  /** Without regions (tests of the models alone): deployments without a tenant. */
  public ModelDeployer() {
    this("classpath*:bpmn/", "classpath*:forms/");
  }

  /** For tests: models and forms from other locations (Spring resource prefixes, ending in a slash). */
  ModelDeployer(String modelLocation, String formLocation) {
    this(modelLocation, formLocation, engine -> java.util.Collections.singletonList(null));
  }

  /** The app: every model into every region's tenant. */
  @Autowired
  ModelDeployer(RegionSettings regions) {
    this(
        "classpath*:bpmn/",
        "classpath*:forms/",
        engine -> TenantAdoption.regionCodes(engine, regions.code()));
  }

  private ModelDeployer(
      String modelLocation, String formLocation, Function<ProcessEngine, List<String>> tenants) {
    this.modelLocation = modelLocation;
    this.formLocation = formLocation;
    this.tenants = tenants;
  }

  /**
   * Deploys beside the rest of the start-up: parsing and checking the models takes about a second, and nothing before
   * the end of the context's start (Flyway, the webapps, the REST API, the web server's set-up) needs them. The
   * context waits for it in {@link #afterSingletonsInstantiated()}, before the web server opens and the job executor
   * starts, and does not start when a model fails its checks.
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    deploying =
        new FutureTask<>(
            () -> {
              deploy(engine);
              return null;
            });
    Thread thread = new Thread(deploying, "model-deployment");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (deploying == null) {
      return;
    }
    try {
      deploying.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the models were being deployed", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("The models could not be deployed", e.getCause());
    }
  }

  /** Deploys every model and its forms now, on this thread, into each region. */
  void deploy(ProcessEngine engine) {
    List<String> codes = tenants.apply(engine);
    if (codes.get(0) != null) {
      TenantAdoption.adopt(engine, codes.get(0));
    }
    for (String tenant : codes) {
      deploy(engine, tenant);
    }
  }

  private void deploy(ProcessEngine engine, String tenant) {
    Map<String, Resource> processes = find(modelLocation + "*.bpmn", ".bpmn");
    Map<String, Resource> decisions = find(modelLocation + "*.dmn", ".dmn");
    Map<String, Resource> forms = find(formLocation + "*.form", ".form");
    Set<String> bundledDecisions = new LinkedHashSet<>();

    processes.forEach(
        (name, bpmn) -> {
          String xml = read(bpmn);
          DeploymentBuilder builder =
              newDeployment(engine, name, tenant).addString(name + ".bpmn", xml);
          for (String formId : references(FORM_REF, xml)) {
            Resource form = forms.get(formId);
            if (form == null) {
              throw new IllegalStateException(
                  "Voeg forms/" + formId + ".form toe: bpmn/" + name + ".bpmn verwijst ernaar.");
            }
            builder.addString(formId + ".form", read(form));
          }
          for (String decisionId : references(DECISION_REF, xml)) {
            Resource dmn = decisions.get(decisionId);
            if (dmn != null) {
              builder.addString(decisionId + ".dmn", read(dmn));
              bundledDecisions.add(decisionId);
            }
          }
          deploy(builder, name);
        });
    decisions.forEach(
        (name, dmn) -> {
          if (!bundledDecisions.contains(name)) {
            deploy(newDeployment(engine, name, tenant).addString(name + ".dmn", read(dmn)), name);
          }
        });
  }

  private static DeploymentBuilder newDeployment(ProcessEngine engine, String name, String tenant) {
    DeploymentBuilder builder =
        engine
            .getRepositoryService()
            .createDeployment()
            .name(name)
            .source(SOURCE)
            .enableDuplicateFiltering(false);
    return tenant == null ? builder : builder.tenantId(tenant);
  }

  private static void deploy(DeploymentBuilder builder, String name) {
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    boolean deployedNew =
        !isEmpty(deployment.getDeployedProcessDefinitions())
            || !isEmpty(deployment.getDeployedDecisionDefinitions());
    if (deployedNew) {
      LOG.info("Model {} deployed (deployment {})", name, deployment.getId());
    } else {
      LOG.info("Model {} unchanged, keeps its deployed version", name);
    }
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }

  private Map<String, Resource> find(String pattern, String suffix) {
    try {
      Map<String, Resource> found = new TreeMap<>();
      for (Resource resource : resolver.getResources(pattern)) {
        String filename = resource.getFilename();
        if (filename != null && filename.endsWith(suffix)) {
          found.put(filename.substring(0, filename.length() - suffix.length()), resource);
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> references(Pattern pattern, String xml) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher matcher = pattern.matcher(xml);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  private static String read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
