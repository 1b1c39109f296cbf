/**
 * The FHIR R4 Prior Authorization API of the CMS interoperability and prior authorization rule, in the shape of the
 * Da Vinci guides, on HAPI FHIR's plain server under {@code /fhir}: {@code Claim/$submit} maps a PAS request bundle to
 * the case intake (the same validation, prescreen and lifecycle as the case API), {@code Claim/$inquire} answers a
 * submitted request's status and decision from the case file, {@code Questionnaire/vertebral-augmentation-criteria}
 * is the policy's checklist (DTR) with the numbers of its decision cells, and {@code /fhir/metadata} the server's
 * CapabilityStatement. It owns the record of which provider system submitted which request
 * ({@code va_fhir_submission}); nothing else depends on it.
 */
package com.healthplan.va.fhir;
