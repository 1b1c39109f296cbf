package com.healthplan.va.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.healthplan.va.security.CaseRoles;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.stereotype.Component;

/** {@code GET /fhir/Questionnaire/vertebral-augmentation-criteria}: the policy's checklist (DTR). */
@Component
class QuestionnaireProvider implements IResourceProvider {

  /** Providers' systems fill it in; the plan's own staff may read it too. */
  private static final List<String> READERS = readers();

  private final CriteriaQuestionnaire questionnaire;
  private final FhirCaller caller;

  QuestionnaireProvider(CriteriaQuestionnaire questionnaire, FhirCaller caller) {
    this.questionnaire = questionnaire;
    this.caller = caller;
  }

  @Override
  public Class<Questionnaire> getResourceType() {
    return Questionnaire.class;
  }

  @Read
  public Questionnaire read(@IdParam IdType id) {
    caller.requireAnyOf(READERS);
    if (!PasRequestReader.QUESTIONNAIRE_ID.equals(id.getIdPart())) {
      throw new ResourceNotFoundException(id);
    }
    return questionnaire.current();
  }

  private static List<String> readers() {
    List<String> readers = new ArrayList<>(CaseRoles.ALL);
    readers.add(CaseRoles.PROVIDER_SYSTEMS);
    return List.copyOf(readers);
  }
}
