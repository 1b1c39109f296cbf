package com.healthplan.va.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The procedure as performed (contract fields), and who recorded it when. */
public record ProcedureRecord(
    LocalDate procedureDate,
    List<String> levelsTreated,
    ImagingGuidance imagingGuidance,
    boolean trocarPlacementImagesRetained,
    boolean finalVertebralBodyImagesRetained,
    boolean operativeNarrativeReceived,
    boolean openSpineProcedureSameSession,
    List<String> biopsyLevels,
    String earlyProcedureRationale,
    String recordedBy,
    Instant recordedAt) {

  ProcedureRecord recordedBy(String userId, Instant at) {
    return new ProcedureRecord(procedureDate, levelsTreated, imagingGuidance, trocarPlacementImagesRetained,
        finalVertebralBodyImagesRetained, operativeNarrativeReceived, openSpineProcedureSameSession, biopsyLevels,
        earlyProcedureRationale, userId, at);
  }
}
