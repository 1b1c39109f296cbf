package com.healthplan.va.procedure;

import com.healthplan.va.support.TestPolicy;
import static com.healthplan.va.support.Refusals.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.DeterminationOutcome;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.documents.DocumentUploads;
import com.healthplan.va.documents.CaseDocumentCopies;
import com.healthplan.va.documents.SampleDocuments;
import com.healthplan.va.input.FieldError;
import com.healthplan.va.support.Intakes;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Every path of the procedure phase ({@code vertebralAugmentationProcedure}) as the case process calls it after an
 * approval: documentation confirmed or requested and received, escalation at the deadline, scheduling with the
 * fracture-age recheck on month ends, rescheduling, withdrawal, the record and its payment findings.
 */
class ProcedurePhaseProcessTest extends ProcedureTestSupport {

  @Autowired DocumentUploads uploads;
  @Autowired CaseDocumentCopies documentCopies;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void anApprovedCaseWaitsForTheNursesDocumentationReview() {
    Instant before = Instant.now();
    ProcessInstance instance = approvedCase();

    assertThat(instance).isWaitingAt("CallActivity_PrepareProcedure");
    ProcessInstance phase = procedurePhase(instance);
    assertThat(phase).isWaitingAt("UserTask_ReviewDocumentation");
    assertThat(phase.getBusinessKey()).isEqualTo(instance.getBusinessKey());
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.AWAITING_DOCUMENTATION);
    assertThat(phaseVariable(instance, "caseStatus")).isEqualTo("AWAITING_DOCUMENTATION");
    assertThat(phaseVariable(instance, "documentationConfirmed")).isEqualTo(List.of());

