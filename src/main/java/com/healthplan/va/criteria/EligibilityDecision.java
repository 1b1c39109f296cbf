package com.healthplan.va.criteria;

import static com.healthplan.va.casefile.CaseVariables.ELIGIBILITY_DECISION_KEY;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Evaluates decision {@code vcfEligibility} in the version a case is bound to: the one deployed with the process
 * version that prescreens it, or the version that prescreened it when a later step asks the same rule again
 * (the fracture's age on the scheduled date).
 */
@Component
public class EligibilityDecision {

  static final String UNMET_CRITERION_OUTPUT = "unmetCriterion";

  private final RepositoryService repository;
  private final DecisionService decisions;

  EligibilityDecision(RepositoryService repository, DecisionService decisions) {
    this.repository = repository;
    this.decisions = decisions;
  }

  /** The decision deployed with this process definition. */
  public DecisionDefinition deployedWith(String processDefinitionId) {
    String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
    DecisionDefinition decision = repository.createDecisionDefinitionQuery().deploymentId(deploymentId)
        .decisionDefinitionKey(ELIGIBILITY_DECISION_KEY).singleResult();
    if (decision == null) {
      throw new IllegalStateException("Decision " + ELIGIBILITY_DECISION_KEY + " is not deployed with "
          + processDefinitionId);
    }
    return decision;
  }

  /** The decision of this version, as it prescreened a case. */
  public DecisionDefinition version(int version) {
    DecisionDefinition decision = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ELIGIBILITY_DECISION_KEY).decisionDefinitionVersion(version).singleResult();
    if (decision == null) {
      throw new IllegalStateException("Decision " + ELIGIBILITY_DECISION_KEY + " version " + version
          + " is not deployed");
    }
    return decision;
  }

  /** The criteria the facts do not meet, in decision order. */
  public List<String> unmetCriteria(DecisionDefinition decision, VariableMap facts) {
    DmnDecisionResult result = decisions.evaluateDecisionById(decision.getId()).variables(facts).evaluate();
    return EligibilityCriterion.inDecisionOrder(
        result.collectEntries(UNMET_CRITERION_OUTPUT).stream().map(String::valueOf).toList());
  }
}
