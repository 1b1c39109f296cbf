package com.healthplan.va.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.intake.CaseIntakeService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application (in-memory H2, no job executor: tests run jobs themselves) with the demo users of the
 * default run, and a real SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CaseTestSupport {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected HistoryService historyService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected CaseIntakeService intakeService;
  @Autowired protected PlanCalendar calendar;
  @Autowired protected CaseRepository cases;
  @Autowired protected JdbcTemplate jdbc;

  @BeforeEach
  void connectAssertionsAndMail() {
    AbstractAssertions.init(processEngine);
    TestMailServer.restart();
    TestMailServer.purge();
  }

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  protected Map<String, Object> eligibleIntake() {
    return Intakes.eligible(calendar.today());
  }

  protected LocalDate today() {
    return calendar.today();
  }

  /** Opens a case through the case API's service and returns its process instance. */
  protected ProcessInstance openCase(Map<String, Object> intake) {
    String caseId = intakeService.open(intake);
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
  }

  protected Task openTask(ProcessInstance instance, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  /** Claims the open task as the user, as Tasklist requires before completing. */
  protected Task claimAs(String userId, ProcessInstance instance, String taskDefinitionKey) {
    Task task = openTask(instance, taskDefinitionKey);
    taskService.claim(task.getId(), userId);
    return task;
  }

  /** Claims the task as the user and completes it with the form's values, as Tasklist does. */
  protected void completeAs(String userId, ProcessInstance instance, String taskDefinitionKey,
      Map<String, Object> formValues) {
    taskService.complete(claimAs(userId, instance, taskDefinitionKey).getId(), formValues);
  }

  /** Runs the instance's due asynchronous continuations (e-mails) until none is left. */
  protected void runAsyncJobs(ProcessInstance instance) {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().processInstanceId(instance.getId())
        .messages().executable().list()).isEmpty()) {
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
      }
    }
  }

  protected Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult();
  }

  /** All cases ever started, open or finished. */
  protected long caseCount() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("vertebralAugmentationCase")
        .count();
  }

  protected Object variable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  /** The case file of the instance's case, as the application's tables hold it. */
  protected CaseFile caseFile(ProcessInstance instance) {
    return cases.get(instance.getBusinessKey());
  }

  protected void assertEnded(ProcessInstance instance, String endEvent) {
    assertThat(instance).isEnded().hasPassed(endEvent);
  }
}
