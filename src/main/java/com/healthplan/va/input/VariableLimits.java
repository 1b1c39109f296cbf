package com.healthplan.va.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The kinds and sizes of value a person may submit to the engine, checked on the value as sent, before the
 * engine writes anything (it stores a submitted text, history included, before any listener sees it):
 * text up to {@link SubmittedValues#MAX_NOTE} characters, numbers, yes/no, dates, and lists as JSON
 * (Tasklist's checklists and taglists) or as the application's own list type. Anything else, such as an
 * {@code Object} of a Java class named by the caller, a file or bytes, is refused.
 */
public final class VariableLimits {

  /** The largest JSON list a form can send (a checklist of every code holds about 600 characters). */
  static final int MAX_JSON = 16 * 1024;
  /**
   * The application's list type as the engine names it: a JSON list of texts. Tasklist sends a checklist back in
   * the type of the variable it was shown from, which Jackson names with its element type (an empty list has no
   * element to name but {@code Object}); the content is checked to be short texts either way.
   */
  private static final Set<String> APPLICATION_LIST_TYPES = Set.of("java.util.ArrayList",
      "java.util.ArrayList<java.lang.String>", "java.util.ArrayList<java.lang.Object>");

  private VariableLimits() {
  }

  public static void check(Map<String, Object> variables, FieldErrors errors) {
    for (String name : variables.keySet()) {
      // a VariableMap's plain values would deserialize what the caller sent; its typed values do not
      Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
      String problem = problem(value);
      if (problem != null) {
        errors.add(name, FieldErrors.nameOf(name) + problem);
      }
    }
  }

  private static String problem(Object value) {
    if (value instanceof TypedValue typed) {
      return typed instanceof PrimitiveValue<?> primitive ? problem(primitive.getValue()) : typedProblem(typed);
    }
    if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Date) {
      return null;
    }
    if (value instanceof String text) {
      return text.length() > SubmittedValues.MAX_NOTE ? tooLong() : null;
    }
    if (value instanceof SpinJsonNode json) {
      return json.toString().length() > MAX_JSON ? " is too large." : null;
    }
    if (value instanceof Collection<?> list) {
      return list.stream().allMatch(item -> item instanceof String text && text.length() <= 200) ? null
          : LIST_EXPECTED;
    }
    return NOT_ACCEPTED;
  }

  private static String typedProblem(TypedValue typed) {
    if (typed.getType() == null) {
      return problem(typed.getValue()); // an untyped value, as engine REST passes a value sent without a type
    }
    if (typed instanceof ObjectValue object) {
      boolean applicationList = object.isDeserialized()
          ? object.getValue() instanceof Collection<?>
          : APPLICATION_LIST_TYPES.contains(object.getObjectTypeName())
              && "application/json".equals(object.getSerializationDataFormat());
      if (!applicationList) {
        return NOT_ACCEPTED;
      }
      return object.isDeserialized() ? problem(object.getValue()) : jsonListProblem(object.getValueSerialized());
    }
    if ("json".equals(typed.getType().getName()) && typed instanceof SerializableValue serializable) {
      return serializable.isDeserialized() ? jsonListProblem(String.valueOf(serializable.getValue()))
          : jsonListProblem(serializable.getValueSerialized());
    }
    if ("null".equals(typed.getType().getName())) {
      return null;
    }
    // XML, bytes, files and anything else: refused by type, without reading (parsing) the value
    return NOT_ACCEPTED;
  }

  /** A list from a form, as JSON text: at most {@link #MAX_JSON} characters, an array of short texts. */
  private static String jsonListProblem(String json) {
    if (json == null) {
      return null;
    }
    if (json.length() > MAX_JSON) {
      return " is too large.";
    }
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return LIST_EXPECTED;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
        if (parser.getText().length() > 200) {
          return LIST_EXPECTED;
        }
      }
      return token == JsonToken.END_ARRAY && parser.nextToken() == null ? null : LIST_EXPECTED;
    } catch (IOException malformed) {
      return LIST_EXPECTED;
    }
  }

  private static final String LIST_EXPECTED = " must be a list of short texts.";
  private static final JsonFactory JSON = new JsonFactory();

  private static final String NOT_ACCEPTED = " must be text, a number, yes/no, a date or a list.";

  private static String tooLong() {
    return " must be at most " + SubmittedValues.MAX_NOTE + " characters long.";
  }

}
