package com.healthplan.va.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which case e-mails went to the SMTP server, by stable Message-ID, and the case's record of what was sent to
 * whom and when. Sending is at most once by construction: a notice is claimed (a row keyed by its Message-ID,
 * state {@code SENDING}, committed in its own transaction) before the SMTP call, marked {@code SENT} after it and
 * released (deleted) when the call fails. Of two jobs with the same notice, on one node or two, only the one
 * whose claim committed can send.
 */
@Component
class SentMailLedger {

  /** Whether a notice may be sent now. */
  enum Claim {
    /** The claim is ours: send, then {@link #markSent} or {@link #release}. */
    CLAIMED,
    /** Sent before: nothing to do. */
    ALREADY_SENT,
    /**
     * Claimed by another job that is sending it now, or that stopped between the SMTP call and marking it (a
     * crash): whether the mail went out is unknown, so it is not sent again without a person deciding.
     */
    IN_DOUBT
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  SentMailLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  Claim claim(String messageId, String caseId, String kind, String recipients, String subject, Instant now) {
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO va_sent_mail (message_id, case_id, notice_kind, recipients, subject, state, claimed_at) "
              + "VALUES (?, ?, ?, ?, ?, 'SENDING', ?)",
          messageId, caseId, kind, recipients, subject, Timestamp.from(now)));
      return Claim.CLAIMED;
    } catch (DuplicateKeyException taken) {
      List<String> states = jdbc.queryForList("SELECT state FROM va_sent_mail WHERE message_id = ?", String.class,
          messageId);
      return states.contains("SENT") ? Claim.ALREADY_SENT : Claim.IN_DOUBT;
    }
  }

  void markSent(String messageId, Instant sentAt) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "UPDATE va_sent_mail SET state = 'SENT', sent_at = ? WHERE message_id = ?", Timestamp.from(sentAt),
        messageId));
  }

  /** The SMTP server refused the mail: the claim is given up, so that the job's retry can send it. */
  void release(String messageId) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "DELETE FROM va_sent_mail WHERE message_id = ? AND state = 'SENDING'", messageId));
  }

  /** The notices sent for a case, oldest first. */
  List<SentNotice> sentFor(String caseId) {
    return jdbc.query("SELECT notice_kind, recipients, sent_at, message_id FROM va_sent_mail "
            + "WHERE case_id = ? AND state = 'SENT' ORDER BY sent_at, message_id",
        (row, n) -> new SentNotice(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
            row.getString(4)), caseId);
  }
}
