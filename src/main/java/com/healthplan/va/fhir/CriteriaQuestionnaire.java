package com.healthplan.va.fhir;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.PlanContacts;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.procedure.DocumentationItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.springframework.stereotype.Component;

/**
 * The policy's checklist as a DTR Questionnaire: a group per patient criterion and per exclusion, in the order of
 * decision {@code vcfEligibility}, each titled with the criterion's policy wording filled with the numbers of the
 * latest deployed criteria version's cells ({@link PolicyTerms}; its version is the Questionnaire's
 * {@code version}); inside it the facts that decide it, asked as the intake form asks them (linkIds are the intake
 * fields, which {@code $submit} reads); then the pre-procedure documentation the plan checks after an approval.
 */
@Component
class CriteriaQuestionnaire {

  /** The facts that decide each criterion, by its code; the levels come from the Claim's items. */
  private static final Map<EligibilityCriterion, List<String>> FACTS = new LinkedHashMap<>();

  static {
    FACTS.put(EligibilityCriterion.FRACTURE_OLDER_THAN_4_MONTHS, List.of(FRACTURE_DATE));
    FACTS.put(EligibilityCriterion.LEVEL_OUTSIDE_T5_L5, List.of());
    FACTS.put(EligibilityCriterion.MORE_THAN_3_LEVELS, List.of());
    FACTS.put(EligibilityCriterion.PAIN_CRITERION_NOT_MET,
        List.of(PAIN_SCORE, PAIN_INTERFERES_WITH_ADLS, ADLS_PREVIOUSLY_INDEPENDENT));
    FACTS.put(EligibilityCriterion.NOT_REFRACTORY_TO_CONSERVATIVE_CARE,
        List.of(CONSERVATIVE_CARE_FAILED, INTERVENTIONS_ATTEMPTED));
    FACTS.put(EligibilityCriterion.FRACTURE_NOT_CONFIRMED_BY_IMAGING, List.of(IMAGING_MODALITY, IMAGING_DATE));
  }

  /** The exclusions: each decided by the intake's yes/no field of the same meaning. */
  private static final Map<EligibilityCriterion, String> EXCLUSIONS = new LinkedHashMap<>();

  static {
    EXCLUSIONS.put(EligibilityCriterion.UNSTABLE_FRACTURE, UNSTABLE_FRACTURE);
    EXCLUSIONS.put(EligibilityCriterion.ACTIVE_INFECTION, ACTIVE_INFECTION);
    EXCLUSIONS.put(EligibilityCriterion.UNCORRECTED_COAGULOPATHY, UNCORRECTED_COAGULOPATHY);
    EXCLUSIONS.put(EligibilityCriterion.BONE_RETROPULSION, BONE_RETROPULSION);
    EXCLUSIONS.put(EligibilityCriterion.RADICULAR_SYMPTOMS, RADICULAR_SYMPTOMS);
    EXCLUSIONS.put(EligibilityCriterion.SPINAL_TUMOR_OR_CORD_COMPRESSION, SPINAL_TUMOR_OR_CORD_COMPRESSION);
    EXCLUSIONS.put(EligibilityCriterion.MATERIAL_ALLERGY_OR_CONTRAINDICATION, MATERIAL_ALLERGY_OR_CONTRAINDICATION);
    EXCLUSIONS.put(EligibilityCriterion.OTHER_SPINAL_PAIN_GENERATORS, OTHER_SPINAL_PAIN_GENERATORS);
  }

  private final PolicyDecisions policy;
  private final IntakeFormLabels form;
  private final PlanContacts plan;

  CriteriaQuestionnaire(PolicyDecisions policy, IntakeFormLabels form, PlanContacts plan) {
    this.policy = policy;
    this.form = form;
    this.plan = plan;
  }

  /** The Questionnaire of the latest deployed criteria version. */
  Questionnaire current() {
    return of(policy.terms(null));
  }

