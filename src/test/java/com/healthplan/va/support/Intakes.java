package com.healthplan.va.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Intake submissions for tests: one that meets every criterion, to be varied field by field. */
public final class Intakes {

  private Intakes() {
  }

  /** A valid submission, as the case API receives it, meeting every criterion on the given request date. */
  public static Map<String, Object> eligible(LocalDate requestDate) {
    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put("memberId", "M-100234");
    intake.put("patientName", "Jane Q. Doe");
    intake.put("patientBirthDate", "1948-03-14");
    intake.put("requestingProviderName", "Dr. Alan Spine");
    intake.put("requestingProviderNpi", "1234567893");
    intake.put("requestingProviderEmail", "spine@clinic.example");
    intake.put("pcpName", "Dr. Paula Primary");
    intake.put("pcpEmail", "pcp@clinic.example");
    intake.put("pcpPhone", "555-0100");
    intake.put("procedureType", "KYPHOPLASTY");
    intake.put("requestDate", requestDate.toString());
    intake.put("urgency", "STANDARD");
    intake.put("fractureLevels", new ArrayList<>(List.of("T12", "L1")));
    intake.put("fractureDate", requestDate.minusWeeks(5).toString());
    intake.put("imagingModality", "MRI");
    intake.put("imagingDate", requestDate.minusWeeks(4).toString());
    intake.put("painScore", 8);
    intake.put("painInterferesWithAdls", true);
    intake.put("adlsPreviouslyIndependent", true);
    intake.put("conservativeCareFailed", true);
    intake.put("interventionsAttempted", "NSAIDs for 6 weeks, thoracolumbar brace");
    intake.put("unstableFracture", false);
    intake.put("activeInfection", false);
    intake.put("uncorrectedCoagulopathy", false);
    intake.put("boneRetropulsion", false);
    intake.put("radicularSymptoms", false);
    intake.put("spinalTumorOrCordCompression", false);
    intake.put("materialAllergyOrContraindication", false);
    intake.put("otherSpinalPainGenerators", false);
    return intake;
  }

  /** A copy with one field changed (or removed, with {@code null} as value and {@code remove} true). */
  public static Map<String, Object> with(Map<String, Object> intake, String field, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(intake);
    copy.put(field, value);
    return copy;
  }

  public static Map<String, Object> without(Map<String, Object> intake, String field) {
    Map<String, Object> copy = new LinkedHashMap<>(intake);
    copy.remove(field);
    return copy;
  }
}
