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

  public static String wording(Collection<String> codes) {
    return String.join("; ", codes.stream()
        .map(code -> EligibilityCriterion.valueOf(code).policyWording()).toList());
  }
}
