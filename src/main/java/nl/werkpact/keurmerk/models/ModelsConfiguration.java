package nl.werkpact.keurmerk.models;

import nl.werkpact.keurmerk.web.ErrorResponseFilter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the code knows of the processes, the size limit of a deployment, and the migration of running instances. */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

  /** Static: the engine plugins need it before this configuration's other beans exist. */
  @Bean
  static ProcessCatalog processCatalog() {
    return ProcessCatalog.scan(ProcessCatalog.BASE_PACKAGE);
  }

  /** Before the answer rewriting: a too large deployment is answered at once, before its upload is read. */
  @Bean
  FilterRegistrationBean<DeploymentUploadLimit> deploymentUploadLimit() {
    var registration = new FilterRegistrationBean<>(new DeploymentUploadLimit());
    registration.setName("deployment-upload-limit");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(ErrorResponseFilter.ORDER - 1);
    return registration;
  }

  @Bean
  InstanceMigration instanceMigration(ProcessEngineConfigurationImpl engine) {
    return new InstanceMigration(engine);
  }

  @Bean
  ResourceConfigCustomizer migrationEndpoint(
      InstanceMigration migration, IdentityService identity) {
    return config -> config.register(new MigrationResource(migration, identity));
  }
}
