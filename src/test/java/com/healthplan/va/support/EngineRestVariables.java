package com.healthplan.va.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A start or form submission body in the engine REST format, typed as Tasklist sends it (lists as Json). */
public final class EngineRestVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineRestVariables() {
  }

  public static String of(Map<String, Object> values) {
    try {
      Map<String, Object> variables = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : values.entrySet()) {
        Map<String, Object> variable = new HashMap<>();
        if (entry.getValue() instanceof List<?> list) {
          variable.put("type", "Json");
          variable.put("value", JSON.writeValueAsString(list));
        } else {
          variable.put("value", entry.getValue());
        }
        variables.put(entry.getKey(), variable);
      }
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
