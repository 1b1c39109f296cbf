package com.healthplan.va.criteria;

import static com.healthplan.va.casefile.CaseVariables.ELIGIBILITY_DECISION_KEY;
import static com.healthplan.va.casefile.CaseVariables.PAYMENT_LIMITS_DECISION_KEY;

import com.healthplan.va.casefile.CaseVariables;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Reads the policy's numbers from the cells of a model of its decisions: the fracture age limit's duration, the
 * levels per procedure, the covered levels, the pain floor of the pain rule, the days to wait after an acute
 * fracture. A model without one of them is refused at once: a sentence must never state a number no cell holds.
 */
public final class PolicyTermsReader {

  private static final Pattern DURATION = Pattern.compile("duration\\(\"(P[^\"]+)\"\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  private static final Pattern BELOW = Pattern.compile("<\\s*([0-9]+)");

  private PolicyTermsReader() {
  }

  /** Reads the numbers of a policy model: each from its one cell. */
  public static PolicyTerms read(int version, DmnModelInstance model) {
    Period ageLimit = Period.parse(match(DURATION, literal(model, PolicyDecisions.FRACTURE_AGE_LIMIT_KEY), PolicyDecisions.FRACTURE_AGE_LIMIT_KEY));
    int maxLevels = Integer.parseInt(literal(model, PolicyDecisions.LEVELS_PER_PROCEDURE_KEY).trim());
    List<String> covered = new ArrayList<>();
    Matcher levels = QUOTED.matcher(literal(model, PolicyDecisions.COVERED_LEVELS_KEY));
    while (levels.find()) {
      covered.add(levels.group(1));
    }
    int painFloor = Integer.parseInt(match(BELOW, cell(model, ELIGIBILITY_DECISION_KEY,
        EligibilityCriterion.PAIN_CRITERION_NOT_MET.name(), CaseVariables.PAIN_SCORE), "pain floor"));
    int minDays = Integer.parseInt(match(BELOW, cell(model, PAYMENT_LIMITS_DECISION_KEY,
        "PERFORMED_TOO_SOON_WITHOUT_RATIONALE", "(date(procedureDate) - date(fractureDate)).days"),
        "days after the fracture"));
    return new PolicyTerms(version, ageLimit, covered, maxLevels, painFloor, minDays);
  }

  private static String literal(DmnModelInstance model, String decisionKey) {
    Decision decision = model.getModelElementById(decisionKey);
    if (decision == null || !(decision.getExpression() instanceof LiteralExpression literal)) {
      throw new IllegalStateException("The policy has no literal decision " + decisionKey);
    }
    return literal.getText().getTextContent();
  }

  /** The text of the cell of the rule with the given output, in the input column with the given expression. */
  public static String cell(DmnModelInstance model, String decisionKey, String output, String inputExpression) {
    Decision decision = model.getModelElementById(decisionKey);
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<Input> inputs = new ArrayList<>(table.getInputs());
    for (Rule rule : table.getRules()) {
      boolean ours = rule.getOutputEntries().stream()
          .anyMatch(entry -> entry.getText().getTextContent().trim().equals("\"" + output + "\""));
      if (ours) {
        List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
        for (int i = 0; i < inputs.size(); i++) {
          if (inputs.get(i).getInputExpression().getText().getTextContent().trim().equals(inputExpression)) {
            return entries.get(i).getText().getTextContent().trim();
          }
        }
      }
    }
    throw new IllegalStateException(decisionKey + " has no cell for " + output + " in column " + inputExpression);
  }

  private static String match(Pattern pattern, String text, String what) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("Cannot read the policy's " + what + " from \"" + text + "\"");
    }
    return matcher.group(1);
  }
}
