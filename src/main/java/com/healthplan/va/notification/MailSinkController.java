package com.healthplan.va.notification;

import com.healthplan.va.security.ApiCaller;
import com.healthplan.va.security.CaseRoles;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators of the local default run read what the embedded SMTP sink received. */
@RestController
@ConditionalOnProperty(name = "va.mail.embedded-sink.enabled", havingValue = "true")
class MailSinkController {

  private final EmbeddedSmtpSink sink;
  private final ApiCaller caller;

  MailSinkController(EmbeddedSmtpSink sink, ApiCaller caller) {
    this.sink = sink;
    this.caller = caller;
  }

  @GetMapping("/api/mail-sink/messages")
  List<Map<String, Object>> messages() throws MessagingException, IOException {
    caller.requireAnyOf(List.of(CaseRoles.ADMINISTRATORS));
    List<Map<String, Object>> messages = new ArrayList<>();
    for (MimeMessage message : sink.messages()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("messageId", message.getMessageID());
      entry.put("to", Arrays.stream(message.getAllRecipients()).map(Address::toString).toList());
      entry.put("subject", message.getSubject());
      entry.put("sentAt", message.getSentDate());
      entry.put("text", plainText(message));
      messages.add(entry);
    }
    return messages;
  }

  private static String plainText(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = plainText(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
