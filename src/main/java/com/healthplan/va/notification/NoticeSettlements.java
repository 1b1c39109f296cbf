package com.healthplan.va.notification;

import com.healthplan.va.casefile.PlanCalendar;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An administrator's way out for a notice in doubt or possibly sent twice (docs/operations.md): confirm it as
 * delivered (it is recorded as sent; the case goes on without sending it again) or have it sent again now. Either
 * way the notice's failed job runs at once and its incidents are resolved.
 */
@Service
public class NoticeSettlements {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeSettlements.class);

  /** What the administrator found out about the notice. */
  public enum Outcome {
    /** The mail server's log or the recipient shows it arrived: record it as sent, never send it again. */
    DELIVERED,
    /** It did not arrive: send it now (only a notice not yet recorded as sent). */
    RESEND
  }

  /** The notice is not in the ledger. */
  public static class UnknownNoticeException extends RuntimeException {
    UnknownNoticeException() {
      super("No notice with this Message-ID.");
    }
  }

  /** A notice already recorded as sent is never sent again. */
  public static class AlreadySentException extends RuntimeException {
    AlreadySentException() {
      super("This notice is recorded as sent; it is not sent again. Settle it as delivered.");
    }
  }

  private final SentMailLedger ledger;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final PlanCalendar calendar;

  NoticeSettlements(SentMailLedger ledger, ManagementService management, RuntimeService runtime,
      PlanCalendar calendar) {
    this.ledger = ledger;
    this.management = management;
    this.runtime = runtime;
    this.calendar = calendar;
  }

  /** Notices in doubt now and possible duplicates not yet settled, oldest first. */
  public List<NoticeToSettle> toSettle() {
    return ledger.toSettle();
  }

  /** Settles one notice; returns how many waiting jobs were set to run at once. */
  public int settle(String messageId, Outcome outcome, String administrator) {
    Optional<SentMailLedger.Entry> entry = ledger.entry(messageId);
    if (entry.isEmpty()) {
      throw new UnknownNoticeException();
    }
    switch (outcome) {
      case DELIVERED -> ledger.settleDelivered(messageId, administrator, calendar.now());
      case RESEND -> {
        if (entry.get().sent()) {
          throw new AlreadySentException();
        }
        ledger.release(messageId);
      }
    }
    runtime.createIncidentQuery().incidentType(NoticeMailer.POSSIBLE_DUPLICATE_INCIDENT).configuration(messageId)
        .list().forEach(incident -> runtime.resolveIncident(incident.getId()));
    int released = 0;
    for (Job job : management.createJobQuery().withException().list()) {
      if (job.getExceptionMessage() != null && job.getExceptionMessage().contains(messageId)) {
        management.setJobRetries(job.getId(), Math.max(1, job.getRetries()));
        management.setJobDuedate(job.getId(), Date.from(calendar.now()));
        released++;
      }
    }
    LOG.info("Notice {} settled as {} by {}; {} waiting job(s) run now", messageId, outcome, administrator, released);
    return released;
  }
}
