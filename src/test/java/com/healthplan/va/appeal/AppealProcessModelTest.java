package com.healthplan.va.appeal;

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
import java.util.List;
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
 * The appeal phase's model alone, on an in-memory engine (the fast tier): its paths, deadlines and the notice it
 * asks for, with every bean it names mocked. What the beans do (the case file, the rules, the notices) is tested
 * with the application in {@link AppealProcessTest}; this runs in about a second.
 */
class AppealProcessModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
      .configurationResource("fast-tier.camunda.cfg.xml").build();

  private static final Instant WINDOW_CLOSES = Instant.parse("2027-02-05T05:00:00Z");
  private static final Instant DECISION_DUE = Instant.parse("2027-01-04T15:00:00Z");
  private static final Instant ESCALATION = Instant.parse("2027-01-03T15:00:00Z");

  /** The deadlines the appeal clock would compute from the case file. */
  public static class FixedClock {
    public Date windowClosesAt(DelegateExecution execution) {
      return Date.from(WINDOW_CLOSES);
    }

    public Date dueAt(DelegateExecution execution) {
      return Date.from(DECISION_DUE);
    }

    public Date escalationAt(DelegateExecution execution) {
      return Date.from(ESCALATION);
    }
  }

  private final List<String> noticesRequested = new ArrayList<>();
  private final List<String> alerts = new ArrayList<>();
  private final List<String> tasksCreated = new ArrayList<>();

  @BeforeEach
  void mockTheBeans() {
    // this test's engine for the assertions, whichever engine a test before it in this JVM used
    AbstractAssertions.init(ENGINE.getProcessEngine());
    Mocks.register("phaseStart", (ExecutionListener) execution -> { });
    Mocks.register("appealRecorded", (TaskListener) task -> tasksCreated.add(task.getEventName() + " "
        + task.getTaskDefinitionKey()));
    Mocks.register("physicianAvailability", (TaskListener) task -> tasksCreated.add("physicians checked"));
    Mocks.register("copyCaseDocuments", (TaskListener) task -> { });
    Mocks.register("appealReviewed", (TaskListener) task -> { });
    Mocks.register("alertAppealDueSoon", (JavaDelegate) execution -> alerts.add(execution.getBusinessKey()));
    Mocks.register("requestNotice", (JavaDelegate) execution -> noticesRequested.add(
        (String) execution.getVariable("notice")));
    Mocks.register("appealClock", new FixedClock());
  }

  @AfterEach
  void forgetTheMocks() {
    Mocks.reset();
    AbstractAssertions.reset();
  }

  private ProcessInstance opened() {
    return runtimeService().startProcessInstanceByKey("vertebralAugmentationAppeal", "VA-2026-000042");
  }

  @Test
  @Deployment(resources = "bpmn/vertebralAugmentationAppeal.bpmn")
  void withoutAnAppealTheWindowClosesAtTheClocksMoment() {
    ProcessInstance instance = opened();

    assertThat(instance).isWaitingAt("UserTask_RecordAppeal");
    assertThat(task(instance).getDueDate()).isEqualTo(Date.from(WINDOW_CLOSES));
    assertThat(taskService().getIdentityLinksForTask(task(instance).getId())).extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder("um-nurses", "follow-up-coordinators");
    assertThat(job(instance).getDuedate()).isEqualTo(Date.from(WINDOW_CLOSES));

    execute(job(instance));

    assertThat(instance).hasPassed("Timer_AppealWindowClosed").isEnded();
    assertThat(instance).hasPassed("EndEvent_NotAppealed");
    assertThat(noticesRequested).isEmpty();
  }

  @Test
  @Deployment(resources = "bpmn/vertebralAugmentationAppeal.bpmn")
  void anAppealIsReviewedByAPhysicianAlertedBeforeItsDueAndEndsWithItsNotice() {
    ProcessInstance instance = opened();
    taskService().complete(task(instance).getId());

    assertThat(instance).isWaitingAt("UserTask_ReviewAppeal");
    assertThat(task(instance).getDueDate()).isEqualTo(Date.from(DECISION_DUE));
    assertThat(taskService().getIdentityLinksForTask(task(instance).getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("medical-directors");
    assertThat(tasksCreated).containsExactly("create UserTask_RecordAppeal", "complete UserTask_RecordAppeal",
        "physicians checked");

    // the due-soon timer, then the alert in its own job (mail only from asynchronous jobs)
    assertThat(job(instance).getDuedate()).isEqualTo(Date.from(ESCALATION));
    execute(job(instance));
    execute(job(instance));
    assertThat(alerts).containsExactly("VA-2026-000042");
    assertThat(instance).isWaitingAt("UserTask_ReviewAppeal");

    taskService().complete(task(instance).getId());

    assertThat(instance).hasPassed("Event_AppealNoticeRequested", "EndEvent_AppealDecided").isEnded();
    assertThat(noticesRequested).containsExactly("APPEAL_DECISION");
  }

  @Test
  @Deployment(resources = "bpmn/vertebralAugmentationAppeal.bpmn")
  void whenTheCaseMovesOnTheAppealEndsWithoutADecisionOrANotice() {
    ProcessInstance recording = opened();
    assertThat(recording).isWaitingAt("UserTask_RecordAppeal");
    runtimeService().correlateMessage("AppealWindowClosed", "VA-2026-000042");
    assertThat(recording).hasPassed("Message_AppealNoLongerPossible", "EndEvent_NotAppealed").isEnded();

    ProcessInstance reviewing = opened();
    taskService().complete(task(reviewing).getId());
    runtimeService().correlateMessage("AppealClosedWithoutDecision", "VA-2026-000042");

    assertThat(reviewing).hasPassed("Message_ReviewNoLongerNeeded", "EndEvent_AppealClosedWithoutDecision").isEnded();
    assertThat(noticesRequested).isEmpty();
  }
}
