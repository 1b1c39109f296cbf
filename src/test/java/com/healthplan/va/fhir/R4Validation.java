package com.healthplan.va.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's instance validator against base FHIR R4: structure, cardinality, invariants, and the bindings of the
 * code systems it carries (the base specification's and the common ones: UCUM, languages, countries). The Da Vinci
 * packages (PAS, DTR, CRD) are not reachable offline: the one message let through is the validator's "could not be
 * found" for a profile of theirs named in {@code meta.profile}, which it then cannot check. CPT, X12 and the plan's
 * own code systems are not on this machine either. Every other error fails the test.
 */
final class R4Validation {

  private static final FhirValidator VALIDATOR = validator();

  private R4Validation() {
  }

  private static FhirValidator validator() {
    FhirContext context = FhirContext.forR4Cached();
    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
        new SnapshotGeneratingValidationSupport(context), new InMemoryTerminologyServerValidationSupport(context),
        new CommonCodeSystemsTerminologyService(context));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    // extensions of the Da Vinci guides are allowed; their definitions are what cannot be loaded offline
    module.setAnyExtensionsAllowed(true);
    FhirValidator validator = context.newValidator();
    validator.registerValidatorModule(module);
    return validator;
  }

  /** The errors (and fatal messages) HAPI's validator finds in the resource, as "location: message". */
  static List<String> errors(String resource) {
    ValidationResult result = VALIDATOR.validateWithResult(resource);
    return result.getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .filter(m -> !unknownDaVinciProfile(m)).map(R4Validation::text).toList();
  }

  private static boolean unknownDaVinciProfile(SingleValidationMessage message) {
    String text = message.getMessage();
    return text.contains("http://hl7.org/fhir/us/davinci-")
        && (text.contains("could not be found") || text.startsWith("Invalid profile. Failed to retrieve profile"));
  }

  /** Fails unless the resource (JSON or XML) validates against FHIR R4 without an error. */
  static void assertValid(String resource) {
    assertThat(errors(resource)).as("FHIR R4 validation of %s", abbreviated(resource)).isEmpty();
  }

  private static String text(SingleValidationMessage message) {
    return message.getLocationString() + ": " + message.getMessage();
  }

  private static String abbreviated(String resource) {
    return resource.length() > 300 ? resource.substring(0, 300) + "..." : resource;
  }
}
