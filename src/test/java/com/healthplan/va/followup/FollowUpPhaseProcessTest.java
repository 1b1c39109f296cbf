package com.healthplan.va.followup;

import static com.healthplan.va.support.Refusals.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.input.FieldError;
import com.healthplan.va.procedure.ProcedureTestSupport;
import com.healthplan.va.support.TestMailServer;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The follow-up phase ({@code vertebralAugmentationFollowUp}) with the engine's clock moved through the year after
 * a procedure: due dates on month ends and 29 February, each milestone's timer at the start of its due day in the
 * plan's zone, the nurse's task and its overdue alerts, the PCP hand-off with reminders and the PCP's report, SMTP
 * trouble, and the case closing with its outcome.
 */
class FollowUpPhaseProcessTest extends ProcedureTestSupport {

  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

  @Autowired FollowUpRepository followUps;
  @Autowired FollowUpReports reports;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  /**
   * A case approved and documented today, scheduled today, with the procedure recorded as performed on the given
   * day (a day before the approval is recorded and flagged; the follow-ups count from it all the same).
   */
  private ProcessInstance recordedCase(LocalDate performed, List<String> deferredToPcp) {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Map<String, Object> schedule = schedule(today(), "OUTPATIENT", null);
    schedule.put("deferredToPcp", new ArrayList<>(deferredToPcp));
    completeAs("coord1", instance, "UserTask_ScheduleProcedure", schedule);
    Map<String, Object> record = cleanRecord();
    record.put("procedureDate", performed.toString());
    completeAs("coord1", instance, "UserTask_RecordProcedure", record);
    return instance;
  }

