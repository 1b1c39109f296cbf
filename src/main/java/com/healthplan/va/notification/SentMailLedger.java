package com.healthplan.va.notification;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which case e-mails have been handed to the SMTP server, by stable Message-ID. An entry is committed in its
 * own transaction as soon as the server accepts the mail, so that a job that fails afterwards (and is retried,
 * here or on another node) does not send it again. It is also the case's record of what was sent to whom.
 */
@Component
class SentMailLedger {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  SentMailLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  boolean wasSent(String messageId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM va_sent_mail WHERE message_id = ?",
        Integer.class, messageId);
    return count != null && count > 0;
  }

  void recordSent(String messageId, String caseId, CaseNotice notice, String recipients, String subject,
      Instant sentAt) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "INSERT INTO va_sent_mail (message_id, case_id, notice_kind, recipients, subject, sent_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)",
        messageId, caseId, notice.name(), recipients, subject, Timestamp.from(sentAt)));
  }
}
