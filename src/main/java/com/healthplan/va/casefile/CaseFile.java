package com.healthplan.va.casefile;

import static com.healthplan.va.casefile.CaseVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Typed read access to the variables of one case, from a running execution or task, or from the case's
 * history. Values were checked on the way in; a value of another type here is a defect, not user input.
 */
public final class CaseFile {

  private final Function<String, Object> variables;

  private CaseFile(Function<String, Object> variables) {
    this.variables = variables;
  }

  public static CaseFile of(VariableScope scope) {
    return new CaseFile(scope::getVariable);
  }

  public static CaseFile of(Map<String, ?> values) {
    return new CaseFile(values::get);
  }

  public Object raw(String name) {
    return variables.apply(name);
  }

  public String text(String name) {
    Object value = raw(name);
    return value == null ? null : value.toString();
  }

  public Date date(String name) {
    return (Date) raw(name);
  }

  /** A calendar date of the case, stored as an ISO {@code yyyy-MM-dd} string. */
  public LocalDate day(String name) {
    String value = text(name);
    return value == null ? null : LocalDate.parse(value);
  }

  public Boolean flag(String name) {
    return (Boolean) raw(name);
  }

  public Integer number(String name) {
    Object value = raw(name);
    return value == null ? null : ((Number) value).intValue();
  }

  /** A list of strings, stored as a JSON list object (or, fresh from a form, a Spin JSON array). */
  public List<String> texts(String name) {
    Object value = raw(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof SpinJsonNode json) {
      return json.elements().stream().map(SpinJsonNode::stringValue).toList();
    }
    List<String> texts = new ArrayList<>();
    for (Object item : (Collection<?>) value) {
      texts.add(String.valueOf(item));
    }
    return texts;
  }

  public String caseId() {
    return text(CASE_ID);
  }

  public CaseStatus status() {
    String status = text(CASE_STATUS);
    return status == null ? null : CaseStatus.valueOf(status);
  }

  public String patientInitials() {
    String name = text(PATIENT_NAME);
    if (name == null) {
      return "";
    }
    StringBuilder initials = new StringBuilder();
    for (String part : name.trim().split("[\\s,]+")) {
      if (!part.isEmpty() && Character.isLetter(part.codePointAt(0))) {
        initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0))).append('.');
      }
    }
    return initials.toString();
  }
}
