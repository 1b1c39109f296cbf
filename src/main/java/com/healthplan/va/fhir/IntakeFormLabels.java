package com.healthplan.va.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The labels, help texts and choices of the intake start form ({@code forms/caseIntake.form}), by field: the
 * Questionnaire asks each fact in the same words as the nurse's form, so that the two never drift apart.
 */
@Component
class IntakeFormLabels {

  static final String FORM = "/forms/caseIntake.form";

  /** One field of the form: its label, help text (may be null) and choices (value to label, may be empty). */
  record Field(String label, String description, Map<String, String> choices) {
  }

  private final Map<String, Field> fields = new HashMap<>();

  IntakeFormLabels(ObjectMapper json) {
    try (InputStream in = IntakeFormLabels.class.getResourceAsStream(FORM)) {
      if (in == null) {
        throw new IllegalStateException("The intake form " + FORM + " is not on the classpath");
      }
      collect(json.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void collect(JsonNode node) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        String label = component.hasNonNull("label") ? component.get("label").asText()
            : component.path("dateLabel").asText(null);
        Map<String, String> choices = new LinkedHashMap<>();
        for (JsonNode value : component.path("values")) {
          choices.put(value.path("value").asText(), value.path("label").asText());
        }
        fields.put(component.get("key").asText(),
            new Field(label, component.path("description").asText(null), choices));
      }
      collect(component);
    }
  }

  /** The form's field; a field the form lacks is a defect of the form, found at the first Questionnaire read. */
  Field field(String key) {
    Field field = fields.get(key);
    if (field == null || field.label() == null) {
      throw new IllegalStateException("The intake form has no labelled field " + key);
    }
    return field;
  }
}
