package nl.werkpact.keurmerk.keurmerk.process;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The withdrawal's REST endpoint ({@code /engine-rest/werkpact/keurmerken/{nummer}/intrekking}). */
@Configuration(proxyBeanMethods = false)
class KeurmerkWithdrawalConfiguration {

  @Bean
  ResourceConfigCustomizer withdrawalEndpoint(
      KeurmerkWithdrawals withdrawals,
      nl.werkpact.keurmerk.keurmerk.KeurmerkSuspensions suspensions,
      IdentityService identity) {
    return config ->
        config.register(new KeurmerkWithdrawalResource(withdrawals, suspensions, identity));
  }
}
