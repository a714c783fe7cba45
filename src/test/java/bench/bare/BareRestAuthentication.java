package bench.bare;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bare starter's REST API behind HTTP Basic, Camunda's own filter, as the app's is: compared on equal terms. */
@Configuration(proxyBeanMethods = false)
class BareRestAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> bareRestAuthenticationFilter() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        "authentication-provider",
        "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider");
    return registration;
  }
}
