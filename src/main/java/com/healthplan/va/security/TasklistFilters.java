package com.healthplan.va.security;

import com.healthplan.va.casefile.CaseVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Shared Tasklist filters of the case roles, created at start-up and kept up to date (by name). Each shows the
 * case id and patient on the task cards and lists the most urgent task first.
 */
@Component
class TasklistFilters {

  private static final String[] CRITERIA_REVIEW_TASKS = {"UserTask_ReviewCriteria",
      "UserTask_RecordRequestedInformation"};
  private static final String[] DETERMINATION_TASKS = {"UserTask_ReviewCriteria", "UserTask_RecordRequestedInformation",
      "UserTask_ReviewAsMedicalDirector"};
  /** Scheduling, the procedure record and the payment findings: Tasklist shows each person those of their groups. */
  private static final String[] PROCEDURE_TASKS = {"UserTask_ScheduleProcedure", "UserTask_RecordProcedure",
      "UserTask_ResolvePaymentFindings"};

  private static final String[] FOLLOW_UP_TASKS = {"UserTask_FollowUpOneWeek", "UserTask_FollowUpOneMonth",
      "UserTask_FollowUpThreeMonths", "UserTask_FollowUpOneYear"};

  private final FilterService filters;
  private final TaskService tasks;
  private final RoleAuthorizations grants;

  TasklistFilters(FilterService filters, TaskService tasks, RoleAuthorizations grants) {
    this.filters = filters;
    this.tasks = tasks;
    this.grants = grants;
  }

  void createOrUpdate() {
    save("My tasks", "Tasks claimed by me", -10,
        casesQuery().taskAssigneeExpression("${currentUser()}"),
        CaseRoles.ALL);
    save("Criteria reviews", "Intake criteria reviews and requested information, most urgent first", 0,
        casesQuery().taskDefinitionKeyIn(CRITERIA_REVIEW_TASKS),
        List.of(CaseRoles.NURSES, CaseRoles.ADMINISTRATORS));
    save("Pre-procedure documentation", "Approved cases whose documentation a nurse checks, most urgent first", 1,
        casesQuery().taskDefinitionKey("UserTask_ReviewDocumentation"),
        List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Scheduling and procedure records", "Procedures to schedule or record, and payment findings", 2,
        casesQuery().taskDefinitionKeyIn(PROCEDURE_TASKS),
        List.of(CaseRoles.COORDINATORS, CaseRoles.NURSES, CaseRoles.ADMINISTRATORS));
    save("Medical director queue", "Cases referred for a physician's determination", 0,
        casesQuery().taskCandidateGroup(CaseRoles.MEDICAL_DIRECTORS).includeAssignedTasks(),
        List.of(CaseRoles.MEDICAL_DIRECTORS, CaseRoles.ADMINISTRATORS));
    save("Appeals", "Appeals of denials, decided by a physician who did not deny, most urgent first", 1,
        casesQuery().taskDefinitionKey("UserTask_ReviewAppeal"),
        List.of(CaseRoles.MEDICAL_DIRECTORS, CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Denials open to appeal", "Denied cases within their 65 days: record an appeal received by phone or letter",
        4, casesQuery().taskDefinitionKey("UserTask_RecordAppeal"),
        List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Follow-ups", "Follow-up calls due or overdue, most urgent first", 3,
        casesQuery().taskDefinitionKeyIn(FOLLOW_UP_TASKS),
        List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Determinations due within 24 hours", "Review tasks whose determination falls due within a day", 5,
        casesQuery().taskDefinitionKeyIn(DETERMINATION_TASKS).dueBeforeExpression("${dateTime().plusDays(1)}"),
        List.of(CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
  }

  private TaskQuery casesQuery() {
    TaskQuery query = tasks.createTaskQuery()
        .processDefinitionKeyIn(CaseVariables.CASE_PROCESS_KEYS.toArray(String[]::new));
    query.orderByDueDate().asc();
    return query;
  }

  private void save(String name, String description, int priority, TaskQuery query, List<String> groups) {
    Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    filter.setQuery(query);
    filter.setProperties(properties(description, priority));
    filters.saveFilter(filter);
    for (String group : groups) {
      grants.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private static Map<String, Object> properties(String description, int priority) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(
        Map.of("name", CaseVariables.CASE_ID, "label", "Case"),
        Map.of("name", CaseVariables.PATIENT_NAME, "label", "Patient"),
        Map.of("name", CaseVariables.CASE_STATUS, "label", "Status"),
        Map.of("name", CaseVariables.URGENCY, "label", "Urgency"),
        Map.of("name", CaseVariables.MILESTONE_LABEL, "label", "Follow-up")));
    return properties;
  }
}
