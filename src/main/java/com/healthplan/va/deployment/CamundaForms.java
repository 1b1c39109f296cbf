package com.healthplan.va.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads Camunda Form (form-js) schemas. */
public final class CamundaForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CamundaForms() {
  }

  /**
   * The keys a person can change in the form: every keyed field, in groups too, that is neither disabled nor
   * read-only. Tasklist submits these and nothing else.
   */
  public static Set<String> editableKeys(InputStream form) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    collect(JSON.readTree(form).path("components"), keys);
    return keys;
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.get("components"), keys);
      } else if (component.hasNonNull("key") && !component.path("disabled").asBoolean()
          && !component.path("readonly").asBoolean()) {
        keys.add(component.get("key").asText());
      }
    }
  }
}