    Task review = openTask(instance, "UserTask_ReviewDocumentation");
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("um-nurses");
    Instant due = procedureFile(instance).documentation().dueAt();
    assertThat(due).isBetween(before.atZone(calendar.zone()).plusDays(14).toInstant().minusSeconds(1),
        Instant.now().atZone(calendar.zone()).plusDays(14).toInstant());
    assertThat(review.getDueDate().toInstant()).isEqualTo(due);
    assertThat(timer(instance, "Timer_DocumentationOverdue").getDuedate().toInstant()).isEqualTo(due);
  }

  @Test
  void everyItemConfirmedMakesTheCaseReadyToSchedule() {
    ProcessInstance instance = approvedCase();

    confirmDocumentation(instance, ALL_ITEMS);

    assertThat(procedurePhase(instance)).isWaitingAt("UserTask_ScheduleProcedure");
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.READY_TO_SCHEDULE);
    ProcedureFile.Documentation documentation = procedureFile(instance).documentation();
    assertThat(documentation.confirmed()).isEqualTo(ALL_ITEMS);
    assertThat(documentation.missing()).isEmpty();
    assertThat(documentation.reviewedBy()).isEqualTo("nurse1");
    assertThat(timer(instance, "Timer_DocumentationOverdue")).isNull();
    assertThat(TestMailServer.received()).extracting(MimeMessage::getSubject)
        .containsExactly("Prior authorization " + instance.getBusinessKey() + ": approved");

    Task scheduling = openTask(instance, "UserTask_ScheduleProcedure");
    assertThat(taskService.getIdentityLinksForTask(scheduling.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("follow-up-coordinators");
    LocalDate fracture = LocalDate.parse((String) eligibleIntake().get("fractureDate"));
    assertThat(scheduling.getDueDate().toInstant())
        .isEqualTo(fracture.plusMonths(4).plusDays(1).atStartOfDay(calendar.zone()).toInstant());
  }

  @Test
  void missingItemsAreRequestedFromTheProviderAndTheCaseWaitsUntilTheyArrive() throws Exception {
    ProcessInstance instance = approvedCase();
    TestMailServer.purge();

    confirmDocumentation(instance, List.of("PAIN_EVALUATION", "IMAGING_CORRELATES_WITH_PAIN"));

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.AWAITING_DOCUMENTATION);
    assertThat(procedurePhase(instance)).isWaitingAt("UserTask_ReviewDocumentation")
        .hasPassed("ServiceTask_RequestDocumentation");
    ProcedureFile.Documentation documentation = procedureFile(instance).documentation();
    assertThat(documentation.missing()).containsExactly("PAIN_MANAGEMENT_PLAN", "HISTORY_AND_PHYSICAL_BY_OPERATOR",
        "PAIN_FROM_DEMONSTRATED_FRACTURE");
    assertThat(documentation.requestCount()).isEqualTo(1);
    assertThat(documentation.dueAt()).isEqualTo(documentation.requestedAt().atZone(calendar.zone()).plusDays(14)
        .toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(openTask(instance, "UserTask_ReviewDocumentation").getDueDate().toInstant())
        .isEqualTo(documentation.dueAt());
    assertThat(phaseVariable(instance, "documentationMissingWording")).isEqualTo(List.of(
        DocumentationItem.PAIN_MANAGEMENT_PLAN.policyWording(),
        DocumentationItem.HISTORY_AND_PHYSICAL_BY_OPERATOR.policyWording(),
        DocumentationItem.PAIN_FROM_DEMONSTRATED_FRACTURE.policyWording()));

    List<MimeMessage> mails = TestMailServer.received();
    assertThat(mails).hasSize(1);
    MimeMessage request = mails.get(0);
    assertThat(request.getAllRecipients()[0].toString()).isEqualTo("spine@clinic.example");
    assertThat(request.getSubject()).startsWith("Prior authorization " + instance.getBusinessKey()
        + ": pre-procedure documentation needed by ");
    String body = GreenMailUtil.getBody(request);
    assertThat(body).contains(DocumentationItem.PAIN_MANAGEMENT_PLAN.requestWording())
        .contains(DocumentationItem.HISTORY_AND_PHYSICAL_BY_OPERATOR.requestWording())
        .contains(DocumentationItem.PAIN_FROM_DEMONSTRATED_FRACTURE.requestWording())
        .doesNotContain(DocumentationItem.PAIN_EVALUATION.requestWording())
        .doesNotContain("Jane");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM va_sent_mail WHERE case_id = ? AND notice_kind = ?",
        Integer.class, instance.getBusinessKey(), "DOCUMENTATION_REQUEST")).isEqualTo(1);

    // the documents arrive; the nurse confirms the rest
    confirmDocumentation(instance, ALL_ITEMS);

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.READY_TO_SCHEDULE);
    assertThat(procedurePhase(instance)).isWaitingAt("UserTask_ScheduleProcedure");
    assertThat(TestMailServer.received()).hasSize(1);
  }

  @Test
  void pastTheDeadlineCoordinatorsAreAlertedAndTheReviewMovesUpButNothingCloses() throws Exception {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, List.of("PAIN_EVALUATION"));
    TestMailServer.purge();
    Job timer = timer(instance, "Timer_DocumentationOverdue");
    Instant due = procedureFile(instance).documentation().dueAt();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(due);

    ClockUtil.setCurrentTime(Date.from(due.minusSeconds(60)));
    assertThat(jobsOf(instance, query -> query.timers().executable())).isEmpty();
    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
    assertThat(jobsOf(instance, query -> query.timers().executable())).extracting(Job::getId)
        .containsExactly(timer.getId());
    managementService.executeJob(timer.getId());
    runAsyncJobs(instance);

    assertThat(procedurePhase(instance)).isWaitingAt("UserTask_ReviewDocumentation")
        .hasPassed("ServiceTask_AlertDocumentationOverdue");
    assertThat(openTask(instance, "UserTask_ReviewDocumentation").getPriority()).isEqualTo(90);
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.AWAITING_DOCUMENTATION);
    assertThat(procedureFile(instance).documentation().escalatedAt()).isNotNull();
    List<MimeMessage> alerts = TestMailServer.received();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).getAllRecipients()[0].toString()).isEqualTo("coord1@healthplan.example");
    assertThat(alerts.get(0).getSubject())
        .isEqualTo("Pre-procedure documentation overdue: " + instance.getBusinessKey());
  }

  @Test
  void aDocumentationReviewIsRefusedForUnknownItemsOrAWithdrawalWithoutReason() {
    ProcessInstance instance = approvedCase();
    Task task = claimAs("nurse1", instance, "UserTask_ReviewDocumentation");

    List<FieldError> unknown = refusedFields(() -> taskService.complete(task.getId(),
        documentation(List.of("PAIN_EVALUATION", "X_RAY"))));
    Map<String, Object> withdraw = documentation(List.of());
    withdraw.put("withdrawProcedure", true);
    List<FieldError> noReason = refusedFields(() -> taskService.complete(task.getId(), withdraw));

    assertThat(unknown).extracting(FieldError::field).containsExactly("documentationConfirmed");
    assertThat(noReason).extracting(FieldError::field).containsExactly("withdrawalReason");
    assertThat(procedureFile(instance).documentation().reviewed()).isFalse();
    assertThat(procedurePhase(instance)).isWaitingAt("UserTask_ReviewDocumentation");
  }

  @Test
  void onlyANurseReviewsTheDocumentation() {
    ProcessInstance instance = approvedCase();
    Task task = openTask(instance, "UserTask_ReviewDocumentation");
    taskService.claim(task.getId(), "coord1");

    assertThat(refusedFields(() -> taskService.complete(task.getId(), documentation(ALL_ITEMS))))
        .extracting(FieldError::field).containsExactly("documentationConfirmed");
  }

  @Test
  void theProcedureCanBeWithdrawnDuringTheDocumentationReview() {
    ProcessInstance instance = approvedCase();
    Map<String, Object> withdraw = documentation(List.of());
    withdraw.put("withdrawProcedure", true);
    withdraw.put("withdrawalReason", "Patient declined the procedure.");

    completeAs("nurse1", instance, "UserTask_ReviewDocumentation", withdraw);

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertEnded(instance, "EndEvent_CaseWithdrawn");
    ProcedureFile.Withdrawal withdrawal = procedureFile(instance).withdrawal();
    assertThat(withdrawal.reason()).isEqualTo("Patient declined the procedure.");
    assertThat(withdrawal.withdrawnBy()).isEqualTo("nurse1");
  }

  @Test
  void schedulingRecordsFacilityDateSettingAndDeferrals() {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Map<String, Object> values = schedule(today().plusDays(3), "INPATIENT", "Severe COPD: overnight monitoring.");
    values.put("deferredToPcp", new ArrayList<>(List.of("ONE_YEAR", "THREE_MONTHS")));

    completeAs("coord1", instance, "UserTask_ScheduleProcedure", values);

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.SCHEDULED);
    ProcedureFile.Schedule schedule = procedureFile(instance).schedule();
    assertThat(schedule.facilityName()).isEqualTo("Riverside Surgical Center");
    assertThat(schedule.scheduledDate()).isEqualTo(today().plusDays(3));
    assertThat(schedule.setting()).isEqualTo(Setting.INPATIENT);
    assertThat(schedule.inpatientJustification()).isEqualTo("Severe COPD: overnight monitoring.");
    assertThat(schedule.deferredToPcp()).containsExactly("THREE_MONTHS", "ONE_YEAR");
    assertThat(schedule.scheduledBy()).isEqualTo("coord1");
    Task record = openTask(instance, "UserTask_RecordProcedure");
    assertThat(taskService.getIdentityLinksForTask(record.getId())).extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder("follow-up-coordinators", "um-nurses");
    assertThat(record.getDueDate().toInstant())
        .isEqualTo(today().plusDays(4).atStartOfDay(calendar.zone()).toInstant());
  }

  @Test
  void schedulingIsRefusedWithEveryProblemNamedAndNothingSaved() {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Task task = claimAs("coord1", instance, "UserTask_ScheduleProcedure");
    Map<String, Object> values = schedule(today().minusDays(1), "INPATIENT", "  ");
    values.put("facilityName", "");
    values.put("deferredToPcp", new ArrayList<>(List.of("ONE_WEEK")));

    List<FieldError> refused = refusedFields(() -> taskService.complete(task.getId(), values));

    assertThat(refused).extracting(FieldError::field).containsExactlyInAnyOrder("facilityName", "scheduledDate",
        "inpatientJustification", "deferredToPcp");
    assertThat(refused).filteredOn(e -> e.field().equals("inpatientJustification")).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("not performed on an inpatient basis"));
    assertThat(procedureFile(instance).schedule()).isNull();
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.READY_TO_SCHEDULE);

    Map<String, Object> badSetting = schedule(today(), "AMBULATORY", null);
    assertThat(refusedFields(() -> taskService.complete(task.getId(), badSetting))).extracting(FieldError::field)
        .containsExactly("setting");
    Map<String, Object> noDecision = schedule(today(), "OUTPATIENT", null);
    noDecision.remove("scheduleDecision");
    assertThat(refusedFields(() -> taskService.complete(task.getId(), noDecision))).extracting(FieldError::field)
        .containsExactly("scheduleDecision");
  }

  /**
   * The fracture's age is checked again on the scheduled date by vcfEligibility's rule: exactly 4 months still
   * meets, one day more sends the case back. Fractures on month ends: 4 months after 31 October is 28 February.
   */
  @ParameterizedTest(name = "fracture on the last day of the month {0} month(s) ago")
  @ValueSource(ints = {1, 2, 3})
  void aScheduledDateOnWhichTheFractureIsExactly4MonthsOldStands(int monthsAgo) {
    LocalDate fracture = today().minusMonths(monthsAgo).withDayOfMonth(1).minusDays(1);
    ProcessInstance instance = approvedCase(fractureOn(fracture));
    confirmDocumentation(instance, ALL_ITEMS);

    scheduleOn(instance, fracture.plusMonths(4));

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.SCHEDULED);
    assertThat(procedurePhase(instance)).isWaitingAt("UserTask_RecordProcedure");
  }

  @ParameterizedTest(name = "fracture on the last day of the month {0} month(s) ago")
  @ValueSource(ints = {1, 2, 3})
  void aScheduledDateOneDayLaterSendsTheCaseBackToCriteriaReview(int monthsAgo) {
    LocalDate fracture = today().minusMonths(monthsAgo).withDayOfMonth(1).minusDays(1);
    ProcessInstance instance = approvedCase(fractureOn(fracture));
    confirmDocumentation(instance, ALL_ITEMS);
    LocalDate tooLate = fracture.plusMonths(4).plusDays(1);

    scheduleOn(instance, tooLate);

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(instance).isWaitingAt("CallActivity_DetermineCoverage");
    assertThat(determination(instance)).isWaitingAt("UserTask_ReviewCriteria");
    assertThat(caseFile(instance).currentRound().criteriaAsOf()).isEqualTo(tooLate);
    assertThat(caseFile(instance).prescreen().unmetCriteria()).containsExactly("FRACTURE_OLDER_THAN_4_MONTHS");
    // the approval is never discarded: it lapsed, and a new round judges the request again beside it
    var rounds = caseFile(instance).rounds();
    assertThat(rounds).hasSize(2);
    assertThat(rounds.get(0).decision().outcome()).isEqualTo(DeterminationOutcome.APPROVED);
    assertThat(rounds.get(0).decision().validThrough()).isEqualTo(fracture.plusMonths(4));
    assertThat(rounds.get(1).opening()).isEqualTo(DeterminationRound.Opening.APPROVAL_LAPSED);
    assertThat(rounds.get(1).decision()).isNull();
    assertThat(rounds.get(1).openingReason()).contains("scheduled for " + calendar.day(tooLate))
        .contains("on or before " + calendar.day(fracture.plusMonths(4)));
    assertThat(procedureFile(instance).schedule().scheduledDate()).isEqualTo(tooLate);
  }

  @Test
  void aCaseBackFromSchedulingIsDeterminedAgainAndResumesAtScheduling() throws Exception {
    LocalDate fracture = today().minusMonths(2).withDayOfMonth(1).minusDays(1);
    ProcessInstance instance = approvedCase(fractureOn(fracture));
    confirmDocumentation(instance, ALL_ITEMS);
    LocalDate later = fracture.plusMonths(4).plusDays(10);
    scheduleOn(instance, later);
    Task review = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    // the nurse cannot approve against the prescreen; she refers the case to a physician, who approves
    Map<String, Object> approve = new HashMap<>();
    approve.put("reviewDecision", "APPROVE");
    approve.put("reviewConfirmedCriteria", new ArrayList<>(com.healthplan.va.criteria.EligibilityCriterion.codes()));
    assertThat(refusedFields(() -> taskService.complete(review.getId(), approve))).extracting(FieldError::field)
        .containsExactly("reviewDecision");
    Map<String, Object> refer = new HashMap<>(approve);
    refer.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    refer.put("reviewNote", "Surgeon's first date is after the 4-month limit.");
    taskService.complete(review.getId(), refer);
    Map<String, Object> physician = new HashMap<>();
    physician.put("medicalDirectorDecision", "APPROVE");
    physician.put("reviewConfirmedCriteria", new ArrayList<>(com.healthplan.va.criteria.EligibilityCriterion.codes()));
    physician.put("medicalDirectorRationale", "Ten days later is clinically acceptable here.");
    completeAs("md1", instance, "UserTask_ReviewAsMedicalDirector", physician);
    runAsyncJobs(instance);

    // a second approval notice (not suppressed as a repeat of the first); documentation is not asked again
    assertThat(TestMailServer.received()).extracting(MimeMessage::getSubject)
        .containsExactly("Prior authorization " + instance.getBusinessKey() + ": approved",
            "Prior authorization " + instance.getBusinessKey() + ": approved");
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.READY_TO_SCHEDULE);
    assertThat(caseFile(instance).determination().decidedBy()).isEqualTo("md1");
    assertThat(procedurePhase(instance)).isWaitingAt("UserTask_ScheduleProcedure");
    assertThat(phaseVariable(instance, "scheduledDate")).isEqualTo(later.toString());

    // the date the physician approved stands now
    scheduleOn(instance, later);
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.SCHEDULED);
    assertThat(procedureFile(instance).schedule().count()).isEqualTo(2);
  }

  @Test
  void aScheduledProcedureCanBeRescheduledUntilItIsRecorded() {
    ProcessInstance instance = scheduledCase();
    Map<String, Object> reschedule = new HashMap<>();
    reschedule.put("recordDecision", "RESCHEDULE");

    completeAs("coord1", instance, "UserTask_RecordProcedure", reschedule);

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.READY_TO_SCHEDULE);
    assertThat(procedurePhase(instance)).isWaitingAt("UserTask_ScheduleProcedure");
    assertThat(phaseVariable(instance, "facilityName")).isEqualTo("Riverside Surgical Center");
    scheduleOn(instance, today().plusDays(7));
    assertThat(procedureFile(instance).schedule().scheduledDate()).isEqualTo(today().plusDays(7));
    assertThat(procedureFile(instance).schedule().count()).isEqualTo(2);
    assertThat(procedurePhase(instance)).isWaitingAt("UserTask_RecordProcedure");

    // the decision of the earlier record task is not the next one's: an integrator sending only the record's
    // fields records the procedure
    Map<String, Object> recordOnly = cleanRecord();
    recordOnly.remove("recordDecision");
    completeAs("coord1", instance, "UserTask_RecordProcedure", recordOnly);
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.IN_FOLLOW_UP);
    assertThat(procedureFile(instance).record().procedureDate()).isEqualTo(today());
  }

  @Test
  void aScheduledProcedureCanBeWithdrawnWithAReason() {
    ProcessInstance instance = scheduledCase();
    Task task = claimAs("coord1", instance, "UserTask_RecordProcedure");
    Map<String, Object> withdraw = new HashMap<>();
    withdraw.put("recordDecision", "WITHDRAW");
    assertThat(refusedFields(() -> taskService.complete(task.getId(), withdraw))).extracting(FieldError::field)
        .containsExactly("withdrawalReason");

    withdraw.put("withdrawalReason", "Authorization lapsed: patient moved out of the plan's area.");
    taskService.complete(task.getId(), withdraw);

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertEnded(instance, "EndEvent_CaseWithdrawn");
    assertThat(procedureFile(instance).record()).isNull();
  }

  @Test
  void schedulingCanWithdrawToo() {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Map<String, Object> withdraw = new HashMap<>();
    withdraw.put("scheduleDecision", "WITHDRAW");
    withdraw.put("withdrawalReason", "Patient declined.");

    completeAs("coord1", instance, "UserTask_ScheduleProcedure", withdraw);

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertEnded(instance, "EndEvent_CaseWithdrawn");
  }

  @Test
  void aCleanRecordPutsTheCaseInFollowUpWithoutFindings() {
    ProcessInstance instance = scheduledCase();

    completeAs("nurse1", instance, "UserTask_RecordProcedure", cleanRecord());

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.IN_FOLLOW_UP);
    assertThat(instance).isWaitingAt("CallActivity_FollowUps");
    assertThat(instance).hasNotPassed("UserTask_ResolvePaymentFindings");
    ProcedureFile file = procedureFile(instance);
    assertThat(file.record().procedureDate()).isEqualTo(today());
    assertThat(file.record().levelsTreated()).containsExactly("T12", "L1");
    assertThat(file.record().recordedBy()).isEqualTo("nurse1");
    assertThat(file.findings().codes()).isEmpty();
    assertThat(file.findings().paymentLimitsVersion()).isNotNull();
  }

  @Test
  void aRecordIsRefusedWithEveryProblemNamedAndNothingSaved() {
    ProcessInstance instance = scheduledCase();
    Task task = claimAs("coord1", instance, "UserTask_RecordProcedure");
    Map<String, Object> record = cleanRecord();
    record.put("procedureDate", today().plusDays(1).toString());
    record.put("levelsTreated", new ArrayList<>(List.of("T12", "L6")));
    record.put("imagingGuidance", "ULTRASOUND");
    record.put("trocarPlacementImagesRetained", "yes");
    record.remove("operativeNarrativeReceived");
    record.put("biopsyLevels", new ArrayList<>(List.of("L1", "L1")));

    List<FieldError> refused = refusedFields(() -> taskService.complete(task.getId(), record));

    assertThat(refused).extracting(FieldError::field).containsExactlyInAnyOrder("procedureDate", "levelsTreated",
        "imagingGuidance", "trocarPlacementImagesRetained", "operativeNarrativeReceived", "biopsyLevels");
    assertThat(refused).filteredOn(e -> e.field().equals("procedureDate")).singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("Date performed cannot be in the future."));
    assertThat(procedureFile(instance).record()).isNull();
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.SCHEDULED);
  }

  @Test
  void findingsGoToACoordinatorWhoResolvesGapsByDocumentAndAcknowledgesTheRest() throws Exception {
    ProcessInstance instance = scheduledCase();
    Map<String, Object> record = cleanRecord();
    record.put("levelsTreated", new ArrayList<>(List.of("T11", "T12", "L1")));
    record.put("operativeNarrativeReceived", false);
    record.put("biopsyLevels", new ArrayList<>(List.of("T12")));

    completeAs("coord1", instance, "UserTask_RecordProcedure", record);

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.IN_FOLLOW_UP);
    assertThat(instance).isWaitingAt("UserTask_ResolvePaymentFindings");
    assertThat(procedureFile(instance).findings().codes())
        .containsExactly("LEVEL_NOT_AUTHORIZED", "NO_OPERATIVE_NARRATIVE", "BONE_BIOPSY_SAME_LEVEL");
    Task task = openTask(instance, "UserTask_ResolvePaymentFindings");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("follow-up-coordinators");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> listed = (List<Map<String, String>>) runtimeService.getVariable(instance.getId(),
        "paymentFindingsList");
    assertThat(listed).extracting(row -> row.get("wording")).containsExactly(
        PaymentFinding.LEVEL_NOT_AUTHORIZED.plainLanguage(TestPolicy.TERMS), PaymentFinding.NO_OPERATIVE_NARRATIVE.plainLanguage(TestPolicy.TERMS),
        PaymentFinding.BONE_BIOPSY_SAME_LEVEL.plainLanguage(TestPolicy.TERMS));

    taskService.claim(task.getId(), "coord1");
    assertThat(refusedFields(() -> taskService.complete(task.getId(), Map.of()))).extracting(FieldError::field)
        .containsExactly("paymentFindingsNote");

    uploads.upload(instance.getBusinessKey(), "OPERATIVE_NARRATIVE",
        new MockMultipartFile("file", "narrative.pdf", "application/pdf", SampleDocuments.pdf()), "coord1");
    documentCopies.refresh(instance.getBusinessKey());
    @SuppressWarnings("unchecked")
    List<Map<String, String>> documents = (List<Map<String, String>>) runtimeService.getVariable(instance.getId(),
        "caseDocuments");
    // newest first: the upload, then the member's approval letter (names as the form's markdown shows them)
    assertThat(documents).extracting(row -> row.get("fileName")).containsExactly(
        com.healthplan.va.casefile.FormText.shown("narrative.pdf"),
        com.healthplan.va.casefile.FormText.shown("letter-approved-1.pdf"));
    assertThat(documents.get(1).get("kind")).isEqualTo("MEMBER_NOTICE");
    assertThat(documents.get(0).get("url")).startsWith("/api/cases/" + instance.getBusinessKey() + "/documents/");
    taskService.complete(task.getId(), Map.of("paymentFindingsNote", "T11 billed separately; biopsy not paid."));

    assertThat(instance).isWaitingAt("CallActivity_FollowUps");
    ProcedureFile.Findings findings = procedureFile(instance).findings();
    assertThat(findings.resolvedByDocument()).containsExactly("NO_OPERATIVE_NARRATIVE");
    assertThat(findings.note()).isEqualTo("T11 billed separately; biopsy not paid.");
    assertThat(findings.resolvedBy()).isEqualTo("coord1");
  }

  @Test
  void aProcedureBeforeTheApprovalIsRecordedAndFlagged() {
    ProcessInstance instance = scheduledCase();
    Map<String, Object> record = cleanRecord();
    record.put("procedureDate", today().minusDays(1).toString());

    completeAs("coord1", instance, "UserTask_RecordProcedure", record);

    assertThat(procedureFile(instance).record().procedureDate()).isEqualTo(today().minusDays(1));
    assertThat(procedureFile(instance).findings().codes()).containsExactly("PERFORMED_BEFORE_AUTHORIZATION");
  }

  @Test
  void anInpatientStayWithoutJustificationCannotBeScheduledSoTheDecisionNeverSeesOne() {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Task task = claimAs("coord1", instance, "UserTask_ScheduleProcedure");

    assertThat(refusedFields(() -> taskService.complete(task.getId(), schedule(today(), "INPATIENT", null))))
        .extracting(FieldError::field).containsExactly("inpatientJustification");
  }

  private Map<String, Object> fractureOn(LocalDate fracture) {
    Map<String, Object> intake = Intakes.with(eligibleIntake(), "fractureDate", fracture.toString());
    intake.put("imagingDate", today().toString());
    return intake;
  }
}
