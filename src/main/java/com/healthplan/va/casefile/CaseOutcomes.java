package com.healthplan.va.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The case process's gateways after a determination and an appeal, read from the case file:
 * {@code ${caseOutcomes.approvedInFull(execution)}}, {@code approvedInPart}, {@code adverse}, {@code overturned}.
 */
@Component("caseOutcomes")
public class CaseOutcomes {

  private final CaseRepository cases;

  CaseOutcomes(CaseRepository cases) {
    this.cases = cases;
  }

  /** Approved with nothing left to appeal (every level requested, with or without conditions). */
  public boolean approvedInFull(DelegateExecution execution) {
    return latest(execution).approvedInFull();
  }

  /** Approved for fewer levels than requested: the rest may be appealed while the approved part goes on. */
  public boolean approvedInPart(DelegateExecution execution) {
    DeterminationRound.Decision decision = latest(execution);
    return decision.outcome().approves() && !decision.notApprovedLevels().isEmpty();
  }

  /** Nothing approved: denied, or closed for missing information. */
  public boolean adverse(DelegateExecution execution) {
    return latest(execution).outcome().adverse();
  }

  /** The appeal of the latest decision overturned it. */
  public boolean overturned(DelegateExecution execution) {
    return cases.get(CaseScope.caseId(execution)).appeal().map(Appeal::overturned).orElse(false);
  }

  private DeterminationRound.Decision latest(DelegateExecution execution) {
    DeterminationRound.Decision decision = cases.get(CaseScope.caseId(execution)).determination();
    if (decision == null) {
      throw new IllegalStateException("No determination for " + CaseScope.caseId(execution));
    }
    return decision;
  }
}
