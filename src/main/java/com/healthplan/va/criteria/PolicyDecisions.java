package com.healthplan.va.criteria;

import static com.healthplan.va.casefile.CaseVariables.ELIGIBILITY_DECISION_KEY;

import com.healthplan.va.casefile.CaseVariables;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The policy's decisions ({@code bpmn/vertebralAugmentationPolicy.dmn}) in the version a case is bound to, the
 * version of {@code vcfEligibility} that prescreened it: the date through which the fracture is young enough
 * (decision {@code vcfFractureAgeLimit}, evaluated) and the policy's numbers read from their cells
 * ({@link PolicyTerms}, kept per version: a deployed version never changes).
 */
@Component
public class PolicyDecisions {

  static final String FRACTURE_AGE_LIMIT_KEY = "vcfFractureAgeLimit";
  static final String LEVELS_PER_PROCEDURE_KEY = "vcfLevelsPerProcedure";
  static final String COVERED_LEVELS_KEY = "vcfCoveredLevels";
  static final String FRACTURE_VALID_THROUGH = "fractureValidThrough";


  private final RepositoryService repository;
  private final DecisionService decisions;
  private final Map<Integer, PolicyTerms> terms = new ConcurrentHashMap<>();

  PolicyDecisions(@Lazy RepositoryService repository, @Lazy DecisionService decisions) {
    this.repository = repository;
    this.decisions = decisions;
  }

  /** The version of {@code vcfEligibility} deployed last: what a case not prescreened yet will be judged by. */
  public int latestVersion() {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(ELIGIBILITY_DECISION_KEY)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new IllegalStateException("Decision " + ELIGIBILITY_DECISION_KEY + " is not deployed");
    }
    return latest.getVersion();
  }

  /** The policy's numbers of a criteria version (the latest for null: a case not prescreened yet). */
  public PolicyTerms terms(Integer criteriaVersion) {
    int version = criteriaVersion == null ? latestVersion() : criteriaVersion;
    return terms.computeIfAbsent(version, this::read);
  }

  /**
   * The last day on which a fracture of this date is young enough under the criteria version: the day an approval
   * is valid through, the scheduling due date, the payment limits' date. Null for a missing fracture date.
   */
  public LocalDate fractureValidThrough(Integer criteriaVersion, LocalDate fractureDate) {
    DecisionDefinition limit = sibling(criteriaVersion == null ? latestVersion() : criteriaVersion,
        FRACTURE_AGE_LIMIT_KEY);
    Object value = decisions.evaluateDecisionById(limit.getId())
        .variables(Variables.createVariables().putValue(CaseVariables.FRACTURE_DATE,
            fractureDate == null ? null : fractureDate.toString()))
        .evaluate().getSingleEntry();
    return value instanceof LocalDate day ? day : null;
  }

  /**
   * The last day of a procedure an approval made now in the case's current round covers: the day the fracture is
   * no longer young enough, by the case's criteria version; or, when a physician approved a fracture already older
   * (overriding that criterion), the day the round judged the criteria on (the request date, or the scheduled date of
   * a round opened for it), so that the approval covers what the physician approved and no more.
   */
  public LocalDate approvalValidThrough(com.healthplan.va.casefile.CaseFile file) {
    Integer version = file.prescreen() == null ? null : file.prescreen().criteriaVersion();
    LocalDate limit = fractureValidThrough(version, file.intake().fractureDate());
    LocalDate judged = file.currentRound().criteriaAsOf() != null ? file.currentRound().criteriaAsOf()
        : file.intake().requestDate();
    return limit == null || limit.isBefore(judged) ? judged : limit;
  }

  /** The decision of the given key deployed together with {@code vcfEligibility} of that version. */
  DecisionDefinition sibling(int criteriaVersion, String key) {
    DecisionDefinition eligibility = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ELIGIBILITY_DECISION_KEY).decisionDefinitionVersion(criteriaVersion).singleResult();
    if (eligibility == null) {
      throw new IllegalStateException("Decision " + ELIGIBILITY_DECISION_KEY + " version " + criteriaVersion
          + " is not deployed");
    }
    DecisionDefinition sibling = repository.createDecisionDefinitionQuery()
        .deploymentId(eligibility.getDeploymentId()).decisionDefinitionKey(key).singleResult();
    if (sibling == null) {
      throw new IllegalStateException("Decision " + key + " is not deployed with " + ELIGIBILITY_DECISION_KEY
          + " version " + criteriaVersion);
    }
    return sibling;
  }

  private PolicyTerms read(int version) {
    DecisionDefinition eligibility = sibling(version, ELIGIBILITY_DECISION_KEY);
    DmnModelInstance model = repository.getDmnModelInstance(eligibility.getId());
    return PolicyTermsReader.read(version, model);
  }
}
