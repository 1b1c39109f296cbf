package com.healthplan.va.notification;

import com.healthplan.va.support.TestPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TestMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Case notices over real SMTP (GreenMail): recipients, subjects, minimum necessary content, escaping, retries. */
class CaseNoticeMailTest extends CaseTestSupport {

  static final String HOSTILE = "<script>alert('x')</script> & <b>bold</b>";

  @Autowired NoticeMailer mailer;

  @AfterEach
  void smtpBackUp() {
    TestMailServer.restart();
  }

  ProcessInstance referredToPhysician(Map<String, Object> intake, String unmet) {
    ProcessInstance instance = openCase(intake);
    Map<String, Object> review = new HashMap<>();
    review.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    review.put("reviewConfirmedCriteria", new ArrayList<>(allBut(unmet)));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", review);
    return instance;
  }

  static List<String> allBut(String code) {
    return EligibilityCriterion.codes().stream().filter(c -> !c.equals(code)).toList();
  }

  ProcessInstance deniedWithRationale(String rationale) {
    Map<String, Object> intake = Intakes.with(eligibleIntake(), "uncorrectedCoagulopathy", true);
    intake.put("patientName", "Jane " + HOSTILE + " Doe");
    ProcessInstance instance = referredToPhysician(intake, "UNCORRECTED_COAGULOPATHY");
    Map<String, Object> decision = new HashMap<>();
    decision.put("medicalDirectorDecision", "DENY");
    decision.put("reviewConfirmedCriteria", new ArrayList<>(allBut("UNCORRECTED_COAGULOPATHY")));
    decision.put("medicalDirectorRationale", rationale);
    completeAs("md1", instance, "UserTask_ReviewAsMedicalDirector", decision);
    return instance;
  }

  void assertDenialNotifiedAndOpenToAppeal(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("CallActivity_HandleAppeal");
    assertThat(pendingNotices(instance)).isEmpty();
    assertThat(noticesSent(instance)).isEqualTo(1);
  }

  /** Runs a job that is expected to fail (the engine then lowers its retries, as the job executor would). */
  void executeFailing(String jobId) {
    assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
  }

  static String part(MimeMessage message, String mimeType) throws Exception {
    Multipart mixed = (Multipart) message.getContent();
    return find(mixed, mimeType);
  }

