package com.healthplan.va.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.input.RefusedInputResponseFilter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Authentication against Camunda's identity service for the engine REST API, the case API and the FHIR
 * Prior Authorization API: the webapps'
 * session in a browser, HTTP Basic for machine clients ({@link WebappSessionOrBasic}); cross-site writes refused
 * on every path ({@link CrossSiteWrites}); no caching of answers with patient data ({@link ApiResponseHeaders}). Every password check, whichever the path, is slowed per client by
 * the {@link LoginThrottle} inside the engine.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  /** The provider of the engine's authentication filter (configured by class name, as in Camunda's web.xml). */
  private static final String SESSION_OR_BASIC_PROVIDER = WebappSessionOrBasic.class.getName();

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("va-basic-authentication");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/fhir/*", "/cds-services", "/cds-services/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SESSION_OR_BASIC_PROVIDER);
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

  /** Before any authentication: a browser's state-changing request from another site is refused on every path. */
  @Bean
  FilterRegistrationBean<CrossSiteWrites> crossSiteWrites(@Value("${va.public-base-url}") String publicBaseUrl) {
    FilterRegistrationBean<CrossSiteWrites> registration = new FilterRegistrationBean<>(
        new CrossSiteWrites(publicBaseUrl));
    registration.setName("va-cross-site-writes");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /** Around every sign-in: held-back attempts answered 429 with Retry-After, one answer for every failure. */
  @Bean
  FilterRegistrationBean<LoginAnswers> loginAnswers() {
    FilterRegistrationBean<LoginAnswers> registration = new FilterRegistrationBean<>(new LoginAnswers());
    registration.setName("va-login-answers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** The error page's own path, asked for directly, is no page (404), not Spring's bare 500. */
  @Bean
  FilterRegistrationBean<DirectErrorPathFilter> directErrorPath() {
    FilterRegistrationBean<DirectErrorPathFilter> registration = new FilterRegistrationBean<>(
        new DirectErrorPathFilter());
    registration.setName("va-direct-error-path");
    registration.addUrlPatterns("/error", "/error/*");
    registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
    return registration;
  }

  /** Answers with patient data are never cached or type-sniffed. */
  @Bean
  FilterRegistrationBean<ApiResponseHeaders> apiResponseHeaders() {
    FilterRegistrationBean<ApiResponseHeaders> registration = new FilterRegistrationBean<>(new ApiResponseHeaders());
    registration.setName("va-api-response-headers");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/fhir/*", "/cds-services",
        "/cds-services/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
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
