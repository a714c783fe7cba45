package nl.werkpact.keurmerk.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the project's own REST operations: {@link AccessPolicy}, for every resource registered with Jersey. */
@Configuration(proxyBeanMethods = false)
class AccessPolicyConfiguration {

  @Bean
  ResourceConfigCustomizer accessPolicy(IdentityService identity) {
    return config -> config.register(new AccessPolicyRestFilter(identity));
  }
}
