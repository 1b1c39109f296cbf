package com.healthplan.va.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.procedure.ProcedureTestSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared Tasklist filters: each role sees the filters of its work and no other, and each filter lists the
 * tasks its name promises (follow-ups due today against overdue ones, PCP hand-offs awaiting a report).
 */
class TasklistFiltersTest extends ProcedureTestSupport {

  @Autowired FilterService filters;
  @Autowired TasklistFilters setup;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private List<String> filterNamesSeenBy(String userId, String group) {
    identityService.setAuthentication(userId, List.of(group));
    try {
      return filters.createTaskFilterQuery().orderByFilterId().asc().list().stream().map(Filter::getName).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** " ONE_WEEK" for a follow-up milestone's task (they share their BPMN id), else nothing. */
  private String milestoneOf(Task task) {
    Object milestone = taskService.getVariableLocal(task.getId(), "milestone");
    return milestone == null ? "" : " " + milestone;
  }

  private List<String> tasksIn(String filterName, String userId, String group) {
    identityService.setAuthentication(userId, List.of(group));
    try {
      Filter filter = filters.createTaskFilterQuery().filterName(filterName).singleResult();
      return filters.<Task>list(filter.getId()).stream()
          .map(task -> task.getTaskDefinitionKey() + milestoneOf(task) + " " + runtimeService.createProcessInstanceQuery()
              .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey())
          .toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void eachRoleSeesTheFiltersOfItsWork() {
    assertThat(filterNamesSeenBy("nurse1", CaseRoles.NURSES)).containsExactlyInAnyOrder("My tasks",
        "Criteria reviews", "Pre-procedure documentation", "Procedure records", "Follow-ups due today",
        "Overdue follow-ups", "Denials open to appeal");
    assertThat(filterNamesSeenBy("md1", CaseRoles.MEDICAL_DIRECTORS)).containsExactlyInAnyOrder("My tasks",
        "Medical director queue", "Appeals");
    assertThat(filterNamesSeenBy("coord1", CaseRoles.COORDINATORS)).containsExactlyInAnyOrder("My tasks",
        "Appeals", "Pre-procedure documentation", "Scheduling", "Procedure records", "Payment findings",
        "Follow-ups due today", "Overdue follow-ups", "PCP reports awaited", "Denials open to appeal",
        "Determinations due within 24 hours");
    // the filters of an earlier release are gone, not left beside the new ones
    assertThat(filterNamesSeenBy("demo", CaseRoles.ADMINISTRATORS)).doesNotContain("Follow-ups",
        "Scheduling and procedure records").contains("PCP reports awaited", "Medical director queue");
  }

  @Test
  void theSharedFiltersOfAnEarlierReleaseAreRetiredAndAPersonsOwnFiltersAreLeftAlone() {
    Filter earlier = filters.newTaskFilter("Follow-ups");
    earlier.setQuery(taskService.createTaskQuery());
    filters.saveFilter(earlier);
    Filter personal = filters.newTaskFilter("Scheduling");
    personal.setOwner("coord1");
    personal.setQuery(taskService.createTaskQuery().taskAssignee("coord1"));
    personal.setProperties(Map.of("description", "my own"));
    filters.saveFilter(personal);
    try {
      setup.createOrUpdate();

      assertThat(filters.createTaskFilterQuery().filterId(earlier.getId()).count()).isZero();
      Filter kept = filters.getFilter(personal.getId());
      assertThat(kept.getOwner()).isEqualTo("coord1");
      assertThat(kept.getProperties()).containsEntry("description", "my own");
      assertThat(filters.createTaskFilterQuery().filterName("Scheduling").filterOwner("coord1").count()).isOne();
      assertThat(filters.createTaskFilterQuery().filterName("Scheduling").list()).hasSize(2);
    } finally {
      filters.deleteFilter(personal.getId());
    }
  }

  @Test
  void aFollowUpIsDueTodayUntilTheEndOfItsDueDayThenOverdue() {
    LocalDate performed = today().minusDays(7);
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Map<String, Object> schedule = schedule(today(), "OUTPATIENT", null);
    schedule.put("deferredToPcp", new ArrayList<>(List.of("THREE_MONTHS")));
    completeAs("coord1", instance, "UserTask_ScheduleProcedure", schedule);
    Map<String, Object> record = cleanRecord();
    record.put("procedureDate", performed.toString());
    completeAs("coord1", instance, "UserTask_RecordProcedure", record);
    runDueTimers(instance);
    String caseId = instance.getBusinessKey();

    assertThat(tasksIn("Follow-ups due today", "nurse1", CaseRoles.NURSES))
        .contains("UserTask_FollowUp ONE_WEEK " + caseId);
    assertThat(tasksIn("Overdue follow-ups", "nurse1", CaseRoles.NURSES))
        .doesNotContain("UserTask_FollowUp ONE_WEEK " + caseId);
    assertThat(tasksIn("Payment findings", "coord1", CaseRoles.COORDINATORS))
        .as("performed before the approval").contains("UserTask_ResolvePaymentFindings " + caseId);

    ClockUtil.setCurrentTime(Date.from(today().plusDays(1).atStartOfDay(calendar.zone()).toInstant()
        .plusSeconds(1)));
    assertThat(tasksIn("Follow-ups due today", "nurse1", CaseRoles.NURSES))
        .doesNotContain("UserTask_FollowUp ONE_WEEK " + caseId);
    assertThat(tasksIn("Overdue follow-ups", "nurse1", CaseRoles.NURSES))
        .contains("UserTask_FollowUp ONE_WEEK " + caseId);

    // three months on, the PCP has the link and the coordinators the hand-off
    ClockUtil.setCurrentTime(Date.from(performed.plusMonths(3).atStartOfDay(calendar.zone()).toInstant()));
    runDueTimers(instance);
    assertThat(tasksIn("PCP reports awaited", "coord1", CaseRoles.COORDINATORS))
        .contains("UserTask_RecordPcpReport THREE_MONTHS " + caseId);
    assertThat(tasksIn("Follow-ups due today", "nurse1", CaseRoles.NURSES))
        .doesNotContain("UserTask_FollowUp THREE_MONTHS " + caseId);
  }

  private void runDueTimers(ProcessInstance instance) {
    for (Job timer : jobsOf(instance, query -> query.timers().executable())) {
      managementService.executeJob(timer.getId());
    }
    runAsyncJobs(instance);
  }
}
