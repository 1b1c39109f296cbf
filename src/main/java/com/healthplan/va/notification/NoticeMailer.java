package com.healthplan.va.notification;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.security.CaseRoles;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a case notice (plain text and HTML) and sends it at most once: every notice has a stable Message-ID
 * made of case, notice and sequence number, and a notice already in the {@link SentMailLedger} is not sent
 * again. Errors from the SMTP server propagate, so the job fails, is retried and finally becomes an incident.
 */
@Service
public class NoticeMailer {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeMailer.class);

  private final JavaMailSender mailSender;
  private final ITemplateEngine templates;
  private final SentMailLedger ledger;
  private final IdentityService identity;
  private final PlanCalendar calendar;
  private final MailProperties properties;

  NoticeMailer(JavaMailSender mailSender, ITemplateEngine mailTemplates, SentMailLedger ledger,
      IdentityService identity, PlanCalendar calendar, MailProperties properties) {
    this.mailSender = mailSender;
    this.templates = mailTemplates;
    this.ledger = ledger;
    this.identity = identity;
    this.calendar = calendar;
    this.properties = properties;
  }

  public void send(CaseNotice notice, CaseFile caseFile) {
    NoticeContent content = NoticeContent.of(notice, caseFile, calendar);
    String messageId = messageId(caseFile.caseId(), notice, content.sequence());
    if (ledger.wasSent(messageId)) {
      LOG.info("Notice {} already sent, not sending it again", messageId);
      return;
    }
    List<String> recipients = recipients(notice, caseFile);
    Context context = new Context(Locale.US, content.model());
    String text = templates.process("mail/" + notice.template() + ".txt", context);
    String html = templates.process("mail/" + notice.template() + ".html", context);
    try {
      MimeMessage message = new StableIdMessage(messageId);
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(recipients.stream().map(NoticeMailer::address).toArray(InternetAddress[]::new));
      helper.setSubject(content.subject());
      helper.setText(text, html);
      mailSender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not compose notice " + messageId, e);
    }
    ledger.recordSent(messageId, caseFile.caseId(), notice, String.join(", ", recipients), content.subject(),
        calendar.now());
    LOG.info("Sent notice {} to {} recipient(s)", messageId, recipients.size());
  }

  String messageId(String caseId, CaseNotice notice, int sequence) {
    return "<" + caseId + "." + notice.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + sequence
        + "@" + properties.messageIdDomain() + ">";
  }

  private List<String> recipients(CaseNotice notice, CaseFile caseFile) {
    return switch (notice.recipient()) {
      case REQUESTING_PROVIDER -> List.of(caseFile.text(CaseVariables.REQUESTING_PROVIDER_EMAIL));
      case COORDINATORS -> {
        List<String> coordinators = identity.createUserQuery().memberOfGroup(CaseRoles.COORDINATORS).list()
            .stream().map(User::getEmail).filter(Objects::nonNull).filter(e -> !e.isBlank()).toList();
        if (coordinators.isEmpty()) {
          throw new IllegalStateException("No member of " + CaseRoles.COORDINATORS + " has an e-mail address");
        }
        yield coordinators;
      }
    };
  }

  private static InternetAddress address(String email) {
    try {
      return new InternetAddress(email, true);
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalStateException("Not an e-mail address on record", e);
    }
  }

  /** Keeps the application's Message-ID, which JavaMail would otherwise replace when the message is saved. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(String messageId) {
      super(Session.getInstance(new Properties()));
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
