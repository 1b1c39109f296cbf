package com.healthplan.va.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A finished notice, as a phase hands it to the mailer: which case and kind, its sequence number among notices
 * of that kind for the case (1 for a notice sent once), its template under {@code templates/mail/} (a
 * {@code .txt} and an {@code .html} part), its recipients (addresses, or the members of a group), its subject
 * and the values the templates show. The kind and sequence make its stable Message-ID.
 */
public record Notice(String caseId, String kind, int sequence, String template, List<String> to, String toGroup,
    String subject, Map<String, Object> model) {

  public static Notice toAddresses(String caseId, String kind, int sequence, String template, List<String> to,
      String subject, Map<String, Object> model) {
    return new Notice(caseId, kind, sequence, template, List.copyOf(to), null, subject, Map.copyOf(model));
  }

  public static Notice toGroup(String caseId, String kind, int sequence, String template, String group,
      String subject, Map<String, Object> model) {
    return new Notice(caseId, kind, sequence, template, List.of(), group, subject, Map.copyOf(model));
  }

  /** The kind as it appears in the Message-ID ({@code DETERMINATION_DENIED} is {@code determination-denied}). */
  String messageIdPart() {
    return kind.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
