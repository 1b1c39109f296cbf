package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.procedure.ProcedureFile;
import com.healthplan.va.procedure.ProcedureRepository;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of the follow-up phase (after the generic phase check): opens the four follow-ups, due from the
 * recorded procedure date, with the deferrals to the PCP chosen at scheduling.
 */
@Component("followUpPhaseStart")
class FollowUpPhaseStartListener implements ExecutionListener {

  private final FollowUpRepository followUps;
  private final ProcedureRepository procedures;

  FollowUpPhaseStartListener(FollowUpRepository followUps, ProcedureRepository procedures) {
    this.followUps = followUps;
    this.procedures = procedures;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseId = CaseScope.caseId(execution);
    ProcedureFile procedure = procedures.find(caseId).filter(file -> file.record() != null)
        .orElseThrow(() -> new IllegalStateException("Follow-ups start from a recorded procedure: " + caseId));
    List<String> deferred = procedure.schedule() == null ? List.of() : procedure.schedule().deferredToPcp();
    followUps.open(caseId, procedure.record().procedureDate(), deferred);
  }
}
