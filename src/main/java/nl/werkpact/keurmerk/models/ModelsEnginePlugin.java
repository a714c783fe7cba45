package nl.werkpact.keurmerk.models;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Models reach only the beans marked {@link CalledFromModels}: at deployment (the model checks, for every client that
 * deploys) and when evaluated (the engine resolves no other Spring bean, so {@code ${dataSource...}} is not even a
 * name).
 */
@Component
class ModelsEnginePlugin extends AbstractProcessEnginePlugin {

  private final ProcessCatalog catalog;
  private final ApplicationContext application;

  ModelsEnginePlugin(ProcessCatalog catalog, ApplicationContext application) {
    this.catalog = catalog;
    this.application = application;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var processBeans = ProcessBeans.scan(ProcessCatalog.BASE_PACKAGE);
    var deployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<Deployer>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(new ModelDeploymentCheck(processBeans, catalog));
    configuration.setCustomPreDeployers(deployers);
    configuration.setExpressionManager(
        new SpringExpressionManager(
            application, new ProcessBeanMap(processBeans.keySet(), application)));
  }
}
