package com.healthplan.va.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.input.RefusedInputResponseFilter;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic authentication against Camunda's identity service for the engine REST API and the case API.
 * The webapps keep their own session login. Failed logins count towards Camunda's login throttling.
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
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HTTP_BASIC_PROVIDER);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** After authentication: what the engine APIs may do to a case beyond Camunda's permissions. */
  @Bean
  FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(ObjectMapper json, TaskService tasks,
      FormService forms) {
    FilterRegistrationBean<EngineRequestGuard> registration =
        new FilterRegistrationBean<>(new EngineRequestGuard(json, tasks, forms));
    registration.setName("va-engine-request-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
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
