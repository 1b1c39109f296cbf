package com.healthplan.va.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** HAPI FHIR's plain server as a servlet under {@code /fhir}, authenticated by the API's HTTP Basic filter. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

  /** One R4 context for the application: building it scans the whole model, and it is thread-safe. */
  @Bean
  FhirContext fhirContext() {
    FhirContext context = FhirContext.forR4();
    // a value the model cannot hold (a date of 2026-13-45, an unknown element) is refused, not silently dropped
    context.setParserErrorHandler(new StrictErrorHandler());
    return context;
  }

  @Bean
  ServletRegistrationBean<PasServer> fhirServlet(FhirContext context, ClaimOperations claims,
      QuestionnaireProvider questionnaires, @Value("${va.fhir.max-request-size}") DataSize maxRequestSize) {
    ServletRegistrationBean<PasServer> registration = new ServletRegistrationBean<>(
        new PasServer(context, claims, questionnaires, maxRequestSize.toBytes()), "/fhir/*");
    registration.setName("va-fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
