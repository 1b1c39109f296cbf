package com.healthplan.va.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthplan.va.support.Http;
import com.healthplan.va.support.OperationsTestSupport;
import com.healthplan.va.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.thymeleaf.ITemplateEngine;

/**
 * D2/D3: a send cut off between the SMTP call and its confirmation (a node killed, a timeout after the message
 * went out) leaves no notice unsent and no case stuck: the next attempt resends it with the same Message-ID,
 * marked and flagged as a possible duplicate with an incident at once; a live send is waited for, never doubled;
 * an administrator settles a notice as delivered or to be resent through the API.
 */
class InDoubtNoticeTest extends OperationsTestSupport {

  private static final String ADMIN = Http.basic("demo", "demo");
  private static final String NURSE = Http.basic("nurse1", "nurse1");

  @Autowired NoticeMailer mailer;
  @Autowired SentMailLedger ledger;
  @Autowired ITemplateEngine mailTemplates;
  @Autowired MailProperties mailProperties;
  @Autowired NoticeSettlements settlements;

  @AfterEach
  void probeOff() {
    PROBE = execution -> { };
  }

  private static String newCaseId() {
    return "VA-T" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Notice notice(String caseId) {
    return Notice.toAddresses(caseId, "DETERMINATION_DENIED", 1, "determination-denied",
        List.of("spine@clinic.example"), "Prior authorization " + caseId + ": denied", Map.of("caseId", caseId));
  }

  /** As a node killed after the SMTP call leaves it: claimed, never confirmed. */
  private void cutOffSend(String messageId, String caseId, Instant claimedAt) {
    jdbc.update("INSERT INTO va_sent_mail (message_id, case_id, notice_kind, recipients, subject, state, claimed_at) "
            + "VALUES (?, ?, 'DETERMINATION_DENIED', 'spine@clinic.example', 'x', 'SENDING', ?)",
        messageId, caseId, Timestamp.from(claimedAt));
  }

  private List<MimeMessage> receivedWithId(String messageId) throws Exception {
    List<MimeMessage> matching = new java.util.ArrayList<>();
    for (MimeMessage message : TestMailServer.received()) {
      if (messageId.equals(message.getMessageID())) {
        matching.add(message);
      }
    }
    return matching;
  }

  @Test
  void aCutOffSendIsSentAgainWithTheSameMessageIdAndFlaggedAsAPossibleDuplicate() throws Exception {
    String caseId = newCaseId();
    Notice notice = notice(caseId);
    String messageId = mailer.messageId(notice);
    cutOffSend(messageId, caseId, calendar.now().minus(mailProperties.inDoubtAfter()).minusSeconds(1));

    long started = System.nanoTime();
    mailer.send(notice);

    assertThat((System.nanoTime() - started) / 1_000_000).as("decided at once, not after a wait").isLessThan(5000);
    List<MimeMessage> copies = receivedWithId(messageId);
    assertThat(copies).singleElement().satisfies(copy ->
        assertThat(copy.getHeader(NoticeMailer.POSSIBLE_DUPLICATE_HEADER)).containsExactly("yes"));
    assertThat(ledger.entry(messageId)).get().satisfies(entry -> {
      assertThat(entry.sent()).isTrue();
      assertThat(entry.possibleDuplicate()).isTrue();
    });
    assertThat(settlements.toSettle()).filteredOn(n -> n.messageId().equals(messageId)).singleElement()
        .satisfies(n -> assertThat(n.state()).isEqualTo(NoticeToSettle.State.SENT_POSSIBLY_TWICE));

    // sent once more by another retry: nothing goes out
    mailer.send(notice);
    assertThat(receivedWithId(messageId)).hasSize(1);
  }

  @Test
  void aLiveSendOfAnotherJobIsWaitedForAndNotDoubled() throws Exception {
    String caseId = newCaseId();
    Notice notice = notice(caseId);
    String messageId = mailer.messageId(notice);
    cutOffSend(messageId, caseId, calendar.now());
    Thread otherJob = new Thread(() -> {
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        return;
      }
      ledger.markSent(messageId, calendar.now());
    });
    otherJob.start();

    mailer.send(notice);
    otherJob.join();

    assertThat(receivedWithId(messageId)).isEmpty();
    assertThat(ledger.entry(messageId)).get().satisfies(entry -> assertThat(entry.possibleDuplicate()).isFalse());
  }

  @Test
  void aTimeoutAfterTheMessageWentOutIsResolvedByTheNextAttemptNotByAPerson() {
    String caseId = newCaseId();
    Notice notice = notice(caseId);
    AtomicInteger attempts = new AtomicInteger();
    // the server took the message, then the connection timed out before its final reply
    JavaMailSenderImpl timingOut = new JavaMailSenderImpl() {
      @Override
      public void send(MimeMessage... messages) {
        attempts.incrementAndGet();
        throw new MailSendException(Map.of(messages[0], new jakarta.mail.MessagingException(
            "Exception reading response", new java.net.SocketTimeoutException("Read timed out"))));
      }
    };
    NoticeMailer cutOff = new NoticeMailer(timingOut, mailTemplates, ledger, identityService, calendar,
        mailProperties, runtimeService);
    String messageId = mailer.messageId(notice);

    assertThatThrownBy(() -> cutOff.send(notice)).hasMessageContaining("in doubt")
        .hasMessageContaining("sends it again with the same Message-ID");
    assertThat(ledger.entry(messageId)).get().satisfies(entry -> assertThat(entry.state()).isEqualTo("SENDING"));
    assertThat(attempts).hasValue(1);
    // the next attempt, once the claim is older than any live send
    jdbc.update("UPDATE va_sent_mail SET claimed_at = ? WHERE message_id = ?",
        Timestamp.from(calendar.now().minus(mailProperties.inDoubtAfter()).minusSeconds(1)), messageId);
    mailer.send(notice);
    assertThat(TestMailServer.received()).hasSize(1);
  }

