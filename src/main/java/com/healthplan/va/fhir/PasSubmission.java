package com.healthplan.va.fhir;

import java.time.Instant;
import java.util.List;

/** A request a provider system submitted through {@code Claim/$submit}, and the case it opened. */
record PasSubmission(String submittedBy, String identifierSystem, String identifierValue, String caseId,
    String contentDigest, String claimIdentifier, List<PasRequest.Item> items, Instant submittedAt) {

  PasSubmission {
    items = List.copyOf(items);
  }
}