  private static String find(Multipart multipart, String mimeType) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType(mimeType)) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart nested) {
        String found = find(nested, mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Test
  void theDenialNoticeNamesTheUnmetCriteriaAndEscapesTheRationale() throws Exception {
    ProcessInstance instance = deniedWithRationale("INR 2.9 " + HOSTILE);
    runAsyncJobs(instance);

    MimeMessage notice = TestMailServer.received().get(0);
    assertThat(notice.getAllRecipients()).extracting(Object::toString).containsExactly("spine@clinic.example");
    assertThat(notice.getFrom()[0].toString()).isEqualTo("utilization-management@healthplan.example");
    assertThat(notice.getSubject()).isEqualTo("Prior authorization " + instance.getBusinessKey() + ": denied");
    assertThat(notice.getMessageID()).isEqualTo("<" + instance.getBusinessKey()
        + ".determination-denied.1@va.healthplan.example>");

    String html = part(notice, "text/html");
    assertThat(html).contains(EligibilityCriterion.UNCORRECTED_COAGULOPATHY.plainLanguage(TestPolicy.TERMS))
        .contains("The patient has a coagulation disorder that has not been corrected");
    assertThat(html).contains("INR 2.9 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold");
    String text = part(notice, "text/plain");
    assertThat(text).contains("INR 2.9 " + HOSTILE).contains("coagulation disorder");
    // the plain-text part carries the HTML part's footer
    assertThat(text.replaceAll("\\s+", " ")).contains("This message is meant for the addressee only; "
        + "if you received it in error, please tell us and delete it.");

    // what the rules ask of a denial: the criterion with the policy's own words, name and version, the reviewing
    // physician and a peer-to-peer line, how and until when to appeal, expedited appeals, a free copy of the criteria
    // (the plain text is wrapped for mail readers: compare its words)
    assertThat(text.replaceAll("\\s+", " ")).contains("Policy: \"" + EligibilityCriterion.UNCORRECTED_COAGULOPATHY.policyWording(TestPolicy.TERMS) + "\"")
        .contains("\"Percutaneous Vertebral Augmentation (Vertebroplasty, Kyphoplasty)\", version")
        .contains("The reviewing physician, Dr. Maya Chen, wrote")
        .contains("Peer-to-peer discussion").contains("1-800-555-0143")
        .contains("appeal this decision until " + DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US)
            .format(caseFile(instance).determination().decidedAt().atZone(calendar.zone()).plusDays(65)))
        .contains("expedited appeal, decided within 72 hours").contains("free copy of the criteria")
        .contains("Kyphoplasty (CPT 22513-22515)");
    assertThat(html).contains("Dr. Maya Chen").contains("1-800-555-0142");

    // minimum necessary: initials and birth date, never the name or member id
    assertThat(html + text).contains("J.D.").contains("Mar 14, 1948")
        .doesNotContain("Jane").doesNotContain("Doe").doesNotContain("M-100234");
  }

  @Test
  void theInformationRequestListsWhatIsMissingAndTheDeadline() throws Exception {
    ProcessInstance instance = openCase(eligibleIntake());
    Map<String, Object> review = new HashMap<>();
    review.put("reviewDecision", "REQUEST_INFORMATION");
    review.put("reviewConfirmedCriteria", new ArrayList<>(allBut("NOT_REFRACTORY_TO_CONSERVATIVE_CARE")));
    review.put("requestedInformation", "Physical therapy notes " + HOSTILE);
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", review);
    runAsyncJobs(instance);

    MimeMessage request = TestMailServer.received().get(0);
    String html = part(request, "text/html");
    assertThat(html).contains("Physical therapy notes &lt;script&gt;")
        .contains("Please send records that show:")
        .contains("Records of the non-invasive pain interventions attempted (such as medication, bracing or "
            + "physical therapy), with dates, showing that the pain has not responded to them")
        .doesNotContain("<script>");
    String text = part(request, "text/plain").replace("\r\n", "\n");
    // what to send, never a finding: the denial's wording does not reach a provider who is asked for records
    assertThat(text).contains("Please send records that show:\n - "
            + EligibilityCriterion.NOT_REFRACTORY_TO_CONSERVATIVE_CARE.requestWording(TestPolicy.TERMS))
        .doesNotContain(EligibilityCriterion.NOT_REFRACTORY_TO_CONSERVATIVE_CARE.plainLanguage(TestPolicy.TERMS));
    assertThat(html).doesNotContain(EligibilityCriterion.NOT_REFRACTORY_TO_CONSERVATIVE_CARE.plainLanguage(TestPolicy.TERMS));
    assertThat(request.getSubject()).startsWith("Prior authorization " + instance.getBusinessKey()
        + ": information needed by ");
  }

  @Test
  void theApprovalNoticeGoesToTheRequestingProvider() throws Exception {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "requestingProviderEmail", "ortho@spine.example"));
    Map<String, Object> review = new HashMap<>();
    review.put("reviewDecision", "APPROVE");
    review.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", review);
    runAsyncJobs(instance);

    MimeMessage approval = TestMailServer.received().get(0);
    assertThat(approval.getAllRecipients()).extracting(Object::toString).containsExactly("ortho@spine.example");
    String text = part(approval, "text/plain");
    // what was approved, under which policy version, and until when
    assertThat(text).contains("APPROVED").contains("Approved:  Kyphoplasty (CPT 22513-22515), levels T12, L1")
        .contains("Percutaneous Vertebral Augmentation").contains("version 1")
        .contains("on or before " + DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US)
            .format(LocalDate.parse((String) eligibleIntake().get("fractureDate")).plusMonths(4)));
    assertThat(part(approval, "text/html")).contains("Kyphoplasty (CPT 22513-22515), levels T12, L1");
  }

  @Test
  void whenSmtpIsDownTheNoticeBecomesAnIncidentAndIsSentExactlyOnceWhenItIsBack() throws Exception {
    ProcessInstance instance = deniedWithRationale("Coagulopathy not corrected.");
    TestMailServer.stop();

    Job job = noticeJob(instance);
    executeFailing(job.getId());
    job = managementService.createJobQuery().jobId(job.getId()).singleResult();
    // retried after 1 minute, then 5, 15, 60 and 240 minutes (the task's retry cycle)
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getExceptionMessage()).isNotBlank();
    assertThat(job.getDuedate().toInstant()).isBetween(java.time.Instant.now().plusSeconds(50),
        java.time.Instant.now().plusSeconds(61));

    managementService.setJobRetries(job.getId(), 1);
    executeFailing(job.getId());
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId())
        .singleResult();
    assertThat(incident.getActivityId()).isEqualTo("ServiceTask_SendProviderNotice");
    // the case is not rolled back and does not wait for the mail: the denial stands and may be appealed at once
    assertThat(caseFile(instance).status()).isEqualTo(com.healthplan.va.casefile.CaseStatus.DENIED);
    assertThat(instance).isWaitingAt("CallActivity_HandleAppeal");

    TestMailServer.restart();
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());
    runAsyncJobs(instance); // then the member's letter

    assertDenialNotifiedAndOpenToAppeal(instance);
    assertThat(TestMailServer.received()).filteredOn(mail -> to(mail).contains("spine@clinic.example")).hasSize(1);
  }

  static String to(MimeMessage mail) {
    try {
      return java.util.Arrays.toString(mail.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aNoticeAlreadyHandedToTheServerIsNotSentAgainOnRetry() throws Exception {
    ProcessInstance instance = deniedWithRationale("Coagulopathy not corrected.");
    String messageId = "<" + instance.getBusinessKey() + ".determination-denied.1@va.healthplan.example>";
    // as if a first attempt had sent the mail and then failed before its transaction committed
    jdbc.update("INSERT INTO va_sent_mail (message_id, case_id, notice_kind, recipients, subject, sent_at) "
        + "VALUES (?, ?, 'DETERMINATION_DENIED', 'spine@clinic.example', 'x', CURRENT_TIMESTAMP)",
        messageId, instance.getBusinessKey());

    runAsyncJobs(instance);

    assertDenialNotifiedAndOpenToAppeal(instance);
    assertThat(TestMailServer.received()).isEmpty();
  }

  @Test
  void everySentNoticeIsOnTheCasesRecord() {
    ProcessInstance instance = deniedWithRationale("Coagulopathy not corrected.");
    runAsyncJobs(instance);

    List<Map<String, Object>> sent = jdbc.queryForList(
        "SELECT notice_kind, recipients, subject FROM va_sent_mail WHERE case_id = ?", instance.getBusinessKey());
    assertThat(sent).singleElement().satisfies(row -> {
      assertThat(row.get("NOTICE_KIND")).isEqualTo("DETERMINATION_DENIED");
      assertThat(row.get("RECIPIENTS")).isEqualTo("spine@clinic.example");
    });
  }

  @Test
  void twoJobsRacingForOneNoticeSendItOnce() throws Exception {
    ProcessInstance instance = deniedWithRationale("Coagulopathy not corrected.");
    var caseFile = caseFile(instance);
    // the same notice as the denial's job sends: same case, kind and sequence, so the same Message-ID
    Notice notice = Notice.toAddresses(caseFile.caseId(), "DETERMINATION_DENIED", 1, "determination-denied",
        List.of(caseFile.intake().requestingProviderEmail()), "Prior authorization " + caseFile.caseId() + ": denied",
        Map.of("caseId", caseFile.caseId()));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        Callable<String> job = () -> {
          start.await();
          try {
            mailer.send(notice);
            return "done";
          } catch (IllegalStateException inDoubt) {
            return "retry later";
          }
        };
        outcomes.add(pool.submit(job));
      }
      start.countDown();
      for (Future<String> outcome : outcomes) {
        outcome.get();
      }
    } finally {
      pool.shutdownNow();
    }
    runAsyncJobs(instance);

    assertThat(TestMailServer.received()).hasSize(1);
    assertDenialNotifiedAndOpenToAppeal(instance);
    assertThat(mailer.sentFor(instance.getBusinessKey())).singleElement()
        .satisfies(sent -> assertThat(sent.kind()).isEqualTo("DETERMINATION_DENIED"));
  }

  // a send in doubt (cut off after the SMTP call): InDoubtNoticeTest

  @Test
  void aRefusedSendReleasesItsClaimSoThatTheRetrySends() throws Exception {
    ProcessInstance instance = deniedWithRationale("Coagulopathy not corrected.");
    Job job = noticeJob(instance);
    TestMailServer.stop();
    executeFailing(job.getId());

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM va_sent_mail WHERE case_id = ?", Integer.class,
        instance.getBusinessKey())).isZero();
    TestMailServer.restart();
    managementService.executeJob(job.getId());
    assertThat(TestMailServer.received()).hasSize(1);
  }
}
