package com.healthplan.va.determination;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** The plain-text part of a notice, as a reader sees it (no transfer encoding). */
final class CaseNoticeText {

  private CaseNoticeText() {
  }

  static String of(MimeMessage message) throws Exception {
    String text = find((Multipart) message.getContent());
    return text == null ? "" : text.replaceAll("\\s+", " ");
  }

  private static String find(Multipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart nested) {
        String found = find(nested);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
