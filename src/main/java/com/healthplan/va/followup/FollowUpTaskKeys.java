package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.FollowUpMilestone;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The follow-up phase's tasks of one milestone: the milestone is modelled once (a multi-instance subprocess over the
 * four milestones), so its tasks share their BPMN ids and carry the milestone as a task-local variable.
 */
final class FollowUpTaskKeys {

  /** The nurse's follow-up with the patient. */
  static final String FOLLOW_UP = "UserTask_FollowUp";
  /** The coordinator's task while the PCP has the hand-off. */
  static final String RECORD_PCP_REPORT = "UserTask_RecordPcpReport";

  private FollowUpTaskKeys() {
  }

  /** The open tasks of the given kind for one milestone of one case. */
  static List<Task> tasks(TaskService tasks, String caseId, String taskKey, FollowUpMilestone milestone) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey)
        .taskVariableValueEquals(CaseVariables.MILESTONE, milestone.name()).list();
  }
}
