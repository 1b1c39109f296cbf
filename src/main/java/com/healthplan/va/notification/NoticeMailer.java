package com.healthplan.va.notification;

import com.healthplan.va.casefile.PlanCalendar;
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
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a case notice (plain text and HTML) and sends it at most once: every notice has a stable Message-ID
 * made of case, notice and sequence number, claimed in the {@link SentMailLedger} before the SMTP call. Errors
 * from the SMTP server release the claim and propagate, so the job fails, is retried and finally becomes an
 * incident in Cockpit.
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

  public void send(Notice notice) {
    String messageId = messageId(notice);
    List<String> recipients = recipients(notice);
    MimeMessage message = compose(messageId, recipients, notice);
    switch (ledger.claim(messageId, notice.caseId(), notice.kind(), String.join(", ", recipients), notice.subject(),
        calendar.now())) {
      case ALREADY_SENT -> {
        LOG.info("Notice {} already sent, not sending it again", messageId);
        return;
      }
      case IN_DOUBT -> throw new IllegalStateException("Notice " + messageId + " is being sent by another job, or "
          + "an earlier attempt stopped after the SMTP call without confirming it. Check the mail server's log for "
          + "this Message-ID; if it was not delivered, delete its SENDING row from va_sent_mail, then retry.");
      case CLAIMED -> {
        // ours to send
      }
    }
    try {
      mailSender.send(message);
    } catch (MailException failed) {
      if (SmtpOutcome.definitelyNotSent(failed)) {
        ledger.release(messageId); // the retry may send it
        throw failed;
      }
      throw new IllegalStateException("Notice " + messageId + " may have been accepted by the mail server before "
          + "the connection failed; it stays marked as being sent and will not be sent again automatically. Check "
          + "the mail server's log for this Message-ID; if it was not delivered, delete its SENDING row from "
          + "va_sent_mail, then retry.", failed);
    }
    ledger.markSent(messageId, calendar.now());
    LOG.info("Sent notice {} to {} recipient(s)", messageId, recipients.size());
  }

  /** The notices sent for a case, oldest first. */
  public List<SentNotice> sentFor(String caseId) {
    return ledger.sentFor(caseId);
  }

  private MimeMessage compose(String messageId, List<String> recipients, Notice notice) {
    Context context = new Context(Locale.US, notice.model());
    String text = templates.process("mail/" + notice.template() + ".txt", context);
    String html = templates.process("mail/" + notice.template() + ".html", context);
    try {
      MimeMessage message = new StableIdMessage(messageId);
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(recipients.stream().map(NoticeMailer::address).toArray(InternetAddress[]::new));
      helper.setSubject(notice.subject());
      helper.setText(text, html);
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not compose notice " + messageId, e);
    }
  }

  String messageId(Notice notice) {
    return "<" + notice.caseId() + "." + notice.messageIdPart() + "." + notice.sequence() + "@"
        + properties.messageIdDomain() + ">";
  }

  private List<String> recipients(Notice notice) {
    if (notice.toGroup() == null) {
      return notice.to();
    }
    List<String> members = identity.createUserQuery().memberOfGroup(notice.toGroup()).list()
        .stream().map(User::getEmail).filter(Objects::nonNull).filter(e -> !e.isBlank()).toList();
    if (members.isEmpty()) {
      throw new IllegalStateException("No member of " + notice.toGroup() + " has an e-mail address");
    }
    return members;
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
