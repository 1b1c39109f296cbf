package com.healthplan.va.fhir;

import java.util.List;
import java.util.Map;

/**
 * A PAS request bundle read for the case intake: the bundle's identifier (what makes a resubmission the same
 * request), the Claim's own identifier, the intake fields in the case API's shape with the element each was read
 * from (so that an intake rule's refusal names the element), and the Claim's items with their levels.
 */
record PasRequest(String identifierSystem, String identifierValue, String claimIdentifier,
    Map<String, Object> submission, Map<String, String> elements, List<Item> items) {

  PasRequest {
    submission = Map.copyOf(submission);
    elements = Map.copyOf(elements);
    items = List.copyOf(items);
  }

  /** One Claim item: its sequence, its CPT code and the vertebral levels it names. */
  record Item(int sequence, String code, List<String> levels) {

    Item {
      levels = List.copyOf(levels);
    }
  }
}
