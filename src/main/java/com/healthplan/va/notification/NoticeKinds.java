package com.healthplan.va.notification;

import com.healthplan.va.casefile.FollowUpMilestone;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every notice kind in the words people read on the case page and the timeline ("Denial to the provider",
 * "Letter to the member: approval"). The kinds stay the contract's codes in the API and
 * in Message-IDs; this is the one place that says them in words.
 */
public final class NoticeKinds {

  /** The provider's and the coordinators' notices, kind by kind. */
  private static final Map<String, String> WORDS = new LinkedHashMap<>();

  /** The member's letters: {@code MEMBER_} and the letter's name, worded by the letter's own subject line. */
  private static final Map<String, String> MEMBER_LETTERS = new LinkedHashMap<>();

  static {
    WORDS.put("DETERMINATION_APPROVED", "Approval to the provider");
    WORDS.put("DETERMINATION_DENIED", "Denial to the provider");
    WORDS.put("CLOSED_INCOMPLETE", "Decision without the requested information, to the provider");
    WORDS.put("INFORMATION_REQUEST", "Request for information to the provider");
    WORDS.put("APPEAL_OVERTURNED", "Appeal decision to the provider: overturned");
    WORDS.put("APPEAL_UPHELD", "Appeal decision to the provider: upheld");
    WORDS.put("DOCUMENTATION_REQUEST", "Request for pre-procedure documentation to the provider");
    WORDS.put("DOCUMENTATION_OVERDUE", "Alert to the coordinators: documentation overdue");
    WORDS.put("DETERMINATION_DUE_SOON", "Alert to the coordinators: determination due soon");
    WORDS.put("APPEAL_DUE_SOON", "Alert to the coordinators: appeal decision due soon");
    for (FollowUpMilestone milestone : FollowUpMilestone.values()) {
      WORDS.put("PCP_REQUEST_" + milestone.name(), "Request to the PCP for the " + milestone.label() + " report");
      WORDS.put("PCP_REMINDER_" + milestone.name(), "Reminder to the PCP for the " + milestone.label() + " report");
      WORDS.put("FOLLOW_UP_OVERDUE_" + milestone.name(), "Alert to the coordinators: " + milestone.label()
          + " overdue");
    }
    MEMBER_LETTERS.put("APPROVED", "approval");
    MEMBER_LETTERS.put("DENIED", "denial");
    MEMBER_LETTERS.put("CLOSED_INCOMPLETE", "decision without the requested information");
    MEMBER_LETTERS.put("INFORMATION_REQUESTED", "information requested from the doctor");
    MEMBER_LETTERS.put("EXTENDED", "deadline extended");
    MEMBER_LETTERS.put("APPEAL_OVERTURNED", "appeal decision, overturned");
    MEMBER_LETTERS.put("APPEAL_UPHELD", "appeal decision, upheld");
  }

  private NoticeKinds() {
  }

  /** The kind in words; a kind nobody worded yet is shown with its code's words rather than not at all. */
  public static String words(String kind) {
    if (kind == null) {
      return "";
    }
    return known(kind).orElseGet(() -> kind.charAt(0) + kind.substring(1).toLowerCase().replace('_', ' '));
  }

  /** The words of a kind this dictionary knows. */
  public static Optional<String> known(String kind) {
    if (kind.startsWith("MEMBER_")) {
      return Optional.ofNullable(MEMBER_LETTERS.get(kind.substring("MEMBER_".length())))
          .map(subject -> "Letter to the member: " + subject);
    }
    return Optional.ofNullable(WORDS.get(kind));
  }

  /** Every kind this dictionary words (the test holds every sender's kind against it). */
  public static Iterable<String> all() {
    return () -> java.util.stream.Stream.concat(WORDS.keySet().stream(),
        MEMBER_LETTERS.keySet().stream().map(letter -> "MEMBER_" + letter)).iterator();
  }
}
