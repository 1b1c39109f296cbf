package com.healthplan.va.procedure;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.SpinalLevel;
import com.healthplan.va.input.SubmittedValues;
import java.time.LocalDate;
import java.util.List;

/**
 * The procedure record's fields (contract names) as a nurse's form, an integrator's submit-form or
 * {@code PUT /api/cases/{caseId}/procedure} send them: every field checked, every problem named in the nurse's
 * words. A date before the approval is accepted: it is recorded and becomes a payment finding.
 */
final class ProcedureRecordValidator {

  private ProcedureRecordValidator() {
  }

  /** The record, or null with the errors in {@code in}; a procedure is performed after its fracture, not later than today. */
  static ProcedureRecord read(SubmittedValues in, LocalDate today, LocalDate fractureDate) {
    LocalDate date = in.day(PROCEDURE_DATE, "Date performed", true);
    if (date != null && date.isAfter(today)) {
      in.errors().add(PROCEDURE_DATE, "Date performed cannot be in the future.");
    } else if (date != null && fractureDate != null && date.isBefore(fractureDate)) {
      in.errors().add(PROCEDURE_DATE, "Date performed cannot be before the fracture (" + fractureDate + ").");
    }
    List<String> treated = SpinalLevel.read(in, LEVELS_TREATED, "Levels treated", true);
    ImagingGuidance guidance = in.choice(IMAGING_GUIDANCE, "Real-time imaging guidance", ImagingGuidance.class,
        true);
    Boolean placementImages = in.yesNo(TROCAR_PLACEMENT_IMAGES_RETAINED,
        "Whether images of the final trocar placement were retained");
    Boolean finalImages = in.yesNo(FINAL_VERTEBRAL_BODY_IMAGES_RETAINED,
        "Whether images of the vertebral body at the end of the procedure were retained");
    Boolean narrative = in.yesNo(OPERATIVE_NARRATIVE_RECEIVED,
        "Whether the detailed operative narrative report was received");
    Boolean openSpine = in.yesNo(OPEN_SPINE_PROCEDURE_SAME_SESSION,
        "Whether an open spine procedure was done in the same session");
    List<String> biopsy = SpinalLevel.read(in, BIOPSY_LEVELS, "Bone biopsy levels", false);
    String rationale = in.note(EARLY_PROCEDURE_RATIONALE, "Rationale for not waiting", false);
    if (!in.errors().isEmpty()) {
      return null;
    }
    return new ProcedureRecord(date, treated, guidance, placementImages, finalImages, narrative, openSpine, biopsy,
        rationale, null, null);
  }
}
