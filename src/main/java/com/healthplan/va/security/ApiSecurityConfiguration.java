package com.healthplan.va.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.input.RefusedInputResponseFilter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic authentication against Camunda's identity service for the engine REST API, the case API and the FHIR
 * Prior Authorization API.
 * The webapps keep their own session login. Every password check, whichever the path, is slowed per client by
 * the {@link LoginThrottle} inside the engine.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  /** Documented provider class of the engine REST API (configured by name, as in Camunda's web.xml). */
  private static final String HTTP_BASIC_PROVIDER =
      "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider";

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("va-basic-authentication");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/fhir/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HTTP_BASIC_PROVIDER);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** First of all: the client's address, for the login throttle inside the engine. */
  @Bean
  FilterRegistrationBean<ClientAddress> clientAddress() {
    FilterRegistrationBean<ClientAddress> registration = new FilterRegistrationBean<>(new ClientAddress());
    registration.setName("va-client-address");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Runs inside the authentication, so refused input is reported only to authenticated callers. */
  @Bean
  FilterRegistrationBean<RefusedInputResponseFilter> refusedInputResponses(ObjectMapper json) {
    FilterRegistrationBean<RefusedInputResponseFilter> registration =
        new FilterRegistrationBean<>(new RefusedInputResponseFilter(json));
    registration.setName("va-refused-input");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
