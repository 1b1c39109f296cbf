package com.healthplan.va.followup;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.input.SubmittedValues;

/**
 * The scores of a follow-up as a nurse's form, a PCP's page or the case API send them (contract fields): contact
 * method, pain, comfort and activity from 0 to 10, an optional note; each problem named in the nurse's words.
 */
final class FollowUpScores {

  private FollowUpScores() {
  }

  /** The scores, or null with the errors in {@code in}. */
  static FollowUp.Scores read(SubmittedValues in) {
    ContactMethod method = in.choice(CONTACT_METHOD, "Contact method", ContactMethod.class, true);
    Integer pain = in.wholeNumber(FOLLOW_UP_PAIN_SCORE, "Pain score", 0, 10);
    Integer comfort = in.wholeNumber(COMFORT_SCORE, "Comfort score", 0, 10);
    Integer activity = in.wholeNumber(ACTIVITY_SCORE, "Activity score", 0, 10);
    String note = in.note(FOLLOW_UP_NOTE, "Note", false);
    if (!in.errors().isEmpty()) {
      return null;
    }
    return new FollowUp.Scores(method, pain, comfort, activity, note);
  }
}
