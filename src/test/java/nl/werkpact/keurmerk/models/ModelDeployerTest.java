package nl.werkpact.keurmerk.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Start-up deployment of bpmn/ and forms/: versions survive restarts, forms travel with their process. */
class ModelDeployerTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("process-test-engine.cfg.xml").build();

  private final ModelDeployer deployer = new ModelDeployer();

  @AfterEach
  void removeDeployments() {
    RepositoryService repository = engine.getRepositoryService();
    repository
        .createDeploymentQuery()
        .list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void deploysEachProcessWithTheFormsItReferences() {
    // As at start-up: beside the rest of the context, which waits for it before it opens.
    deployer.postProcessEngineBuild(engine.getProcessEngine());
    deployer.afterSingletonsInstantiated();

    RepositoryService repository = engine.getRepositoryService();
    var deployment = repository.createDeploymentQuery().deploymentName("Convenant").singleResult();
    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .containsExactlyInAnyOrder(
            "Convenant.bpmn",
            "ConvenantIntent.form",
            "ConvenantIntake.form",
            "ConvenantSigning.form");
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("Convenant")
                .singleResult()
                .getVersion())
        .isEqualTo(1);
  }

  @Test
  void unchangedModelsKeepTheirVersionAcrossRestarts() {
    ProcessEngine processEngine = engine.getProcessEngine();
    deployer.deploy(processEngine);
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();

    deployer.deploy(processEngine);

    assertThat(engine.getRepositoryService().createDeploymentQuery().count())
        .isEqualTo(deployments);
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("Convenant")
                .latestVersion()
                .singleResult()
                .getVersion())
        .isEqualTo(1);
  }

  @Test
  void aModelThatCannotBeDeployedStopsTheStartThoughItIsDeployedBesideIt(@TempDir Path dir)
      throws Exception {
    Path models = Files.createDirectories(dir.resolve("bpmn"));
    Path forms = Files.createDirectories(dir.resolve("forms"));
    Files.copy(Path.of("bpmn", "Convenant.bpmn"), models.resolve("Convenant.bpmn"));
    var withoutItsForms = new ModelDeployer(models.toUri() + "", forms.toUri() + "");

    withoutItsForms.postProcessEngineBuild(engine.getProcessEngine());

    assertThatThrownBy(withoutItsForms::afterSingletonsInstantiated)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Voeg forms/ConvenantIntent.form toe: bpmn/Convenant.bpmn verwijst ernaar.");
  }

  @Test
  void aChangedModelFileBecomesANewVersion(@TempDir Path dir) throws Exception {
    Path models = Files.createDirectories(dir.resolve("bpmn"));
    Path forms = Files.createDirectories(dir.resolve("forms"));
    for (String form : new String[] {"ConvenantIntent", "ConvenantIntake", "ConvenantSigning"}) {
      Files.copy(Path.of("forms", form + ".form"), forms.resolve(form + ".form"));
    }
    Path bpmn = Files.copy(Path.of("bpmn", "Convenant.bpmn"), models.resolve("Convenant.bpmn"));
    var fromFiles = new ModelDeployer(models.toUri() + "", forms.toUri() + "");
    fromFiles.deploy(engine.getProcessEngine());

    Files.writeString(
        bpmn,
        Files.readString(bpmn)
            .replace("name=\"Convenant Sociaal Werkpact\"", "name=\"Convenant (gewijzigd)\""));
    fromFiles.deploy(engine.getProcessEngine());

    var latest =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("Convenant")
            .latestVersion()
            .singleResult();
    assertThat(latest.getVersion()).isEqualTo(2);
    assertThat(latest.getName()).isEqualTo("Convenant (gewijzigd)");
  }

  @Test
  void aRestartDoesNotRollBackAVersionDeployedFromModeler() {
    deployer.deploy(engine.getProcessEngine());
    var model =
        Bpmn.readModelFromStream(
            getClass().getClassLoader().getResourceAsStream("bpmn/Convenant.bpmn"));
    model
        .getModelElementsByType(Process.class)
        .iterator()
        .next()
        .setName("Convenant (uit Modeler)");
    engine
        .getRepositoryService()
        .createDeployment()
        .name("Convenant")
        .source("Camunda Modeler")
        .addModelInstance("Convenant.bpmn", model)
        .deploy();

    deployer.deploy(engine.getProcessEngine());

    var latest =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("Convenant")
            .latestVersion()
            .singleResult();
    assertThat(latest.getVersion()).isEqualTo(2);
    assertThat(latest.getName()).isEqualTo("Convenant (uit Modeler)");
  }
}