  private ProcessInstance followUpPhase(ProcessInstance caseInstance) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseInstance.getId())
        .processDefinitionKey(CaseVariables.FOLLOW_UP_PROCESS_KEY).singleResult();
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(calendar.zone()).toInstant();
  }

  /** Moves the engine's clock to the instant and runs the timers then due, and what they set off. */
  private void moveClockTo(Instant instant, ProcessInstance instance) {
    ClockUtil.setCurrentTime(Date.from(instant));
    for (Job timer : jobsOf(instance, query -> query.timers().executable())) {
      managementService.executeJob(timer.getId());
    }
    runAsyncJobs(instance);
  }

  private FollowUp followUp(ProcessInstance instance, FollowUpMilestone milestone) {
    return followUps.find(instance.getBusinessKey(), milestone).orElseThrow();
  }

  private static Map<String, Object> scores(String method, int pain, int comfort, int activity) {
    Map<String, Object> values = new HashMap<>();
    values.put("contactMethod", method);
    values.put("painScore", pain);
    values.put("comfortScore", comfort);
    values.put("activityScore", activity);
    values.put("followUpNote", "Walking daily.");
    return values;
  }

  private static jakarta.mail.Address[] recipients(MimeMessage mail) {
    try {
      return mail.getAllRecipients();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subjectOf(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tokenIn(MimeMessage mail) {
    Matcher token = TOKEN.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
    assertThat(token.find()).as("a link with a token").isTrue();
    return token.group(1);
  }

  @ParameterizedTest(name = "procedure on {0}: due {1}, {2}, {3}, {4}")
  @CsvSource({
      "2026-01-31, 2026-02-07, 2026-02-28, 2026-04-30, 2027-01-31",
      "2024-02-29, 2024-03-07, 2024-03-29, 2024-05-29, 2025-02-28",
      "2025-08-31, 2025-09-07, 2025-09-30, 2025-11-30, 2026-08-31",
      "2025-12-31, 2026-01-07, 2026-01-31, 2026-03-31, 2026-12-31",
  })
  void theFourFollowUpsAreDueByCalendarArithmeticInThePlansZone(LocalDate performed, LocalDate week,
      LocalDate month, LocalDate threeMonths, LocalDate year) {
    ClockUtil.setCurrentTime(Date.from(startOf(performed)));
    ProcessInstance instance = recordedCase(performed, List.of());

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.IN_FOLLOW_UP);
    ProcessInstance phase = followUpPhase(instance);
    assertThat(phase).isWaitingAt("Timer_FollowUpDue");
    assertThat(jobsOf(instance, query -> query.timers().activityId("Timer_FollowUpDue"))).hasSize(4);
    assertThat(followUps.of(instance.getBusinessKey())).extracting(FollowUp::dueDate)
        .containsExactly(week, month, threeMonths, year);
    assertThat(followUps.of(instance.getBusinessKey())).extracting(FollowUp::status)
        .containsOnly(FollowUpStatus.SCHEDULED);
    assertThat(timer(instance, "Timer_FollowUpDue", "ONE_WEEK").getDuedate().toInstant()).isEqualTo(startOf(week));
    assertThat(timer(instance, "Timer_FollowUpDue", "ONE_MONTH").getDuedate().toInstant()).isEqualTo(startOf(month));
    assertThat(timer(instance, "Timer_FollowUpDue", "THREE_MONTHS").getDuedate().toInstant()).isEqualTo(startOf(threeMonths));
    assertThat(timer(instance, "Timer_FollowUpDue", "ONE_YEAR").getDuedate().toInstant()).isEqualTo(startOf(year));

    // nothing opens a second early
    ClockUtil.setCurrentTime(Date.from(startOf(week).minusSeconds(1)));
    assertThat(jobsOf(instance, query -> query.timers().executable())).isEmpty();
    moveClockTo(startOf(week), instance);
    assertThat(openTask(instance, "UserTask_FollowUp", "ONE_WEEK")).isNotNull();
    assertThat(openTask(instance, "UserTask_FollowUp", "ONE_MONTH")).isNull();
  }

  @Test
  void aYearOfFollowUpsWithOverdueAlertsAndThePcpHandOffClosesTheCase() throws Exception {
    LocalDate performed = LocalDate.of(2026, 1, 31);
    ClockUtil.setCurrentTime(Date.from(startOf(performed)));
    ProcessInstance instance = recordedCase(performed, List.of("THREE_MONTHS"));
    String caseId = instance.getBusinessKey();
    TestMailServer.purge();
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).status()).isEqualTo(FollowUpStatus.DEFERRED_TO_PCP);

    // 1 week (7 February): the nurse's task opens at the start of the due day, due at its end
    moveClockTo(startOf(LocalDate.of(2026, 2, 7)), instance);
    Task week = openTask(instance, "UserTask_FollowUp", "ONE_WEEK");
    assertThat(week.getName()).isEqualTo("1-week follow-up");
    assertThat(taskService.getIdentityLinksForTask(week.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("um-nurses");
    assertThat(week.getDueDate().toInstant()).isEqualTo(startOf(LocalDate.of(2026, 2, 8)));
    assertThat(followUp(instance, FollowUpMilestone.ONE_WEEK).status()).isEqualTo(FollowUpStatus.DUE);
    assertThat(taskService.getVariable(week.getId(), "baselinePainScore")).isEqualTo(8);
    completeAs("nurse1", instance, "UserTask_FollowUp", "ONE_WEEK", scores("TELEPHONE", 5, 6, 5));
    assertThat(followUp(instance, FollowUpMilestone.ONE_WEEK).status()).isEqualTo(FollowUpStatus.COMPLETED);
    assertThat(followUp(instance, FollowUpMilestone.ONE_WEEK).scores().painScore()).isEqualTo(5);
    assertThat(TestMailServer.received()).isEmpty();

    // 1 month (28 February): not done on its day; overdue from 1 March, alerted again every 2 days until done
    moveClockTo(startOf(LocalDate.of(2026, 2, 28)), instance);
    Task month = openTask(instance, "UserTask_FollowUp", "ONE_MONTH");
    assertThat(taskService.getVariable(month.getId(), "earlierFollowUps")).asString().contains("1-week follow-up");
    Job overdue = timer(instance, "Timer_FollowUpOverdue", "ONE_MONTH");
    assertThat(overdue.getDuedate().toInstant()).isEqualTo(startOf(LocalDate.of(2026, 3, 1)));
    moveClockTo(startOf(LocalDate.of(2026, 3, 1)), instance);
    assertThat(followUp(instance, FollowUpMilestone.ONE_MONTH).status()).isEqualTo(FollowUpStatus.OVERDUE);
    assertThat(openTask(instance, "UserTask_FollowUp", "ONE_MONTH").getPriority()).isEqualTo(90);
    assertThat(timer(instance, "Timer_FollowUpOverdue", "ONE_MONTH").getDuedate().toInstant())
        .isEqualTo(startOf(LocalDate.of(2026, 3, 3)));
    moveClockTo(startOf(LocalDate.of(2026, 3, 3)), instance);
    List<MimeMessage> alerts = TestMailServer.received();
    assertThat(alerts).extracting(MimeMessage::getSubject).containsExactly(
        "Follow-up overdue: " + caseId + " (1-month follow-up)", "Follow-up overdue: " + caseId + " (1-month follow-up)");
    assertThat(alerts.get(0).getAllRecipients()[0].toString()).isEqualTo("coord1@healthplan.example");
    assertThat(alerts.get(0).getMessageID()).isNotEqualTo(alerts.get(1).getMessageID());
    completeAs("nurse1", instance, "UserTask_FollowUp", "ONE_MONTH", scores("IN_PERSON", 4, 7, 6));
    assertThat(timer(instance, "Timer_FollowUpOverdue", "ONE_MONTH")).isNull();
    TestMailServer.purge();

    // 3 months (30 April), deferred: the PCP is e-mailed a link, reminded every 7 days 3 times, then coordinators
    moveClockTo(startOf(LocalDate.of(2026, 4, 30)), instance);
    assertThat(openTask(instance, "UserTask_FollowUp", "THREE_MONTHS")).isNull();
    List<MimeMessage> requests = TestMailServer.received();
    assertThat(requests).hasSize(1);
    MimeMessage request = requests.get(0);
    assertThat(request.getAllRecipients()[0].toString()).isEqualTo("pcp@clinic.example");
    assertThat(request.getSubject()).isEqualTo("Follow-up report requested for case " + caseId
        + " (3-month follow-up)");
    String body = GreenMailUtil.getBody(request);
    assertThat(body).contains(caseId).contains("J.Q.D.").contains("3-month follow-up").doesNotContain("Jane")
        .doesNotContain("M-100234");
    String token = tokenIn(request);
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).pcpRequestedAt()).isNotNull();
    assertThat(openTask(instance, "UserTask_RecordPcpReport", "THREE_MONTHS")).as("the coordinators track the hand-off")
        .isNotNull();
    Instant requested = Instant.now();
    for (int reminder = 1; reminder <= 3; reminder++) {
      Job next = timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS");
      assertThat(next).as("reminder " + reminder).isNotNull();
      moveClockTo(next.getDuedate().toInstant(), instance);
      assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).pcpReminders()).isEqualTo(reminder);
    }
    assertThat(TestMailServer.received()).extracting(MimeMessage::getSubject).containsExactly(
        "Follow-up report requested for case " + caseId + " (3-month follow-up)",
        "Reminder: Follow-up report requested for case " + caseId + " (3-month follow-up)",
        "Reminder: Follow-up report requested for case " + caseId + " (3-month follow-up)",
        "Reminder: Follow-up report requested for case " + caseId + " (3-month follow-up)");
    assertThat(tokenIn(TestMailServer.received().get(3))).isEqualTo(token);
    // (a second past its due time, as a job executor runs it: exactly at the last repetition's instant the engine
    // would plan that instant once more)
    moveClockTo(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS").getDuedate().toInstant().plusSeconds(1), instance);
    assertThat(TestMailServer.received()).hasSize(5).extracting(MimeMessage::getSubject)
        .containsOnlyOnce("Follow-up overdue: " + caseId + " (3-month follow-up)");
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).status()).isEqualTo(FollowUpStatus.OVERDUE);
    // no reminder is left: a further week sends nothing more
    assertThat(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS")).isNull();
    moveClockTo(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(7)), instance);
    assertThat(TestMailServer.received()).hasSize(5);

    // the PCP reports through the link: the wait ends, nothing more is sent
    assertThat(reports.check(token)).isInstanceOf(FollowUpReports.LinkState.Valid.class);
    assertThat(reports.reportFromPcp(token, scores("TELEPHONE", 3, 8, 7)))
        .isInstanceOf(FollowUpReports.LinkState.Valid.class);
    FollowUp reported = followUp(instance, FollowUpMilestone.THREE_MONTHS);
    assertThat(reported.status()).isEqualTo(FollowUpStatus.COMPLETED);
    assertThat(reported.scores().contactMethod()).isEqualTo(ContactMethod.PCP_REPORT);
    assertThat(reported.scores().painScore()).isEqualTo(3);
    assertThat(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS")).isNull();
    assertThat(openTask(instance, "UserTask_RecordPcpReport", "THREE_MONTHS")).as("ended by the PCP's report").isNull();
    assertThat(reports.check(token)).isInstanceOf(FollowUpReports.LinkState.AlreadyReported.class);
    assertThat(requested).isNotNull();

    // 1 year (31 January 2027): the last one closes the case with its outcome
    moveClockTo(startOf(LocalDate.of(2027, 1, 31)), instance);
    completeAs("nurse1", instance, "UserTask_FollowUp", "ONE_YEAR", scores("TELEPHONE", 2, 9, 8));
    assertThat(followUpPhase(instance)).isNull();
    // performed on the day of its approval: no payment finding waits, so the case closes (its own job)
    assertThat(openTask(instance, "UserTask_ResolvePaymentFindings")).isNull();
    runAsyncJobs(instance);
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(caseFile(instance).closure().outcomeSummary()).isEqualTo("Pain 8 at intake; "
        + "1-week follow-up: pain 5 (-3), comfort 6, activity 5; 1-month follow-up: pain 4 (-4), comfort 7, activity 6; "
        + "3-month follow-up: pain 3 (-5), comfort 8, activity 7; 1-year follow-up: pain 2 (-6), comfort 9, activity 8.");
    assertEnded(instance, "EndEvent_CaseClosed");
  }

  @Test
  void aCoordinatorTracksThePcpHandOffInTasklistAndRecordsAReportReceivedByFax() {
    LocalDate performed = today();
    ProcessInstance instance = recordedCase(performed, List.of("THREE_MONTHS"));
    moveClockTo(startOf(performed.plusMonths(3)), instance);
    String caseId = instance.getBusinessKey();

    Task task = openTask(instance, "UserTask_RecordPcpReport", "THREE_MONTHS");
    assertThat(task.getName()).isEqualTo("Record PCP report");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("follow-up-coordinators");
    // expected at the latest when the coordinators would be alerted: after three weekly reminders
    // (28 days on the plan's calendar: the same time of day across a change of daylight saving time)
    assertThat(task.getDueDate().toInstant()).isEqualTo(followUp(instance, FollowUpMilestone.THREE_MONTHS)
        .pcpRequestedAt().atZone(calendar.zone()).plusDays(28).toInstant()
        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(taskService.getVariableLocal(task.getId(), "pcpRequestedOn")).isEqualTo(followUp(instance,
        FollowUpMilestone.THREE_MONTHS).pcpRequestedAt().atZone(calendar.zone()).toLocalDate().toString());
    assertThat(taskService.getVariableLocal(task.getId(), "pcpReminders")).isEqualTo(0);
    assertThat(taskService.getVariableLocal(task.getId(), "pcpAcknowledgedOn")).isNull();
    assertThat(taskService.getVariableLocal(task.getId(), "baselinePainScore")).isEqualTo(8);

    // the same task all along (a claim holds): each weekly reminder updates its count, the PCP's confirmation
    // shows at once, and once the reminders are used up it tops the list
    taskService.claim(task.getId(), "coord1");
    MimeMessage request = TestMailServer.received().stream().filter(mail -> subjectOf(mail)
        .startsWith("Follow-up report requested")).findFirst().orElseThrow();
    for (int reminder = 1; reminder <= 3; reminder++) {
      moveClockTo(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS").getDuedate().toInstant(), instance);
      Task again = openTask(instance, "UserTask_RecordPcpReport", "THREE_MONTHS");
      assertThat(again.getId()).isEqualTo(task.getId());
      assertThat(again.getAssignee()).isEqualTo("coord1");
      assertThat(taskService.getVariableLocal(again.getId(), "pcpReminders")).isEqualTo(reminder);
      assertThat(again.getPriority()).isEqualTo(50);
    }
    reports.acknowledge(tokenIn(request));
    assertThat(taskService.getVariableLocal(task.getId(), "pcpAcknowledgedOn")).isEqualTo(calendar.today().toString());
    moveClockTo(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS").getDuedate().toInstant().plusSeconds(1), instance);
    assertThat(openTask(instance, "UserTask_RecordPcpReport", "THREE_MONTHS").getPriority())
        .isEqualTo(FollowUpDelegates.OVERDUE_PRIORITY);
    assertThat(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS")).as("reminders and alert done").isNull();
    taskService.setAssignee(task.getId(), null);

    // a nurse does not record it, bad scores are refused with nothing saved
    Task byNurse = claimAs("nurse1", instance, "UserTask_RecordPcpReport", "THREE_MONTHS");
    assertThat(refusedFields(() -> taskService.complete(byNurse.getId(), scores("PCP_REPORT", 3, 8, 7))))
        .extracting(FieldError::field).containsExactly("contactMethod");
    taskService.setAssignee(byNurse.getId(), null);
    Task byCoordinator = claimAs("coord1", instance, "UserTask_RecordPcpReport", "THREE_MONTHS");
    assertThat(refusedFields(() -> taskService.complete(byCoordinator.getId(), scores("FAX", 12, 8, 7))))
        .extracting(FieldError::field).containsExactlyInAnyOrder("contactMethod", "painScore");
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).completed()).isFalse();

    TestMailServer.purge();
    taskService.complete(byCoordinator.getId(), scores("PCP_REPORT", 3, 8, 7));
    FollowUp recorded = followUp(instance, FollowUpMilestone.THREE_MONTHS);
    assertThat(recorded.status()).isEqualTo(FollowUpStatus.COMPLETED);
    assertThat(recorded.scores().contactMethod()).isEqualTo(ContactMethod.PCP_REPORT);
    assertThat(recorded.scores().painScore()).isEqualTo(3);
    assertThat(recorded.recordedBy()).isEqualTo("coord1");
    assertThat(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS")).isNull();
    moveClockTo(startOf(performed.plusMonths(4)), instance);
    assertThat(TestMailServer.received()).as("nothing more to the PCP")
        .noneMatch(mail -> GreenMailUtil.getAddressList(recipients(mail)).contains("pcp@clinic.example"));
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey("UserTask_RecordPcpReport").finished().taskAssignee("coord1")
        .count()).isEqualTo(1);
  }

  @Test
  void aNurseFollowUpIsRefusedWithEveryProblemNamedAndNothingSaved() {
    LocalDate performed = today();
    ProcessInstance instance = recordedCase(performed, List.of());
    moveClockTo(startOf(performed.plusDays(7)), instance);
    Task task = claimAs("nurse1", instance, "UserTask_FollowUp", "ONE_WEEK");
    Map<String, Object> bad = scores("FAX", 11, -1, 7);
    bad.put("activityScore", 7.5);

    List<FieldError> refused = refusedFields(() -> taskService.complete(task.getId(), bad));

    assertThat(refused).extracting(FieldError::field).containsExactlyInAnyOrder("contactMethod", "painScore",
        "comfortScore", "activityScore");
    assertThat(followUp(instance, FollowUpMilestone.ONE_WEEK).status()).isEqualTo(FollowUpStatus.DUE);
    assertThat(openTask(instance, "UserTask_FollowUp", "ONE_WEEK")).isNotNull();
    // the intake's baseline is untouched by a follow-up's scores
    taskService.complete(task.getId(), scores("TELEPHONE", 2, 8, 8));
    assertThat(caseFile(instance).intake().painScore()).isEqualTo(8);
  }

  @Test
  void aDeferralBeforeTheProcedureIsRecordedOrLaterBeforeItIsDue() {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    scheduleOn(instance, today());
    reports.defer(instance.getBusinessKey(), FollowUpMilestone.ONE_YEAR);
    assertThat(procedureFile(instance).schedule().deferredToPcp()).containsExactly("ONE_YEAR");
    Map<String, Object> record = cleanRecord();
    completeAs("coord1", instance, "UserTask_RecordProcedure", record);

    assertThat(followUp(instance, FollowUpMilestone.ONE_YEAR).deferredToPcp()).isTrue();
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).deferredToPcp()).isFalse();
    reports.defer(instance.getBusinessKey(), FollowUpMilestone.THREE_MONTHS);
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).status()).isEqualTo(FollowUpStatus.DEFERRED_TO_PCP);

    assertThatThrownBy(() -> reports.defer(instance.getBusinessKey(), FollowUpMilestone.ONE_MONTH))
        .hasMessageContaining("Only the 3-month and 1-year follow-ups");
  }

  @Test
  void aDeferralIsRefusedOnceTheMilestoneIsDue() {
    LocalDate performed = today();
    ProcessInstance instance = recordedCase(performed, List.of());
    moveClockTo(startOf(performed.plusMonths(3)), instance);
    assertThat(openTask(instance, "UserTask_FollowUp", "THREE_MONTHS")).isNotNull();

    assertThatThrownBy(() -> reports.defer(instance.getBusinessKey(), FollowUpMilestone.THREE_MONTHS))
        .hasMessageContaining("already due");
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).deferredToPcp()).isFalse();
  }

  @Test
  void whenSmtpIsDownTheReminderBecomesAnIncidentAndGoesOutExactlyOnceWhenItIsBack() throws Exception {
    LocalDate performed = today();
    ProcessInstance instance = recordedCase(performed, List.of("THREE_MONTHS"));
    moveClockTo(startOf(performed.plusMonths(3)), instance);
    assertThat(TestMailServer.received()).extracting(MimeMessage::getSubject)
        .anyMatch(subject -> subject.startsWith("Follow-up report requested"));
    TestMailServer.purge();
    Job reminderTimer = timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS");

    TestMailServer.stop();
    ClockUtil.setCurrentTime(reminderTimer.getDuedate());
    managementService.executeJob(reminderTimer.getId());
    Job reminder = jobsOf(instance, query -> query.messages()).get(0);
    for (int attempt = 0; attempt < 3; attempt++) {
      String id = reminder.getId();
      assertThatThrownBy(() -> managementService.executeJob(id)).isNotNull();
    }
    reminder = managementService.createJobQuery().jobId(reminder.getId()).singleResult();
    assertThat(reminder.getExceptionMessage()).isNotBlank();
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).pcpReminders()).isZero();

    TestMailServer.restart();
    managementService.executeJob(reminder.getId());
    runAsyncJobs(instance);
    assertThat(TestMailServer.received()).extracting(MimeMessage::getSubject).containsExactly(
        "Reminder: Follow-up report requested for case " + instance.getBusinessKey() + " (3-month follow-up)");
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).pcpReminders()).isEqualTo(1);
    assertThat(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS")).isNotNull();
  }
}
