package com.healthplan.va.notification;

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
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Administrators of the local default run read what the embedded SMTP sink received. */
@RestController
@ConditionalOnProperty(name = "va.mail.embedded-sink.enabled", havingValue = "true")
class MailSinkController {

  private final EmbeddedSmtpSink sink;
  private final IdentityService identity;

  MailSinkController(EmbeddedSmtpSink sink, IdentityService identity) {
    this.sink = sink;
    this.identity = identity;
  }

  @GetMapping("/api/mail-sink/messages")
  List<Map<String, Object>> messages() throws MessagingException, IOException {
    var authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getGroupIds() == null
        || !authentication.getGroupIds().contains(CaseRoles.ADMINISTRATORS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
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
