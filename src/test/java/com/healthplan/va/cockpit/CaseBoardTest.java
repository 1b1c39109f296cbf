package com.healthplan.va.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.procedure.ProcedureTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The board's "deferred to PCP": a case whose follow-up not yet done is the PCP's, from scheduling on. */
class CaseBoardTest extends ProcedureTestSupport {

  private static final CaseBoard.Filter ANY = new CaseBoard.Filter(null, null, null, null, null);
  private static final CaseBoard.Filter DEFERRED = new CaseBoard.Filter(null, null, null, null, true);

  @Autowired CaseBoard board;

  private CaseBoard.Row rowOf(ProcessInstance instance, CaseBoard.Filter filter) {
    return board.rows(filter).stream().filter(row -> row.caseId().equals(instance.getBusinessKey())).findFirst()
        .orElse(null);
  }

  private ProcessInstance scheduled(List<String> deferred) {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Map<String, Object> schedule = schedule(today(), "OUTPATIENT", null);
    schedule.put("deferredToPcp", new ArrayList<>(deferred));
    completeAs("coord1", instance, "UserTask_ScheduleProcedure", schedule);
    return instance;
  }

  @Test
  void aCaseWithAFollowUpDeferredToThePcpIsMarkedFromSchedulingOn() {
    ProcessInstance deferred = scheduled(List.of("THREE_MONTHS"));
    ProcessInstance notDeferred = scheduled(List.of());

    assertThat(rowOf(deferred, ANY).deferredToPcp()).isTrue();
    assertThat(rowOf(deferred, ANY).status()).isEqualTo("SCHEDULED");
    assertThat(rowOf(notDeferred, ANY).deferredToPcp()).isFalse();
    assertThat(rowOf(notDeferred, DEFERRED)).isNull();

    completeAs("coord1", deferred, "UserTask_RecordProcedure", cleanRecord());
    CaseBoard.Row inFollowUp = rowOf(deferred, DEFERRED);
    assertThat(inFollowUp).isNotNull();
    assertThat(inFollowUp.status()).isEqualTo("IN_FOLLOW_UP");
    assertThat(inFollowUp.nextMilestone()).as("the nurse's 1-week call comes first").isEqualTo("ONE_WEEK");
    assertThat(inFollowUp.dueDate()).isEqualTo(today().plusDays(7).toString());

    completeAs("coord1", notDeferred, "UserTask_RecordProcedure", cleanRecord());
    assertThat(rowOf(notDeferred, ANY).deferredToPcp()).isFalse();
  }
}
