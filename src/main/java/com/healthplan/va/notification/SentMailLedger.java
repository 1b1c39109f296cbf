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

  /** What the ledger holds for a notice: its state, when it was claimed, whether it may have gone twice. */
  record Entry(String state, Instant claimedAt, boolean possibleDuplicate) {
    boolean sent() {
      return "SENT".equals(state);
    }
  }

  /** Whether a notice may be sent now. */
  enum Claim {
    /** The claim is ours: send, then {@link #markSent} or {@link #release}. */
    CLAIMED,
    /** Sent before: nothing to do. */
    ALREADY_SENT,
    /**
     * Claimed by another job that is sending it now, or that stopped between the SMTP call and marking it (a
     * crash): the claim's age tells which ({@link NoticeMailer} waits, then takes it over with {@link #takeOver}).
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

  /** The notice's entry, if it has one. */
  java.util.Optional<Entry> entry(String messageId) {
    return jdbc.query("SELECT state, claimed_at, possible_duplicate FROM va_sent_mail WHERE message_id = ?",
        (row, n) -> new Entry(row.getString(1), row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant(),
            row.getBoolean(3)), messageId).stream().findFirst();
  }

  /**
   * Takes over a claim whose send was cut off, flagging the notice as a possible duplicate: only the one caller
   * that still sees the claim as it was read succeeds (of two nodes deciding at once, one sends).
   */
  boolean takeOver(String messageId, Instant claimedAt, Instant now) {
    Integer taken = ownTransaction.execute(status -> claimedAt == null
        ? jdbc.update("UPDATE va_sent_mail SET claimed_at = ?, possible_duplicate = TRUE "
            + "WHERE message_id = ? AND state = 'SENDING' AND claimed_at IS NULL", Timestamp.from(now), messageId)
        : jdbc.update("UPDATE va_sent_mail SET claimed_at = ?, possible_duplicate = TRUE "
            + "WHERE message_id = ? AND state = 'SENDING' AND claimed_at = ?", Timestamp.from(now), messageId,
            Timestamp.from(claimedAt)));
    return taken != null && taken == 1;
  }

  /** Notices an administrator has to look at: sends in doubt now, and possible duplicates not yet settled. */
  List<NoticeToSettle> toSettle() {
    return jdbc.query("SELECT message_id, case_id, notice_kind, recipients, state, claimed_at, sent_at, "
            + "possible_duplicate FROM va_sent_mail WHERE settled_at IS NULL AND (state = 'SENDING' "
            + "OR possible_duplicate = TRUE) ORDER BY claimed_at, message_id",
        (row, n) -> new NoticeToSettle(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
            "SENT".equals(row.getString(5)) ? NoticeToSettle.State.SENT_POSSIBLY_TWICE : NoticeToSettle.State.IN_DOUBT,
            row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant(),
            row.getTimestamp(7) == null ? null : row.getTimestamp(7).toInstant()));
  }

  /** An administrator confirmed the notice as delivered: it is sent, and settled. */
  boolean settleDelivered(String messageId, String by, Instant now) {
    Integer changed = ownTransaction.execute(status -> jdbc.update("UPDATE va_sent_mail SET state = 'SENT', "
        + "sent_at = COALESCE(sent_at, claimed_at, ?), settled_by = ?, settled_at = ? WHERE message_id = ?",
        Timestamp.from(now), by, Timestamp.from(now), messageId));
    return changed != null && changed == 1;
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
