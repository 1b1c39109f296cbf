package com.healthplan.va.procedure;

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
 * The procedure phase's model with the real payment limits (DMN {@code vaPaymentLimits}) on an in-memory engine
 * (the fast tier): documentation reviewed (and asked for again while missing, alerted once overdue), scheduling,
 * the record, rescheduling and withdrawal, a schedule after the approval ending the phase for a new round, and each
 * finding of the payment limits for a recorded procedure. The case file's status, which the gateways read, is a
 * field here; the beans that keep the case file are tested with the application ({@link ProcedurePhaseProcessTest}).
 */
class ProcedureProcessModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
      .configurationResource("fast-tier.camunda.cfg.xml").build();

  private static final Instant DOCUMENTATION_DUE = Instant.parse("2027-01-15T22:00:00Z");

  private String status = "AWAITING_DOCUMENTATION";
  private final Map<String, Object> record = new HashMap<>();
  private final List<Object> findings = new ArrayList<>();
  private final List<String> sent = new ArrayList<>();

  public class Statuses {
    public boolean is(DelegateExecution execution, String expected) {
      return expected.equals(status);
    }
  }

  public static class DueDates {
    public Date schedule(DelegateExecution execution) {
      return Date.from(Instant.parse("2027-01-20T22:00:00Z"));
    }

    public Date record(DelegateExecution execution) {
      return Date.from(Instant.parse("2027-02-20T22:00:00Z"));
    }
  }

  @BeforeEach
  void mockTheBeans() {
    AbstractAssertions.init(ENGINE.getProcessEngine());
    // a clean record: approved 2027-01-04 for T12 and L1, fracture 2026-12-01, performed 2027-01-25
    record.putAll(Map.of("determinationDate", "2027-01-04", "procedureDate", "2027-01-25",
        "fractureDate", "2026-12-01", "imagingGuidance", "FLUOROSCOPY", "trocarPlacementImagesRetained", true,
        "finalVertebralBodyImagesRetained", true, "operativeNarrativeReceived", true,
        "openSpineProcedureSameSession", false, "setting", "OUTPATIENT"));
    record.put("levelsTreated", new ArrayList<>(List.of("T12", "L1")));
    record.put("approvedLevels", new ArrayList<>(List.of("T12", "L1")));
    record.put("biopsyLevels", new ArrayList<>());
    record.put("earlyProcedureRationale", null);
    record.put("inpatientJustification", null);
    Mocks.register("phaseStart", (ExecutionListener) execution -> { });
    Mocks.register("procedurePhaseStart", (ExecutionListener) execution -> execution.setVariable(
        "documentationDueAt", Date.from(DOCUMENTATION_DUE)));
    Mocks.register("procedureTaskCopies", (TaskListener) task -> { });
    Mocks.register("documentationReviewed", (TaskListener) task -> status = (String) task.getVariable("next"));
    Mocks.register("procedureScheduled", (TaskListener) task -> status = (String) task.getVariable("next"));
    Mocks.register("procedureRecorded", (TaskListener) task -> status = (String) task.getVariable("next"));
    Mocks.register("requestDocumentation", (JavaDelegate) execution -> sent.add("documentation requested"));
    Mocks.register("alertDocumentationOverdue", (JavaDelegate) execution -> sent.add("documentation overdue"));
    Mocks.register("paymentFacts", (ExecutionListener) execution -> execution.setVariables(record));
    Mocks.register("paymentFindingsRecorded", (ExecutionListener) execution -> findings.add(
        execution.getVariable("paymentLimitsResult")));
    Mocks.register("caseStatuses", new Statuses());
    Mocks.register("procedureDueDates", new DueDates());
  }

  @AfterEach
  void forgetTheMocks() {
    Mocks.reset();
    AbstractAssertions.reset();
  }

  private ProcessInstance started() {
    return runtimeService().startProcessInstanceByKey("vertebralAugmentationProcedure", "VA-2026-000042");
  }

  private void complete(ProcessInstance instance, String next) {
    taskService().complete(task(instance).getId(), Map.of("next", next));
  }

  private List<String> groups(ProcessInstance instance) {
    return taskService().getIdentityLinksForTask(task(instance).getId()).stream().map(IdentityLink::getGroupId)
        .toList();
  }

  /** Documented, scheduled and recorded; the payment limits' findings. */
  private List<?> recorded() {
    ProcessInstance instance = started();
    complete(instance, "READY_TO_SCHEDULE");
    complete(instance, "SCHEDULED");
    complete(instance, "IN_FOLLOW_UP");
    assertThat(instance).hasPassed("BusinessRuleTask_ApplyPaymentLimits", "EndEvent_ProcedureRecorded").isEnded();
    return (List<?>) findings.get(0);
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationProcedure.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void missingDocumentationIsAskedForAgainAndAlertedOnceOverdueThenTheProcedureIsScheduledAndRecorded() {
    ProcessInstance instance = started();
    assertThat(instance).isWaitingAt("UserTask_ReviewDocumentation");
    assertThat(groups(instance)).containsExactly("um-nurses");
    assertThat(task(instance).getDueDate()).isEqualTo(Date.from(DOCUMENTATION_DUE));

    complete(instance, "AWAITING_DOCUMENTATION");
    execute(job("ServiceTask_RequestDocumentation", instance));
    assertThat(instance).isWaitingAt("UserTask_ReviewDocumentation");
    execute(job("Timer_DocumentationOverdue", instance));
    execute(job("ServiceTask_AlertDocumentationOverdue", instance));
    assertThat(sent).containsExactly("documentation requested", "documentation overdue");

    complete(instance, "READY_TO_SCHEDULE");
    assertThat(instance).isWaitingAt("UserTask_ScheduleProcedure");
    assertThat(groups(instance)).containsExactly("follow-up-coordinators");
    complete(instance, "SCHEDULED");
    assertThat(groups(instance)).containsExactlyInAnyOrder("follow-up-coordinators", "um-nurses");
    complete(instance, "READY_TO_SCHEDULE"); // rescheduled
    assertThat(instance).isWaitingAt("UserTask_ScheduleProcedure");
    complete(instance, "SCHEDULED");
    complete(instance, "IN_FOLLOW_UP");

    assertThat(instance).hasPassed("EndEvent_ProcedureRecorded").isEnded();
    assertThat((List<?>) findings.get(0)).isEmpty();
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationProcedure.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void documentationAlreadyCompleteGoesStraightToScheduling() {
    status = "READY_TO_SCHEDULE";
    ProcessInstance instance = started();
    assertThat(instance).isWaitingAt("UserTask_ScheduleProcedure");
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationProcedure.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void aScheduleAfterTheApprovalEndsThePhaseForANewRoundAndAWithdrawalEndsIt() {
    ProcessInstance lapsed = started();
    complete(lapsed, "READY_TO_SCHEDULE");
    complete(lapsed, "IN_REVIEW");
    assertThat(lapsed).hasPassed("EndEvent_ApprovalLapsed").isEnded();

    status = "AWAITING_DOCUMENTATION";
    ProcessInstance withdrawn = started();
    complete(withdrawn, "READY_TO_SCHEDULE");
    complete(withdrawn, "SCHEDULED");
    complete(withdrawn, "WITHDRAWN");
    assertThat(withdrawn).hasPassed("EndEvent_WithdrawnBeforeProcedure").isEnded();
    assertThat(findings).isEmpty();
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationProcedure.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void thePaymentLimitsNameEachFindingOfTheRecord() {
    record.put("procedureDate", "2027-01-03"); // the day before the approval
    record.put("levelsTreated", new ArrayList<>(List.of("T11", "T12", "L1", "L2")));
    record.put("operativeNarrativeReceived", false);
    record.put("setting", "INPATIENT");

    assertThat(recorded()).map(String::valueOf).containsExactly("PERFORMED_BEFORE_AUTHORIZATION",
        "LEVEL_NOT_AUTHORIZED", "MORE_THAN_3_LEVELS_TREATED", "NO_OPERATIVE_NARRATIVE",
        "INPATIENT_WITHOUT_JUSTIFICATION");
  }

  @Test
  @Deployment(resources = {"bpmn/vertebralAugmentationProcedure.bpmn", "bpmn/vertebralAugmentationPolicy.dmn"})
  void aProcedureOnTheDayOfTheApprovalAndOnTheFracturesLastDayIsPayable() {
    record.put("determinationDate", "2027-04-01");
    record.put("procedureDate", "2027-04-01"); // 2026-12-01 + 4 months
    assertThat(recorded()).isEmpty();
  }
}
