package com.healthplan.va.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.intake.CaseIntakeService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application (in-memory H2, no job executor: tests run jobs themselves) with the demo users of the
 * default run, and a real SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// one context for every test, the operations tests' beans included: see assertOneEngineInThisJvm
@Import(OperationsTestSupport.Beans.class)
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

  @LocalServerPort protected int port;
  @Autowired protected ObjectMapper json;
  /** A client of the running application, with cookies (webapp sessions), fresh for each test. */
  protected Http http;

  /** A user with a login but none of the case's groups. */
  protected static final String NO_ROLE_USER = "no-role-user";
  protected static final String NO_ROLE_PASSWORD = "no-role-password";

  @BeforeEach
  void connectAssertionsMailAndClient() {
    assertOneEngineInThisJvm();
    AbstractAssertions.init(processEngine);
    TestMailServer.restart();
    TestMailServer.purge();
    http = new Http(port);
  }

  /**
   * The HTTP side (the authentication filter, the engine REST API, the webapps) finds its engine by name in
   * Camunda's JVM-wide registry, where the engine of the application context started last replaces any other of
   * the same name. A second application context in the test JVM (a test class with other configuration) thus
   * takes the engine away from this one: requests here would be authenticated on the other engine's identity
   * service, and this context's controllers would see no caller (403 for everyone). All tests share one context.
   */
  private void assertOneEngineInThisJvm() {
    org.assertj.core.api.Assertions.assertThat(EngineUtil.lookupProcessEngine(processEngine.getName()))
        .as("the engine named '%s' in Camunda's JVM-wide registry is this test context's engine: another "
            + "application context in this JVM (a test class with its own configuration) took it over",
            processEngine.getName())
        .isSameAs(processEngine);
  }

  /** Creates {@link #NO_ROLE_USER} once. */
  protected void createUserWithoutRole() {
    if (identityService.createUserQuery().userId(NO_ROLE_USER).count() == 0) {
      User user = identityService.newUser(NO_ROLE_USER);
      user.setPassword(NO_ROLE_PASSWORD);
      identityService.saveUser(user);
    }
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
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(CaseVariables.PROCESS_KEY).singleResult();
  }

  /** The open task of the case (in whichever of its phases it is), found by the case id like Tasklist's filters. */
  protected Task openTask(ProcessInstance instance, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  /** The determination phase the case called, while it runs (for assertions on its activities). */
  protected ProcessInstance determination(ProcessInstance caseInstance) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseInstance.getId())
        .processDefinitionKey(CaseVariables.DETERMINATION_PROCESS_KEY).singleResult();
  }

  /**
   * The id of the latest determination phase the case called, running or ended (a case back from scheduling is
   * determined again); null before it started.
   */
  protected String determinationId(ProcessInstance caseInstance) {
    return latestPhaseId(caseInstance, CaseVariables.DETERMINATION_PROCESS_KEY);
  }

  /** The id of the latest instance of a phase the case called, running or ended; null before it started. */
  protected String latestPhaseId(ProcessInstance caseInstance, String phaseKey) {
    List<HistoricProcessInstance> phases = historyService.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(caseInstance.getId()).processDefinitionKey(phaseKey)
        .orderByProcessInstanceStartTime().desc().list();
    return phases.isEmpty() ? null : phases.get(0).getId();
  }

  /** The ids of every process instance of the case: the case and the phases it called. */
  protected List<String> instanceIds(ProcessInstance caseInstance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseInstance.getBusinessKey())
        .list().stream().map(HistoricProcessInstance::getId).toList();
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
    while (!(jobs = jobsOf(instance, query -> query.messages().executable())).isEmpty()) {
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
      }
    }
  }

  protected Job timer(ProcessInstance instance, String activityId) {
    List<Job> timers = jobsOf(instance, query -> query.timers().activityId(activityId));
    return timers.isEmpty() ? null : timers.get(0);
  }

  /** The timer of one follow-up milestone (the milestone is modelled once, so its timers share their ids). */
  protected Job timer(ProcessInstance instance, String activityId, String milestone) {
    return jobsOf(instance, query -> query.timers().activityId(activityId)).stream()
        .filter(job -> milestone.equals(runtimeService.getVariable(job.getExecutionId(), "milestone")))
        .findFirst().orElse(null);
  }

  /** The jobs of every process instance of the case that match the query. */
  protected List<Job> jobsOf(ProcessInstance instance, java.util.function.UnaryOperator<JobQuery> query) {
    List<Job> jobs = new java.util.ArrayList<>();
    for (String id : instanceIds(instance)) {
      jobs.addAll(query.apply(managementService.createJobQuery().processInstanceId(id)).list());
    }
    return jobs;
  }

  /** All cases ever started, open or finished. */
  protected long caseCount() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("vertebralAugmentationCase")
        .count();
  }

  /**
   * A variable of the case as its forms see it: the determination phase's copy while it runs (or the last one it
   * had), else the case process's.
   */
  protected Object variable(ProcessInstance instance, String name) {
    String phase = determinationId(instance);
    if (phase != null) {
      Object inPhase = processScopeVariable(phase, name);
      if (inPhase != NONE) {
        return inPhase;
      }
    }
    Object inCase = processScopeVariable(instance.getId(), name);
    if (inCase == NONE) {
      throw new AssertionError("No variable " + name + " in case " + instance.getBusinessKey());
    }
    return inCase;
  }

  private static final Object NONE = new Object();

  /** A variable of the process instance's own scope (activities with input mappings have scopes of their own). */
  private Object processScopeVariable(String processInstanceId, String name) {
    for (var variable : historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).list()) {
      if (processInstanceId.equals(variable.getActivityInstanceId())) {
        return variable.getValue();
      }
    }
    return NONE;
  }

  /** The case file of the instance's case, as the application's tables hold it. */
  protected CaseFile caseFile(ProcessInstance instance) {
    return cases.get(instance.getBusinessKey());
  }

  /** The case moved on to its procedure phase and the approval's notice went out (its own process). */
  protected void assertApprovedAndInProcedurePhase(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("CallActivity_PrepareProcedure");
    org.assertj.core.api.Assertions.assertThat(noticesSent(instance)).isPositive();
  }

  /** The notice processes of the case that ended: one per decision notified. */
  protected long noticesSent(ProcessInstance instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(CaseVariables.NOTICE_PROCESS_KEY).finished().count();
  }

  /** The notice processes of the case still waiting for their mail job. */
  protected List<ProcessInstance> pendingNotices(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(CaseVariables.NOTICE_PROCESS_KEY).list();
  }

  /** The open task of one follow-up milestone (the milestone is modelled once; its tasks share their ids). */
  protected Task openTask(ProcessInstance instance, String taskDefinitionKey, String milestone) {
    return taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(taskDefinitionKey).taskVariableValueEquals("milestone", milestone).singleResult();
  }

  /** Claims a follow-up milestone's task as the user. */
  protected Task claimAs(String userId, ProcessInstance instance, String taskDefinitionKey, String milestone) {
    Task task = openTask(instance, taskDefinitionKey, milestone);
    taskService.claim(task.getId(), userId);
    return task;
  }

  /** Claims a follow-up milestone's task as the user and completes it with the form's values. */
  protected void completeAs(String userId, ProcessInstance instance, String taskDefinitionKey, String milestone,
      Map<String, Object> formValues) {
    taskService.complete(claimAs(userId, instance, taskDefinitionKey, milestone).getId(), formValues);
  }

  /** The one mail job waiting in the case's notice processes (the provider's notice first, then the letter). */
  protected Job noticeJob(ProcessInstance instance) {
    List<Job> jobs = new java.util.ArrayList<>();
    for (ProcessInstance notice : pendingNotices(instance)) {
      jobs.addAll(managementService.createJobQuery().processInstanceId(notice.getId()).messages().list());
    }
    org.assertj.core.api.Assertions.assertThat(jobs).as("notice jobs of " + instance.getBusinessKey()).hasSize(1);
    return jobs.get(0);
  }

  /** The running instance of a phase of the case (null when none runs). */
  protected ProcessInstance phase(ProcessInstance caseInstance, String phaseKey) {
    List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseInstance.getBusinessKey()).processDefinitionKey(phaseKey).list();
    return running.isEmpty() ? null : running.get(0);
  }

  /** Moves the current round's determination deadline (and its alert) in the case file, as time passing would. */
  protected void setDeterminationDueAt(ProcessInstance instance, java.time.Instant dueAt) {
    jdbc.update("UPDATE va_determination SET due_at = ? WHERE case_id = ? AND round = "
            + "(SELECT review_round FROM va_case WHERE case_id = ?)",
        dueAt.atOffset(java.time.ZoneOffset.UTC), instance.getBusinessKey(), instance.getBusinessKey());
  }

  protected void assertEnded(ProcessInstance instance, String endEvent) {
    assertThat(instance).isEnded().hasPassed(endEvent);
  }
}