  Questionnaire of(PolicyTerms terms) {
    Questionnaire questionnaire = new Questionnaire();
    questionnaire.setId(PasRequestReader.QUESTIONNAIRE_ID);
    questionnaire.getMeta().addProfile(FhirNames.DTR_QUESTIONNAIRE);
    questionnaire.setUrl(FhirNames.QUESTIONNAIRE_URL);
    questionnaire.setVersion(String.valueOf(terms.criteriaVersion()));
    questionnaire.setName("VertebralAugmentationCriteria");
    questionnaire.setTitle(plan.criteriaPolicy());
    questionnaire.setStatus(Enumerations.PublicationStatus.ACTIVE);
    questionnaire.addSubjectType("Patient");
    questionnaire.setPublisher(plan.planName());
    questionnaire.setDescription("What " + plan.planName() + " needs to decide a prior authorization request for "
        + "percutaneous vertebral augmentation (vertebroplasty CPT 22510-22512, kyphoplasty CPT 22513-22515): the "
        + "policy's criteria and exclusions (criteria version " + terms.criteriaVersion() + "), and the "
        + "documentation checked before the procedure. Send the completed QuestionnaireResponse in the "
        + "Claim/$submit bundle, or the same facts as Observations coded as its questions are (the fracture's date "
        + "may be the onset of a Condition coded in ICD-10-CM); the levels to be treated are the Claim items' "
        + "bodySite.");

    // DTR's standard Questionnaire has a narrative: what it is, for a person reading the resource
    questionnaire.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED)
        .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(plan.criteriaPolicy())
            + ", criteria version " + terms.criteriaVersion() + ": what " + escape(plan.planName())
            + " needs to decide a prior authorization request for vertebroplasty or kyphoplasty.</p></div>");
    QuestionnaireItemComponent criteria = questionnaire.addItem().setLinkId("criteria")
        .setType(QuestionnaireItemType.GROUP).setText("Patient criteria");
    FACTS.forEach((criterion, facts) -> {
      QuestionnaireItemComponent group = criteria.addItem().setLinkId(criterion.name())
          .setType(QuestionnaireItemType.GROUP).setText(criterion.policyWording(terms));
      group.addCode(new Coding(FhirNames.CRITERIA_SYSTEM, criterion.name(), null));
      if (facts.isEmpty()) {
        group.addItem().setLinkId(criterion.name() + "-levels").setType(QuestionnaireItemType.DISPLAY)
            .setText(criterion.requestWording(terms) + ". The levels are the Claim items' bodySite.");
      }
      for (String fact : facts) {
        group.addItem(question(fact));
      }
    });

    QuestionnaireItemComponent exclusions = questionnaire.addItem().setLinkId("exclusions")
        .setType(QuestionnaireItemType.GROUP).setText("Exclusions");
    EXCLUSIONS.forEach((criterion, field) -> {
      QuestionnaireItemComponent group = exclusions.addItem().setLinkId(criterion.name())
          .setType(QuestionnaireItemType.GROUP).setText(criterion.policyWording(terms));
      group.addCode(new Coding(FhirNames.CRITERIA_SYSTEM, criterion.name(), null));
      group.addItem(question(field).setPrefix("Does the patient have"));
    });

    QuestionnaireItemComponent documentation = questionnaire.addItem().setLinkId("documentation")
        .setType(QuestionnaireItemType.GROUP)
        .setText("Documentation required before the procedure (checked after an approval)");
    for (DocumentationItem item : DocumentationItem.values()) {
      documentation.addItem().setLinkId(item.name()).setType(QuestionnaireItemType.DISPLAY)
          .setText(item.policyWording());
    }
    return questionnaire;
  }

  private static String escape(String text) {
    return org.springframework.web.util.HtmlUtils.htmlEscape(text);
  }

  /** A fact asked as the intake form asks it. */
  private QuestionnaireItemComponent question(String field) {
    IntakeFormLabels.Field labels = form.field(field);
    QuestionnaireItemComponent question = new QuestionnaireItemComponent().setLinkId(field).setText(labels.label())
        .setRequired(true);
    // the same fact may come as an Observation coded as this question is (ClinicalEntries)
    question.addCode(new Coding(FhirNames.FACT_SYSTEM, field, labels.label()));
    if (PAIN_SCORE.equals(field)) {
      question.addCode(new Coding(ClinicalEntries.LOINC, ClinicalEntries.PAIN_SEVERITY_0_10,
          "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));
    }
    question.addExtension(FhirNames.SDC_OBSERVATION_EXTRACT, new BooleanType(true));
    switch (field) {
      case FRACTURE_DATE, IMAGING_DATE -> question.setType(QuestionnaireItemType.DATE);
      case PAIN_SCORE -> {
        question.setType(QuestionnaireItemType.INTEGER);
        question.addExtension("http://hl7.org/fhir/StructureDefinition/minValue", new IntegerType(0));
        question.addExtension("http://hl7.org/fhir/StructureDefinition/maxValue", new IntegerType(10));
      }
      case INTERVENTIONS_ATTEMPTED -> {
        question.setType(QuestionnaireItemType.TEXT);
        question.addEnableWhen().setQuestion(CONSERVATIVE_CARE_FAILED)
            .setOperator(Questionnaire.QuestionnaireItemOperator.EQUAL).setAnswer(new BooleanType(true));
      }
      case IMAGING_MODALITY -> {
        question.setType(QuestionnaireItemType.CHOICE);
        labels.choices().forEach((code, label) -> question.addAnswerOption()
            .setValue(new Coding(FhirNames.PLAN + "/CodeSystem/imaging-modality", code, label)));
      }
      default -> question.setType(QuestionnaireItemType.BOOLEAN);
    }
    if (IMAGING_DATE.equals(field)) {
      question.addEnableWhen().setQuestion(IMAGING_MODALITY)
          .setOperator(Questionnaire.QuestionnaireItemOperator.NOT_EQUAL)
          .setAnswer(new Coding(FhirNames.PLAN + "/CodeSystem/imaging-modality", "NONE", null));
    }
    if (labels.description() != null && !labels.description().isBlank()) {
      question.addItem().setLinkId(field + "-help").setType(QuestionnaireItemType.DISPLAY)
          .setText(labels.description());
    }
    return question;
  }
}
