package com.healthplan.va.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.intake.IntakeValidator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files of {@code bpmn/} and {@code forms/} agree with each other and with the code: form ids, form fields
 * and the contract's names, criteria codes and their policy wording, decision keys, history time-to-live.
 */
class CaseDefinitionsContractTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> FORMS = List.of("caseIntake", "reviewCriteria", "medicalDirectorReview", "recordInformation",
      "reviewDocumentation", "scheduleProcedure", "recordProcedure", "resolvePaymentFindings", "followUp",
      "recordAppeal", "reviewAppeal", "recordPcpReport");

  static JsonNode form(String name) throws Exception {
    try (InputStream in = CaseDefinitionsContractTest.class.getResourceAsStream("/forms/" + name + ".form")) {
      return JSON.readTree(in);
    }
  }

  /** The case process and the phases it calls, each in a file named after its process id. */
  static final List<String> PROCESSES = List.of("vertebralAugmentationCase", "vertebralAugmentationDetermination",
      "vertebralAugmentationProcedure", "vertebralAugmentationFollowUp", "vertebralAugmentationAppeal",
      "vertebralAugmentationNotice");

  /** Every rule of the policy is a decision of one requirements graph, so that one cell serves every phase. */
  static DmnModelInstance policy() {
    return Dmn.readModelFromStream(
        CaseDefinitionsContractTest.class.getResourceAsStream("/bpmn/vertebralAugmentationPolicy.dmn"));
  }

  static BpmnModelInstance process() {
    return process("vertebralAugmentationCase");
  }

  static BpmnModelInstance process(String key) {
    return Bpmn.readModelFromStream(
        CaseDefinitionsContractTest.class.getResourceAsStream("/bpmn/" + key + ".bpmn"));
  }

  /** Every component with a key that a user can edit (not disabled). */
  static List<JsonNode> inputs(JsonNode components, boolean editableOnly) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode component : components) {
      if (component.has("components")) {
        found.addAll(inputs(component.get("components"), editableOnly));
      } else if (component.has("key") && !(editableOnly && component.path("disabled").asBoolean())) {
        found.add(component);
      }
    }
    return found;
  }

  static JsonNode component(String form, String key) throws Exception {
    return inputs(form(form).get("components"), false).stream().filter(c -> c.get("key").asText().equals(key))
        .findFirst().orElseThrow();
  }

  static List<String> values(JsonNode component, String property) {
    List<String> values = new ArrayList<>();
    component.get("values").forEach(v -> values.add(v.get(property).asText()));
    return values;
  }

  @ParameterizedTest
  @ValueSource(strings = {"caseIntake", "reviewCriteria", "medicalDirectorReview", "recordInformation"})
  void everyFormIsACamunda7FormNamedAfterItsFile(String name) throws Exception {
    JsonNode form = form(name);
    assertThat(form.get("id").asText()).isEqualTo("form_" + name);
    assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
    assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
  }

  @Test
  void theStartFormAsksForEveryIntakeFieldAndNothingElse() throws Exception {
    Set<String> keys = inputs(form("caseIntake").get("components"), true).stream()
        .map(c -> c.get("key").asText()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(keys).isEqualTo(new TreeSet<>(IntakeValidator.FIELDS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"reviewCriteria", "medicalDirectorReview"})
  void reviewersConfirmTheCriteriaInThePolicysWords(String name) throws Exception {
    // the options come from the case's criteria version (criteriaOptions, set by the prescreen), so the form states
    // the numbers of the cells that judged the case; a static list would keep old numbers
    JsonNode checklist = component(name, "reviewConfirmedCriteria");
    assertThat(checklist.path("valuesKey").asText()).isEqualTo("criteriaOptions");
    assertThat(checklist.has("values")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"reviewCriteria", "medicalDirectorReview"})
  void anAllMetPrescreenSaysSoInsteadOfShowingAnEmptyList(String name) throws Exception {
    JsonNode allMet = StreamSupport.stream(form(name).get("components").spliterator(), false)
        .filter(c -> c.path("id").asText().equals("Text_PrescreenAllMet")).findFirst().orElseThrow();
    assertThat(allMet.get("text").asText()).contains("every criterion and exclusion is met");
    assertThat(allMet.at("/conditional/hide").asText()).isEqualTo("=not(prescreenMeetsCriteria)");
    JsonNode unmet = StreamSupport.stream(form(name).get("components").spliterator(), false)
        .filter(c -> c.path("id").asText().equals("Text_PrescreenUnmet")).findFirst().orElseThrow();
    assertThat(unmet.at("/conditional/hide").asText()).isEqualTo("=prescreenMeetsCriteria");
  }

  @Test
  void theReviewFormsSubmitOnlyTheReviewersOwnFields() throws Exception {
    assertThat(keys("reviewCriteria")).containsExactlyInAnyOrder(
        "reviewConfirmedCriteria", "reviewDecision", "requestedInformation", "reviewNote", "extendDeterminationByDays",
        "extensionReason");
    assertThat(keys("medicalDirectorReview")).containsExactlyInAnyOrder(
        "reviewConfirmedCriteria", "medicalDirectorDecision", "medicalDirectorRationale", "approvedLevels",
        "approvalConditions");
  }

  private static List<String> keys(String form) throws Exception {
    return inputs(form(form).get("components"), true).stream()
        .filter(c -> !c.path("readonly").asBoolean()).map(c -> c.get("key").asText()).toList();
  }

  @Test
  void theProcessUsesTheDeployedFormsAndTheEligibilityDecision() throws Exception {
    List<String> formRefs = new ArrayList<>();
    for (String key : PROCESSES) {
      BpmnModelInstance file = process(key);
      assertThat(file.getModelElementsByType(Process.class)).extracting(Process::getId).containsExactly(key);
      for (StartEvent start : file.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          formRefs.add(start.getCamundaFormRef());
          assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
        }
      }
      for (UserTask task : file.getModelElementsByType(UserTask.class)) {
        formRefs.add(task.getCamundaFormRef());
        assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
        assertThat(task.getCamundaDueDate()).isNotBlank();
      }
    }
    BpmnModelInstance model = process("vertebralAugmentationDetermination");
    List<String> formIds = new ArrayList<>();
    for (String name : FORMS) {
      formIds.add(form(name).get("id").asText());
    }
    assertThat(formRefs.stream().distinct().toList()).containsExactlyInAnyOrderElementsOf(formIds);

    // the prescreen evaluates vcfEligibility of its own deployment on the case file's facts (not on variables)
    BusinessRuleTask prescreen = model.getModelElementById("BusinessRuleTask_PrescreenCriteria");
    assertThat(prescreen.getCamundaDecisionRef()).isEqualTo("vcfEligibility");
    assertThat(prescreen.getCamundaDecisionRefBinding()).isEqualTo("deployment");
    assertThat(prescreen.getCamundaDelegateExpression()).isNull();
    BusinessRuleTask limits = process("vertebralAugmentationProcedure")
        .getModelElementById("BusinessRuleTask_ApplyPaymentLimits");
    assertThat(limits.getCamundaDecisionRef()).isEqualTo("vaPaymentLimits");
    assertThat(limits.getCamundaDecisionRefBinding()).isEqualTo("deployment");
    assertThat(policy().getModelElementsByType(Decision.class)).extracting(Decision::getId)
        .contains("vcfEligibility", "vaPaymentLimits");
  }

  @Test
  void theDeterminationIsAPhaseTheCaseCallsWithItsCaseId() {
    CallActivity call = process().getModelElementById("CallActivity_DetermineCoverage");
    assertThat(call.getCalledElement()).isEqualTo("vertebralAugmentationDetermination");
    assertThat(call.getCamundaCalledElementBinding()).isEqualTo("deployment");
    assertThat(call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list())
        .anySatisfy(in -> assertThat(in.getCamundaBusinessKey()).isEqualTo("${execution.processBusinessKey}"));
    Process phase = process("vertebralAugmentationDetermination").getModelElementById("vertebralAugmentationDetermination");
    assertThat(phase.isCamundaStartableInTasklist()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"vertebralAugmentationCase", "vertebralAugmentationDetermination",
      "vertebralAugmentationProcedure", "vertebralAugmentationFollowUp", "vertebralAugmentationAppeal",
      "vertebralAugmentationNotice"})
  void asyncTasksTakeTheEnginesRetryCycle(String key) {
    assertThat(process(key).getModelElementsByType(ServiceTask.class)).allSatisfy(task -> {
      assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
      assertThat(task.getExtensionElements() == null ? List.of()
          : task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list())
          .as(task.getId()).isEmpty();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"vertebralAugmentationCase", "vertebralAugmentationDetermination",
      "vertebralAugmentationProcedure", "vertebralAugmentationFollowUp", "vertebralAugmentationAppeal",
      "vertebralAugmentationNotice"})
  void processesKeepHistoryForTheRetentionPeriod(String key) {
    Process process = process(key).getModelElementById(key);
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
  }

  @Test
  void processAndDecisionKeepHistoryForTheRetentionPeriod() {
    Process process = process().getModelElementById("vertebralAugmentationCase");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
    Decision decision = policy().getModelElementById("vcfEligibility");
    assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
  }

  /** Every decision of the policy's graph keeps its history as long as the case. */
  @Test
  void decisionsKeepHistoryForTheRetentionPeriod() {
    assertThat(policy().getModelElementsByType(Decision.class)).allSatisfy(decision ->
        assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isEqualTo("3650"));
  }

  /** An id's prefix names the element's kind; a boundary or catch event is named after what it waits for. */
  static String prefixFor(FlowNode node) {
    if (node instanceof BoundaryEvent || node instanceof IntermediateCatchEvent) {
      return "(Timer|Message)";
    }
    if (node instanceof IntermediateThrowEvent) {
      return "Event";
    }
    if (node instanceof Gateway) {
      return "Gateway";
    }
    return node.getElementType().getTypeName().substring(0, 1).toUpperCase()
        + node.getElementType().getTypeName().substring(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vertebralAugmentationCase", "vertebralAugmentationDetermination",
      "vertebralAugmentationProcedure", "vertebralAugmentationFollowUp", "vertebralAugmentationAppeal",
      "vertebralAugmentationNotice"})
  void elementIdsSayWhatTheyAre(String key) {
    Collection<FlowNode> nodes = process(key).getModelElementsByType(FlowNode.class);
    assertThat(nodes).allSatisfy(node ->
        assertThat(node.getId()).matches(prefixFor(node) + "_[A-Z][A-Za-z]+"));
    // a merge or a parallel split asks nothing, so it carries no label (as Modeler draws them); every other node does
    assertThat(nodes).filteredOn(node -> !(node instanceof ParallelGateway)
            && !(node instanceof Gateway && node.getOutgoing().size() < 2))
        .allSatisfy(node -> assertThat(node.getName()).as(node.getId()).isNotBlank());
  }
}
