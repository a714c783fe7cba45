package nl.werkpact.keurmerk.engine;

import org.springframework.beans.factory.annotation.Value;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} is open to anyone until a filter authenticates its callers. HTTP Basic against
 * Camunda's own users (what Camunda Modeler's deploy dialog sends); the webapps use their session instead.
 * Behind it, queries holding expressions are refused, and refused input answers 400 in Dutch.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

  /** Outermost: whatever fails behind it reaches the caller as one Dutch sentence (ErrorResponseFilter). */
  @Bean
  FilterRegistrationBean<ErrorResponseFilter> errorResponses() {
    var registration = new FilterRegistrationBean<>(new ErrorResponseFilter());
    registration.setName("error-responses");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(100);
    return registration;
  }

  /** Before the answer rewriting: a too large deployment is answered at once, before its upload is read. */
  @Bean
  FilterRegistrationBean<DeploymentUploadLimit> deploymentUploadLimit() {
    var registration = new FilterRegistrationBean<>(new DeploymentUploadLimit());
    registration.setName("deployment-upload-limit");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(99);
    return registration;
  }

  @Bean
  FilterRegistrationBean<DutchFormMessages> dutchFormMessages() {
    var registration = new FilterRegistrationBean<>(new DutchFormMessages());
    registration.setName("dutch-form-messages");
    registration.addUrlPatterns("/camunda/lib/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestAuthentication> engineRestAuthenticationFilter(IdentityService identity,
      @Value("${camunda.bpm.webapp.header-security.hsts-disabled:true}") boolean hstsDisabled) {
    var registration = new FilterRegistrationBean<>(new EngineRestAuthentication(identity, !hstsDisabled));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(101);
    return registration;
  }

  /** The management endpoints: health public (status only), the rest for admins and procesbeheerders. */
  @Bean
  FilterRegistrationBean<ManagementAccess> managementAccessFilter(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new ManagementAccess(identity));
    registration.setName("management-access");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(101);
    return registration;
  }

  /** After authentication: a non-admin's POST, PUT or DELETE reaches Camunda's REST resources only on a route it needs. */
  @Bean
  FilterRegistrationBean<RestRouteAllowlist> restRouteAllowlist(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new RestRouteAllowlist(identity));
    registration.setName("rest-route-allowlist");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 11);
    return registration;
  }

  /** After authentication, so anonymous callers get 401 whatever they send. */
  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
    var registration = new FilterRegistrationBean<>(new QueryExpressionGuard());
    registration.setName("query-expression-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  /** Static: the engine plugin needs it before this configuration's other beans exist. */
  @Bean
  static ProcessCatalog processCatalog() {
    return ProcessCatalog.scan("nl.werkpact.keurmerk");
  }

  /** After authentication; the task and definition look-ups it makes are its own, not the caller's. */
  @Bean
  FilterRegistrationBean<UnknownVariablesGuard> unknownVariablesGuard(ProcessCatalog catalog, TaskService tasks, RepositoryService repository) {
    var registration = new FilterRegistrationBean<>(new UnknownVariablesGuard(catalog, tasks, repository));
    registration.setName("unknown-variables-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 9);
    return registration;
  }

  /** Who may call the project's own operations: nl.werkpact.keurmerk.identity.AccessPolicy, for every resource. */
  @Bean
  ResourceConfigCustomizer accessPolicy(IdentityService identity) {
    return config -> config.register(new nl.werkpact.keurmerk.identity.AccessPolicyRestFilter(identity));
  }

  @Bean
  ResourceConfigCustomizer invalidRequestsAreBadRequests() {
    return config -> config.register(InvalidRequestExceptionMapper.class).register(InvalidRequestExceptionMapper.Direct.class);
  }

  @Bean
  ResourceConfigCustomizer withdrawalEndpoint(nl.werkpact.keurmerk.keurmerk.process.KeurmerkWithdrawals withdrawals, IdentityService identity) {
    return config -> config.register(new nl.werkpact.keurmerk.keurmerk.process.KeurmerkWithdrawalResource(withdrawals, identity));
  }

  @Bean
  ResourceConfigCustomizer correspondenceEndpoint(nl.werkpact.keurmerk.mail.MailOutbox outbox, IdentityService identity) {
    return config -> config.register(new nl.werkpact.keurmerk.mail.CorrespondenceResource(outbox, identity));
  }

  @Bean
  ResourceConfigCustomizer certificateEndpoint(nl.werkpact.keurmerk.certificate.Certificates certificates, IdentityService identity) {
    return config -> config.register(new nl.werkpact.keurmerk.certificate.CertificateResource(certificates, identity));
  }

  @Bean
  InstanceMigration instanceMigration(ProcessEngineConfigurationImpl engine) {
    return new InstanceMigration(engine);
  }

  @Bean
  ResourceConfigCustomizer migrationEndpoint(InstanceMigration migration, IdentityService identity) {
    return config -> config.register(new MigrationResource(migration, identity));
  }
}
