package com.healthplan.va.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The follow-up phase's model alone, on an in-memory engine (the fast tier): one milestone modelled once and run
 * for each of the four, each waiting for its due day; the nurse's call, chased while overdue; a milestone deferred
 * to the PCP e-mailed, reminded while reminders are left, then the coordinators alerted, and ended by the report.
 * Every bean the model names is mocked; what they do is tested with the application
 * ({@link FollowUpPhaseProcessTest}, {@link PcpReportPageTest}).
 */
class FollowUpProcessModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
      .configurationResource("fast-tier.camunda.cfg.xml").build();

  private static final List<String> MILESTONES = List.of("ONE_WEEK", "ONE_MONTH", "THREE_MONTHS", "ONE_YEAR");
  private static final Map<String, Instant> DUE = Map.of("ONE_WEEK", Instant.parse("2027-01-08T14:00:00Z"),
      "ONE_MONTH", Instant.parse("2027-02-01T14:00:00Z"), "THREE_MONTHS", Instant.parse("2027-04-01T13:00:00Z"),
      "ONE_YEAR", Instant.parse("2028-01-03T14:00:00Z"));
  private static final int MAX_REMINDERS = 2;

  private final Set<String> deferred = new HashSet<>();
  private final Set<String> reported = new HashSet<>();
  private final Map<String, Integer> reminders = new HashMap<>();
  private final List<String> sent = new ArrayList<>();

  /** What the checks would read from the case file. */
  public class Checks {
    public List<String> milestones() {
      return MILESTONES;
    }

    public boolean deferred(DelegateExecution execution, String milestone) {
      return deferred.contains(milestone);
    }

    public boolean reported(DelegateExecution execution, String milestone) {
      return reported.contains(milestone);
    }

    public boolean remindersLeft(DelegateExecution execution, String milestone) {
      return reminders.getOrDefault(milestone, 0) < MAX_REMINDERS;
    }
  }

  /** The deadlines the follow-up clock would compute from the procedure day. */
  public static class Clock {
    public Date dueAt(DelegateExecution execution, String milestone) {
      return Date.from(DUE.get(milestone));
    }

    public Date endOfDueDay(DelegateExecution execution, String milestone) {
      return Date.from(DUE.get(milestone).plusSeconds(10 * 3600));
    }

    public String overdueCycle(DelegateExecution execution, String milestone) {
      return "R/" + DUE.get(milestone).plusSeconds(10 * 3600) + "/P2D";
    }

    public String pcpReminderCycle() {
      return "R/P7D";
    }

    public Date pcpReportDueAt(DelegateExecution execution, String milestone) {
      return Date.from(DUE.get(milestone).plusSeconds(21 * 86400));
    }
  }

  @BeforeEach
  void mockTheBeans() {
    AbstractAssertions.init(ENGINE.getProcessEngine());
    Mocks.register("phaseStart", (ExecutionListener) execution -> { });
    Mocks.register("followUpPhaseStart", (ExecutionListener) execution -> { });
    Mocks.register("followUpTask", (TaskListener) task -> { });
    Mocks.register("pcpReportTask", (TaskListener) task -> { });
    Mocks.register("followUpChecks", new Checks());
    Mocks.register("followUpClock", new Clock());
    Mocks.register("alertFollowUpOverdue", (JavaDelegate) execution -> sent.add("overdue "
        + execution.getVariable("milestone")));
    Mocks.register("alertPcpReportOverdue", (JavaDelegate) execution -> sent.add("PCP report overdue "
        + execution.getVariable("milestone")));
    Mocks.register("requestPcpReport", (JavaDelegate) execution -> sent.add("PCP asked "
        + execution.getVariable("milestone")));
    Mocks.register("remindPcp", (JavaDelegate) execution -> {
      String milestone = (String) execution.getVariable("milestone");
      reminders.merge(milestone, 1, Integer::sum);
      sent.add("PCP reminded " + milestone);
    });
  }

  @AfterEach
  void forgetTheMocks() {
    Mocks.reset();
    AbstractAssertions.reset();
  }

  private ProcessInstance started() {
    return runtimeService().startProcessInstanceByKey("vertebralAugmentationFollowUp", "VA-2026-000042");
  }

  /** The milestone's "Follow-up due" timer. */
  private Job dueTimer(ProcessInstance instance, String milestone) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Timer_FollowUpDue")
        .duedateLowerThan(Date.from(DUE.get(milestone).plusSeconds(1)))
        .duedateHigherThan(Date.from(DUE.get(milestone).minusSeconds(1))).singleResult();
  }

  private Job asyncJob(ProcessInstance instance, String activityId) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult();
  }

  private Task task(ProcessInstance instance, String key) {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  private List<String> groups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
  }

  @Test
  @Deployment(resources = "bpmn/vertebralAugmentationFollowUp.bpmn")
  void eachOfTheFourMilestonesWaitsForItsDueDayThenTheNurseCallsAndTheLastEndsThePhase() {
    ProcessInstance instance = started();

    assertThat(instance).isWaitingAt("Timer_FollowUpDue");
    for (String milestone : MILESTONES) {
      assertThat(dueTimer(instance, milestone)).as(milestone).isNotNull();
    }
    for (String milestone : MILESTONES) {
      execute(dueTimer(instance, milestone));
      Task call = task(instance, "UserTask_FollowUp");
      assertThat(taskService().getVariable(call.getId(), "milestone")).isEqualTo(milestone);
      assertThat(call.getDueDate()).isEqualTo(new Clock().endOfDueDay(null, milestone));
      assertThat(groups(call)).containsExactly("um-nurses");
      taskService().complete(call.getId());
    }

    assertThat(instance).hasPassed("EndEvent_MilestoneDone").isEnded();
    assertThat(instance).hasPassed("EndEvent_FollowUpsCompleted");
    assertThat(sent).isEmpty();
  }

  @Test
  @Deployment(resources = "bpmn/vertebralAugmentationFollowUp.bpmn")
  void anOverdueCallAlertsTheCoordinatorsAtEveryRepetitionUntilItIsDone() {
    ProcessInstance instance = started();
    execute(dueTimer(instance, "ONE_WEEK"));

    for (int repetition = 1; repetition <= 2; repetition++) {
      Job overdue = managementService().createJobQuery().processInstanceId(instance.getId())
          .activityId("Timer_FollowUpOverdue").singleResult();
      execute(overdue);
      execute(asyncJob(instance, "ServiceTask_AlertFollowUpOverdue"));
    }

    assertThat(sent).containsExactly("overdue ONE_WEEK", "overdue ONE_WEEK");
    assertThat(task(instance, "UserTask_FollowUp")).isNotNull();
  }

  @Test
  @Deployment(resources = "bpmn/vertebralAugmentationFollowUp.bpmn")
  void aMilestoneDeferredToThePcpIsMailedRemindedWhileRemindersAreLeftAndEndedByTheReport() {
    deferred.add("THREE_MONTHS");
    ProcessInstance instance = started();
    execute(dueTimer(instance, "THREE_MONTHS"));

    assertThat(task(instance, "UserTask_FollowUp")).as("no nurse call for a deferred milestone").isNull();
    execute(asyncJob(instance, "ServiceTask_RequestPcpReport"));
    Task tracking = task(instance, "UserTask_RecordPcpReport");
    assertThat(groups(tracking)).containsExactly("follow-up-coordinators");
    assertThat(tracking.getDueDate()).isEqualTo(new Clock().pcpReportDueAt(null, "THREE_MONTHS"));

    for (int reminder = 1; reminder <= MAX_REMINDERS + 1; reminder++) {
      execute(managementService().createJobQuery().processInstanceId(instance.getId())
          .activityId("Timer_PcpReminderDue").singleResult());
      Job next = asyncJob(instance, reminder <= MAX_REMINDERS ? "ServiceTask_RemindPcp"
          : "ServiceTask_AlertPcpReportOverdue");
      execute(next);
    }
    assertThat(sent).containsExactly("PCP asked THREE_MONTHS", "PCP reminded THREE_MONTHS",
        "PCP reminded THREE_MONTHS", "PCP report overdue THREE_MONTHS");

    // the PCP's report through the signed link ends the wait
    runtimeService().createMessageCorrelation("FollowUpReported").processInstanceId(instance.getId())
        .localVariableEquals("milestone", "THREE_MONTHS").correlate();
    assertThat(task(instance, "UserTask_RecordPcpReport")).isNull();
    assertThat(instance).hasPassed("Message_PcpReportReceived");
    assertThat(instance).isNotEnded();
  }

  @Test
  @Deployment(resources = "bpmn/vertebralAugmentationFollowUp.bpmn")
  void aReportAlreadyInWhenTheMilestoneFallsDueAsksNobody() {
    reported.add("ONE_MONTH");
    deferred.add("ONE_MONTH");
    ProcessInstance instance = started();
    execute(dueTimer(instance, "ONE_MONTH"));

    assertThat(task(instance, "UserTask_FollowUp")).isNull();
    assertThat(task(instance, "UserTask_RecordPcpReport")).isNull();
    assertThat(asyncJob(instance, "ServiceTask_RequestPcpReport")).isNull();
    assertThat(instance).hasPassed("Gateway_ReportAlreadyIn", "EndEvent_MilestoneDone");
  }
}