  @Test
  void theCaseGoesOnAndCockpitShowsAnIncidentAtOnce() {
    deployProbe();
    String caseId = newCaseId();
    Notice notice = notice(caseId);
    String messageId = mailer.messageId(notice);
    cutOffSend(messageId, caseId, calendar.now().minus(mailProperties.inDoubtAfter()).minusSeconds(1));
    PROBE = execution -> mailer.send(notice);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROBE_PROCESS, caseId);
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();

    managementService.executeJob(job.getId());

    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(AFTER_PROBE)
        .count()).isEqualTo(1);
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(NoticeMailer.POSSIBLE_DUPLICATE_INCIDENT);
    assertThat(incident.getConfiguration()).isEqualTo(messageId);

    // the administrator confirms it: flag settled, incident resolved
    HttpResponse<String> settled = http.postJson("/api/operations/notices/settlement",
        "{\"messageId\":\"" + messageId + "\",\"outcome\":\"DELIVERED\"}", "Authorization", ADMIN);
    assertThat(settled.statusCode()).isEqualTo(200);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(settlements.toSettle()).noneMatch(n -> n.messageId().equals(messageId));
  }

  @Test
  void anAdministratorSettlesANoticeInDoubtAndItsJobRunsAtOnce() throws Exception {
    deployProbe();
    String caseId = newCaseId();
    Notice notice = notice(caseId);
    String messageId = mailer.messageId(notice);
    PROBE = execution -> {
      throw new IllegalStateException("Notice " + messageId + " may have been accepted by the mail server");
    };
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROBE_PROCESS, caseId);
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
    cutOffSend(messageId, caseId, calendar.now());
    assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getDuedate())
        .isAfter(java.util.Date.from(Instant.now().plusSeconds(30)));

    HttpResponse<String> listed = http.get("/api/operations/notices", "Authorization", ADMIN);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains(messageId).contains("IN_DOUBT");

    HttpResponse<String> resend = http.postJson("/api/operations/notices/settlement",
        "{\"messageId\":\"" + messageId + "\",\"outcome\":\"RESEND\"}", "Authorization", ADMIN);
    assertThat(resend.statusCode()).isEqualTo(200);
    assertThat(json.readTree(resend.body()).get("jobsRunNow").asInt()).isEqualTo(1);
    Job released = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(released.getDuedate()).isBeforeOrEqualTo(java.util.Date.from(Instant.now().plusSeconds(1)));
    assertThat(ledger.entry(messageId)).isEmpty();

    PROBE = execution -> mailer.send(notice);
    managementService.executeJob(job.getId());
    assertThat(receivedWithId(messageId)).singleElement().satisfies(copy ->
        assertThat(copy.getHeader(NoticeMailer.POSSIBLE_DUPLICATE_HEADER)).isNull());
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(AFTER_PROBE)
        .count()).isEqualTo(1);
  }

  @Test
  void onlyAdministratorsSettleAndBadRequestsNameTheField() {
    String caseId = newCaseId();
    String messageId = mailer.messageId(notice(caseId));
    cutOffSend(messageId, caseId, calendar.now());

    assertThat(http.get("/api/operations/notices", "Authorization", NURSE).statusCode()).isEqualTo(403);
    assertThat(http.postJson("/api/operations/notices/settlement",
        "{\"messageId\":\"" + messageId + "\",\"outcome\":\"DELIVERED\"}", "Authorization", NURSE).statusCode())
        .isEqualTo(403);
    HttpResponse<String> badOutcome = http.postJson("/api/operations/notices/settlement",
        "{\"messageId\":\"" + messageId + "\",\"outcome\":\"maybe\"}", "Authorization", ADMIN);
    assertThat(badOutcome.statusCode()).isEqualTo(400);
    assertThat(badOutcome.body()).contains("\"field\":\"outcome\"").contains("DELIVERED");
    assertThat(http.postJson("/api/operations/notices/settlement",
        "{\"messageId\":\"<nope@x>\",\"outcome\":\"RESEND\"}", "Authorization", ADMIN).statusCode()).isEqualTo(404);
    assertThat(ledger.entry(messageId)).get().satisfies(entry -> assertThat(entry.state()).isEqualTo("SENDING"));

    ledger.markSent(messageId, calendar.now());
    assertThat(http.postJson("/api/operations/notices/settlement",
        "{\"messageId\":\"" + messageId + "\",\"outcome\":\"RESEND\"}", "Authorization", ADMIN).statusCode())
        .isEqualTo(409);
  }
}
