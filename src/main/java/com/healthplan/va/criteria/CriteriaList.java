package com.healthplan.va.criteria;

import com.healthplan.va.input.SubmittedValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/** Lists of criterion codes as they are submitted and stored. */
public final class CriteriaList {

  private CriteriaList() {
  }

  /** A list of codes stored as JSON, in decision order. */
  public static ObjectValue value(Collection<String> codes) {
    return Variables.objectValue(new ArrayList<>(EligibilityCriterion.inDecisionOrder(codes)))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  /** Reads a submitted list of codes; unknown or repeated codes are refused. */
  public static List<String> read(SubmittedValues in, String field, String label) {
    List<String> codes = in.textList(field, label);
    if (codes == null) {
      return in.errors().has(field) ? null : List.of();
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String code : codes) {
      if (EligibilityCriterion.ofCode(code).isEmpty() || !unique.add(code)) {
        in.errors().add(field, label + " contains an entry that is not one of the policy's criteria, "
            + "or lists one twice.");
        return null;
      }
    }
    return EligibilityCriterion.inDecisionOrder(unique);
  }

  /** Every criterion not in the given list, in decision order (the unmet ones of a list of met ones). */
  public static List<String> complementOf(Collection<String> codes) {
    return EligibilityCriterion.codes().stream().filter(code -> !codes.contains(code)).toList();
  }

  /** The criteria in the policy's words, joined for one sentence of a refusal. */
  public static String wording(Collection<String> codes, PolicyTerms terms) {
    return String.join("; ", codes.stream()
        .map(code -> EligibilityCriterion.valueOf(code).policyWording(terms)).toList());
  }

  /** The criteria in the policy's words for a form's list ({@code [{"wording": words}]}, one per criterion). */
  public static ObjectValue wordingList(Collection<String> codes, PolicyTerms terms) {
    List<java.util.Map<String, String>> rows = new ArrayList<>();
    for (String code : EligibilityCriterion.inDecisionOrder(codes)) {
      java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
      row.put("wording", EligibilityCriterion.valueOf(code).policyWording(terms));
      rows.add(row);
    }
    return Variables.objectValue(rows).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  /**
   * The criteria as a checklist's options ({@code [{"value": code, "label": words}]}): the reviewers' forms list them
   * from this variable ({@code valuesKey}), so the forms state the numbers of the case's criteria version.
   */
  public static ObjectValue options(PolicyTerms terms) {
    List<java.util.Map<String, String>> options = new ArrayList<>();
    for (EligibilityCriterion criterion : EligibilityCriterion.values()) {
      java.util.Map<String, String> option = new java.util.LinkedHashMap<>();
      option.put("value", criterion.name());
      option.put("label", criterion.policyWording(terms));
      options.add(option);
    }
    return Variables.objectValue(options).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }
}
