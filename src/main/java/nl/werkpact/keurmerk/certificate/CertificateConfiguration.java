package nl.werkpact.keurmerk.certificate;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The certificate's REST endpoint, beside the REST API of the engine ({@code /engine-rest/werkpact/certificaten}). */
@Configuration(proxyBeanMethods = false)
class CertificateConfiguration {

  @Bean
  ResourceConfigCustomizer certificateEndpoint(
      Certificates certificates, IdentityService identity) {
    return config -> config.register(new CertificateResource(certificates, identity));
  }
}
