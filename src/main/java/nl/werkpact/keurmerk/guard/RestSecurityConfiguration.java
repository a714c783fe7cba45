package nl.werkpact.keurmerk.guard;

import nl.werkpact.keurmerk.models.ProcessCatalog;
import nl.werkpact.keurmerk.region.RegionSettings;
import nl.werkpact.keurmerk.web.ErrorResponseFilter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code /engine-rest} is open to anyone until a filter authenticates its callers. HTTP Basic against
 * Camunda's own users (what Camunda Modeler's deploy dialog sends); the webapps use their session instead.
 * Behind it, queries holding expressions are refused, and refused input answers 400 in Dutch.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

  @Bean
  FilterRegistrationBean<EngineRestAuthentication> engineRestAuthenticationFilter(
      IdentityService identity, CamundaBpmProperties camunda) {
    boolean hsts = !camunda.getWebapp().getHeaderSecurity().isHstsDisabled();
    var registration = new FilterRegistrationBean<>(new EngineRestAuthentication(identity, hsts));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(ErrorResponseFilter.ORDER + 1);
    return registration;
  }

  /** Definitions by key in the caller's region, after the caller is known (HTTP Basic, or the webapps' session). */
  @Bean
  FilterRegistrationBean<DefinitionByKeyInRegion> definitionByKeyInRegion(
      IdentityService identity, RegionSettings regions) {
    var registration =
        new FilterRegistrationBean<>(new DefinitionByKeyInRegion(identity, regions.code()));
    registration.setName("definition-by-key-in-region");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 12);
    return registration;
  }

  /** The management endpoints: health public (status only), the rest for admins and procesbeheerders. */
  @Bean
  FilterRegistrationBean<ManagementAccess> managementAccessFilter(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new ManagementAccess(identity));
    registration.setName("management-access");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(ErrorResponseFilter.ORDER + 1);
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

  /** After authentication; the task and definition look-ups it makes are its own, not the caller's. */
  @Bean
  FilterRegistrationBean<UnknownVariablesGuard> unknownVariablesGuard(
      ProcessCatalog catalog, TaskService tasks, RepositoryService repository) {
    var registration =
        new FilterRegistrationBean<>(new UnknownVariablesGuard(catalog, tasks, repository));
    registration.setName("unknown-variables-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 9);
    return registration;
  }
}
