package nl.werkpact.keurmerk.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the REST API and the webapps answer what went wrong: in Dutch, one sentence, our own refusals as they were
 * meant. Each feature registers its own REST endpoints beside its code; the guards of who may call what live in
 * {@code guard/}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** Outermost: whatever fails behind it reaches the caller as one Dutch sentence (ErrorResponseFilter). */
  @Bean
  FilterRegistrationBean<ErrorResponseFilter> errorResponses() {
    var registration = new FilterRegistrationBean<>(new ErrorResponseFilter());
    registration.setName("error-responses");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(ErrorResponseFilter.ORDER);
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
  ResourceConfigCustomizer invalidRequestsAreBadRequests() {
    return config ->
        config
            .register(InvalidRequestExceptionMapper.class)
            .register(InvalidRequestExceptionMapper.Direct.class);
  }
}
