package com.healthplan.va.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthplan.va.support.CaseTestSupport;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine joins the caller's transaction, as Camunda's Spring integration promises: an engine call and the
 * application's own writes commit or roll back together. (The command guard, added to both of the engine's command
 * chains, once linked the "required" chain into the "requires new" one, and every engine call committed alone.)
 */
class EngineTransactionTest extends CaseTestSupport {

  @Autowired PlatformTransactionManager transactions;

  @Test
  void anEngineCallRollsBackWithTheCallersTransaction() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = openTask(instance, "UserTask_ReviewCriteria");

    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      jdbc.update("UPDATE va_case SET pcp_phone = 'changed' WHERE case_id = ?", instance.getBusinessKey());
      taskService.claim(task.getId(), "nurse1");
      throw new IllegalStateException("the caller fails");
    })).hasMessage("the caller fails");

    assertThat(openTask(instance, "UserTask_ReviewCriteria").getAssignee()).isNull();
    assertThat(caseFile(instance).intake().pcpPhone()).isEqualTo("555-0100");
  }

  @Test
  void anEngineCallInsideACommandJoinsIt() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = openTask(instance, "UserTask_ReviewCriteria");
    var configuration = ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration();

    assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
      taskService.claim(task.getId(), "nurse1");
      throw new IllegalStateException("the command fails");
    })).hasMessage("the command fails");

    assertThat(openTask(instance, "UserTask_ReviewCriteria").getAssignee()).isNull();
  }
}
