package com.healthplan.va.notification;

import com.healthplan.va.casefile.PlanCalendar;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
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
 * incident in Cockpit. A send cut off between the SMTP call and its confirmation (a crash, a timeout after the
 * message went out) is in doubt: the next attempt waits until the claim is older than any live send
 * (va.mail.in-doubt-after), then sends again with the same Message-ID, which receiving systems de-duplicate,
 * marks the copy, flags it in the ledger and raises an incident at once for an administrator to settle
 * ({@link NoticeSettlements}). No notice is left unsent, and the case goes on.
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
  private final RuntimeService runtime;

  /** Marks a notice sent again after a cut-off send (RFC 2822 leaves X- headers to applications). */
  public static final String POSSIBLE_DUPLICATE_HEADER = "X-Possible-Duplicate";
  /** The incident type of a notice that may have reached its recipients twice. */
  public static final String POSSIBLE_DUPLICATE_INCIDENT = "possibleDuplicateNotice";

  NoticeMailer(JavaMailSender mailSender, ITemplateEngine mailTemplates, SentMailLedger ledger,
      IdentityService identity, PlanCalendar calendar, MailProperties properties, RuntimeService runtime) {
    this.runtime = runtime;
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
    boolean possibleDuplicate = false;
    long waitingSince = System.nanoTime();
    while (true) {
      SentMailLedger.Claim claim = ledger.claim(messageId, notice.caseId(), notice.kind(),
          String.join(", ", recipients), notice.subject(), calendar.now());
      if (claim == SentMailLedger.Claim.ALREADY_SENT) {
        LOG.info("Notice {} already sent, not sending it again", messageId);
        return;
      }
      if (claim == SentMailLedger.Claim.CLAIMED) {
        break;
      }
      // in doubt: another job is sending it now, or a node stopped after claiming it; see which
      Optional<SentMailLedger.Entry> entry = ledger.entry(messageId);
      if (entry.isEmpty()) {
        continue; // released meanwhile: claim again
      }
      if (entry.get().sent()) {
        LOG.info("Notice {} sent meanwhile by another job, not sending it again", messageId);
        return;
      }
      Duration age = entry.get().claimedAt() == null ? properties.inDoubtAfter()
          : Duration.between(entry.get().claimedAt(), calendar.now());
      Duration waited = Duration.ofNanos(System.nanoTime() - waitingSince);
      if (age.compareTo(properties.inDoubtAfter()) < 0 && waited.compareTo(properties.inDoubtAfter()) < 0) {
        pause(); // a live send ends within in-doubt-after; wait for it rather than fail the job
        continue;
      }
      if (ledger.takeOver(messageId, entry.get().claimedAt(), calendar.now())) {
        // the rule (docs/operations.md): a lost notice is worse than a second copy with the same Message-ID
        LOG.warn("Notice {}: an earlier send was cut off before it was confirmed; sending it again with the same "
            + "Message-ID, recorded as a possible duplicate for an administrator to settle", messageId);
        possibleDuplicate = true;
        break;
      }
    }
    MimeMessage message = compose(messageId, recipients, notice, possibleDuplicate);
    try {
      mailSender.send(message);
    } catch (MailException failed) {
      if (SmtpOutcome.definitelyNotSent(failed)) {
        ledger.release(messageId); // the retry may send it
        throw failed;
      }
      throw new IllegalStateException("Notice " + messageId + " may have been accepted by the mail server before "
          + "the connection failed; it is in doubt. The job's next attempt sends it again with the same Message-ID "
          + "and records it as a possible duplicate; an administrator may settle it before (docs/operations.md).",
          failed);
    }
    ledger.markSent(messageId, calendar.now());
    if (possibleDuplicate) {
      raiseIncident(messageId, notice.caseId());
    }
    LOG.info("Sent notice {} to {} recipient(s)", messageId, recipients.size());
  }

  /**
   * Cockpit shows the possible duplicate at once, on the notice's own execution (an incident on another process
   * instance from inside this job fails the job); the ledger's flag outlives it (GET /api/operations/notices).
   */
  private void raiseIncident(String messageId, String caseId) {
    var context = org.camunda.bpm.engine.impl.context.Context.getBpmnExecutionContext();
    String executionId = context != null && context.getExecution() != null ? context.getExecution().getId() : null;
    if (executionId == null) {
      return; // no running process of the case: the ledger's flag is the record (GET /api/operations/notices)
    }
    runtime.createIncident(POSSIBLE_DUPLICATE_INCIDENT, executionId, messageId,
        "Notice " + messageId + " of case " + caseId + " was sent again after a cut-off send and may have reached "
            + "its recipients twice. Settle it: POST /api/operations/notices/settlement (docs/operations.md).");
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for another job's send", e);
    }
  }

  /** The notices sent for a case, oldest first. */
  public List<SentNotice> sentFor(String caseId) {
    return ledger.sentFor(caseId);
  }

  private MimeMessage compose(String messageId, List<String> recipients, Notice notice, boolean possibleDuplicate) {
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
      if (possibleDuplicate) {
        // for the recipient's system and for anyone reading the headers: this may be a second copy
        message.setHeader(POSSIBLE_DUPLICATE_HEADER, "yes");
      }
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
