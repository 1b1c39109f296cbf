package com.healthplan.va.security;

import com.healthplan.va.casefile.CaseVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  /** Each milestone is modelled once: its tasks share these ids (the milestone is a task variable). */
  private static final String[] FOLLOW_UP_TASKS = {"UserTask_FollowUp"};
  private static final String[] PCP_REPORT_TASKS = {"UserTask_RecordPcpReport"};

  private final FilterService filters;
  private final TaskService tasks;
  private final RoleAuthorizations grants;

  TasklistFilters(FilterService filters, TaskService tasks, RoleAuthorizations grants) {
    this.filters = filters;
    this.tasks = tasks;
    this.grants = grants;
  }

  /**
   * One filter per kind of work, each shared with the roles that do it (Tasklist shows a person the tasks of their
   * groups within it). Follow-up tasks fall due at the end of their due day, so "due today" is simply "not yet past
   * due" and needs no time zone.
   */
  void createOrUpdate() {
    save("My tasks", "Tasks claimed by me", -10,
        casesQuery().taskAssigneeExpression("${currentUser()}"),
        CaseRoles.ALL);
    save("Criteria reviews", "Intake criteria reviews and requested information, most urgent first", 0,
        casesQuery().taskDefinitionKeyIn(CRITERIA_REVIEW_TASKS),
        List.of(CaseRoles.NURSES, CaseRoles.ADMINISTRATORS));
    save("Medical director queue", "Cases referred for a physician's determination", 0,
        casesQuery().taskDefinitionKey("UserTask_ReviewAsMedicalDirector"),
        List.of(CaseRoles.MEDICAL_DIRECTORS, CaseRoles.ADMINISTRATORS));
    save("Appeals", "Appeals of denials, decided by a physician who did not deny, most urgent first", 1,
        casesQuery().taskDefinitionKey("UserTask_ReviewAppeal"),
        List.of(CaseRoles.MEDICAL_DIRECTORS, CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Pre-procedure documentation", "Approved cases whose documentation a nurse checks, most urgent first", 1,
        casesQuery().taskDefinitionKey("UserTask_ReviewDocumentation"),
        List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Scheduling", "Approved and documented procedures to schedule", 2,
        casesQuery().taskDefinitionKey("UserTask_ScheduleProcedure"),
        List.of(CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Procedure records", "Scheduled procedures whose record (guidance, images, narrative) is due", 2,
        casesQuery().taskDefinitionKey("UserTask_RecordProcedure"),
        List.of(CaseRoles.COORDINATORS, CaseRoles.NURSES, CaseRoles.ADMINISTRATORS));
    save("Payment findings", "Recorded procedures with payment-limit findings to resolve", 2,
        casesQuery().taskDefinitionKey("UserTask_ResolvePaymentFindings"),
        List.of(CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Follow-ups due today", "Follow-up calls due today (1 week, 1 month, 3 months, 1 year)", 3,
        casesQuery().taskDefinitionKeyIn(FOLLOW_UP_TASKS).dueAfterExpression("${now()}"),
        List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Overdue follow-ups", "Follow-up calls past their due day: coordinators are alerted until done", 3,
        casesQuery().taskDefinitionKeyIn(FOLLOW_UP_TASKS).dueBeforeExpression("${now()}"),
        List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("PCP reports awaited", "Follow-ups handed to the PCP: record a report received by fax or phone", 3,
        casesQuery().taskDefinitionKeyIn(PCP_REPORT_TASKS),
        List.of(CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Denials open to appeal", "Denials within their appeal window: record an appeal received by phone or letter",
        4, casesQuery().taskDefinitionKey("UserTask_RecordAppeal"),
        List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    save("Determinations due within 24 hours", "Review tasks whose determination falls due within a day", 5,
        casesQuery().taskDefinitionKeyIn(DETERMINATION_TASKS).dueBeforeExpression("${dateTime().plusDays(1)}"),
        List.of(CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS));
    retire("Scheduling and procedure records");
    retire("Follow-ups");
  }

  /** A shared filter of an earlier release whose work is now in the filters above (a person's own is left alone). */
  private void retire(String name) {
    shared(name).ifPresent(filter -> filters.deleteFilter(filter.getId()));
  }

  /**
   * The shared filter of that name: the application's filters have no owner, while a filter a person saves in
   * Tasklist is theirs, so a personal "Scheduling" is never taken over or deleted.
   */
  private Optional<Filter> shared(String name) {
    return filters.createTaskFilterQuery().filterName(name).list().stream()
        .filter(filter -> filter.getOwner() == null).findFirst();
  }

  private TaskQuery casesQuery() {
    TaskQuery query = tasks.createTaskQuery()
        .processDefinitionKeyIn(CaseVariables.CASE_PROCESS_KEYS.toArray(String[]::new));
    query.orderByDueDate().asc();
    return query;
  }

  private void save(String name, String description, int priority, TaskQuery query, List<String> groups) {
    Filter filter = shared(name).orElseGet(() -> filters.newTaskFilter(name));
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
        Map.of("name", CaseVariables.PATIENT_INITIALS, "label", "Patient"),
        Map.of("name", CaseVariables.CASE_STATUS, "label", "Status"),
        Map.of("name", CaseVariables.URGENCY, "label", "Urgency"),
        Map.of("name", CaseVariables.MILESTONE_LABEL, "label", "Follow-up")));
    return properties;
  }
}
