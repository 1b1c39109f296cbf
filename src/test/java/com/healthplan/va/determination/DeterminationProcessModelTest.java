package com.healthplan.va.determination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The determination phase's model with the real prescreen decision (DMN {@code vcfEligibility}) on an in-memory
 * engine (the fast tier): the prescreen's findings reach the nurse's task, each of the nurse's and the physician's
 * decisions takes its path, information requested is waited for until its deadline, and the notices are asked
 * for. The case file's status, which the gateways read, is a map here; the beans that keep the case file are
 * tested with the application ({@link CaseDeterminationProcessTest}, {@link VcfEligibilityDecisionTest}).
 */
class DeterminationProcessModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
      .configurationResource("fast-tier.camunda.cfg.xml").build();

  private static final Instant DUE = Instant.parse("2027-01-08T22:00:00Z");
  private static final Instant INFORMATION_DUE = Instant.parse("2027-01-06T22:00:00Z");

  /** The case file's status, as the listeners would have written it. */
  private String status = "IN_REVIEW";
  private final Map<String, Object> facts = new HashMap<>();
  private final List<Object> prescreens = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();

  public class Statuses {
    public boolean is(DelegateExecution execution, String expected) {
      return expected.equals(status);
    }
  }

  public static class Clock {
    public Date dueAt(DelegateExecution execution) {
      return Date.from(DUE);
    }

    public Date informationDueAt(DelegateExecution execution) {
      return Date.from(INFORMATION_DUE);
    }
  }

  public static class Priority {
    public int of(DelegateExecution execution) {
      return 50;
    }
  }

  @BeforeEach
  void mockTheBeans() {
    AbstractAssertions.init(ENGINE.getProcessEngine());
    facts.putAll(Map.of("requestDate", "2026-12-28", "fractureDate", "2026-11-20", "painScore", 8,
        "painInterferesWithAdls", true, "adlsPreviouslyIndependent", true, "conservativeCareFailed", true,
        "imagingModality", "MRI"));
    facts.put("fractureLevels", new ArrayList<>(List.of("T12", "L1")));
    for (String exclusion : List.of("unstableFracture", "activeInfection", "uncorrectedCoagulopathy",
        "boneRetropulsion", "radicularSymptoms", "spinalTumorOrCordCompression",
        "materialAllergyOrContraindication", "otherSpinalPainGenerators")) {
      facts.put(exclusion, false);
    }
    Mocks.register("phaseStart", (ExecutionListener) execution -> { });
    // the facts the decision is judged on, as the case file gives them
    Mocks.register("criteriaFacts", (ExecutionListener) execution -> execution.setVariables(facts));
    Mocks.register("prescreenRecorded", (ExecutionListener) execution -> prescreens.add(
        execution.getVariable("prescreenResult")));
    Mocks.register("criteriaReviewed", (TaskListener) task -> status = (String) task.getVariable("next"));
    Mocks.register("medicalDirectorReviewed", (TaskListener) task -> status = (String) task.getVariable("next"));
    Mocks.register("informationReceived", (TaskListener) task -> status = "IN_REVIEW");
    Mocks.register("physicianAvailability", (TaskListener) task -> { });
    Mocks.register("requestInformation", (JavaDelegate) execution -> { });
    Mocks.register("decideOnInformationAtHand", (JavaDelegate) execution -> status = (String) execution
        .getVariable("atHand"));
    Mocks.register("requestNotice", (JavaDelegate) execution -> notices.add((String) execution.getVariable(
        "notice")));
    Mocks.register("caseStatuses", new Statuses());
    Mocks.register("determinationClock", new Clock());
    Mocks.register("reviewPriority", new Priority());
  }

  @AfterEach
  void forgetTheMocks() {
    Mocks.reset();
    AbstractAssertions.reset();
  }

  private ProcessInstance started() {
    return runtimeService().startProcessInstanceByKey("vertebralAugmentationDetermination", "VA-2026-000042");
  }

  private void complete(ProcessInstance instance, String next) {
    taskService().complete(task(instance).getId(), Map.of("next", next));
  }

  /** The prescreen's result: the unmet criteria's codes (one output column, collected). */
  private static List<String> unmetCriteria(Object prescreen) {
    return ((List<?>) prescreen).stream().map(String::valueOf).toList();
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationDetermination.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void aRequestMeetingEveryCriterionReachesTheNurseWithAnEmptyPrescreenAndHerApprovalEndsThePhase() {
    ProcessInstance instance = started();

    assertThat(unmetCriteria(prescreens.get(0))).isEmpty();
    assertThat(instance).isWaitingAt("UserTask_ReviewCriteria");
    assertThat(task(instance).getDueDate()).isEqualTo(Date.from(DUE));
    assertThat(taskService().getIdentityLinksForTask(task(instance).getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("um-nurses");
    complete(instance, "APPROVED");

    assertThat(instance).hasPassed("EndEvent_CoverageApproved").isEnded();
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationDetermination.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void thePrescreenNamesEachUnmetCriterionAndOnlyThePhysiciansTaskCanDeny() {
    facts.put("fractureDate", "2026-08-27"); // the request is one day past the 4 months
    facts.put("fractureLevels", new ArrayList<>(List.of("T3", "T12", "L1", "L2")));
    ProcessInstance instance = started();

    assertThat(unmetCriteria(prescreens.get(0))).containsExactly("FRACTURE_OLDER_THAN_4_MONTHS",
        "LEVEL_OUTSIDE_T5_L5", "MORE_THAN_3_LEVELS");
    complete(instance, "MEDICAL_DIRECTOR_REVIEW");
    assertThat(instance).isWaitingAt("UserTask_ReviewAsMedicalDirector");
    assertThat(taskService().getIdentityLinksForTask(task(instance).getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("medical-directors");
    complete(instance, "DENIED");

    assertThat(instance).hasPassed("EndEvent_CoverageDenied").isEnded();
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationDetermination.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void exactlyFourMonthsStillMeetsTheFractureAge() {
    facts.put("fractureDate", "2026-08-28");
    started();
    assertThat(unmetCriteria(prescreens.get(0))).isEmpty();
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationDetermination.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void requestedInformationIsWaitedForThenThePrescreenRunsAgainOnTheNewFacts() {
    facts.put("imagingModality", null);
    ProcessInstance instance = started();
    assertThat(unmetCriteria(prescreens.get(0))).containsExactly("FRACTURE_NOT_CONFIRMED_BY_IMAGING");
    complete(instance, "PENDED_FOR_INFORMATION");

    execute(job(instance)); // "Request missing information" runs in its own job
    assertThat(notices).containsExactly("INFORMATION_REQUEST");
    assertThat(instance).isWaitingAt("UserTask_RecordRequestedInformation");
    assertThat(task(instance).getDueDate()).isEqualTo(Date.from(INFORMATION_DUE));
    assertThat(job(instance).getDuedate()).isEqualTo(Date.from(INFORMATION_DUE));

    facts.put("imagingModality", "XRAY");
    taskService().complete(task(instance).getId());

    assertThat(unmetCriteria(prescreens.get(1))).isEmpty();
    assertThat(instance).isWaitingAt("UserTask_ReviewCriteria");
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationDetermination.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void whenTheInformationDeadlinePassesTheRequestIsDecidedOnTheInformationAtHand() {
    ProcessInstance instance = started();
    complete(instance, "PENDED_FOR_INFORMATION");
    execute(job(instance));

    runtimeService().setVariable(instance.getId(), "atHand", "CLOSED_INCOMPLETE");
    execute(job(instance)); // the deadline
    execute(job(instance)); // "Decide on the information at hand" in its own job

    assertThat(instance).hasPassed("EndEvent_ClosedIncomplete").isEnded();
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationDetermination.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void aDeadlinePassedThatIsNotAdverseSendsTheFileBackToTheNurse() {
    ProcessInstance instance = started();
    complete(instance, "PENDED_FOR_INFORMATION");
    execute(job(instance));

    runtimeService().setVariable(instance.getId(), "atHand", "IN_REVIEW");
    execute(job(instance));
    execute(job(instance));

    assertThat(instance).hasPassed("Gateway_DecidedAdversely").isWaitingAt("UserTask_ReviewCriteria");
  }
}
