package com.healthplan.va.determination;

import static com.healthplan.va.support.Refusals.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.input.FieldError;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Every path of {@code vertebralAugmentationCase} from intake to a determination, with its timers and mails. */
class CaseDeterminationProcessTest extends CaseTestSupport {

  static final List<String> ALL_CRITERIA = EligibilityCriterion.codes();

  static Map<String, Object> review(String decision, List<String> confirmed) {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewDecision", decision);
    values.put("reviewConfirmedCriteria", new ArrayList<>(confirmed));
    return values;
  }

  static Map<String, Object> physician(String decision, List<String> confirmed, String rationale) {
    Map<String, Object> values = new HashMap<>();
    values.put("medicalDirectorDecision", decision);
    values.put("reviewConfirmedCriteria", new ArrayList<>(confirmed));
    values.put("medicalDirectorRationale", rationale);
    return values;
  }

  static List<String> allBut(String... codes) {
    return ALL_CRITERIA.stream().filter(c -> !List.of(codes).contains(c)).toList();
  }

  /** The nurse asks the provider for information (a criterion left unconfirmed) and the request is e-mailed. */
  void requestInformation(ProcessInstance instance, String unconfirmed, String what) {
    Map<String, Object> request = review("REQUEST_INFORMATION", allBut(unconfirmed));
    request.put("requestedInformation", what);
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", request);
    runAsyncJobs(instance);
  }

  @Test
  void aNewCaseIsPrescreenedAndWaitsForTheNursesReview() {
    Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    ProcessInstance instance = openCase(eligibleIntake());

    assertThat(determination(instance)).isWaitingAt("UserTask_ReviewCriteria").hasPassed("BusinessRuleTask_PrescreenCriteria");
    assertThat(instance.getBusinessKey()).matches("VA-" + today().getYear() + "-\\d{6}");
    assertThat(variable(instance, "caseId")).isEqualTo(instance.getBusinessKey());
    assertThat(variable(instance, "caseStatus")).isEqualTo("IN_REVIEW");
    assertThat(variable(instance, "prescreenMeetsCriteria")).isEqualTo(true);
    assertThat(variable(instance, "prescreenUnmetCriteria")).isEqualTo(List.of());
    assertThat(variable(instance, "reviewConfirmedCriteria")).isEqualTo(ALL_CRITERIA);

    Task review = openTask(instance, "UserTask_ReviewCriteria");
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("um-nurses");
    Instant receivedAt = ((Date) variable(instance, "receivedAt")).toInstant();
    assertThat(receivedAt).isBetween(before, Instant.now());
    Instant dueAt = receivedAt.atZone(calendar.zone()).plusDays(7).toInstant();
    assertThat(review.getDueDate().toInstant()).isEqualTo(dueAt);
    assertThat(variable(instance, "determinationDueAt")).isEqualTo(Date.from(dueAt));
    assertThat(timer(instance, "Timer_DeterminationDueSoon").getDuedate().toInstant())
        .isEqualTo(dueAt.minus(Duration.ofHours(24)));
  }

  @Test
  void anExpeditedRequestIsDueWithin72Hours() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "urgency", "EXPEDITED"));

    Instant receivedAt = ((Date) variable(instance, "receivedAt")).toInstant();
    assertThat(openTask(instance, "UserTask_ReviewCriteria").getDueDate().toInstant())
        .isEqualTo(receivedAt.plus(Duration.ofHours(72)));
    assertThat(timer(instance, "Timer_DeterminationDueSoon").getDuedate().toInstant())
        .isEqualTo(receivedAt.plus(Duration.ofHours(60)));
  }

  @Test
  void thePrescreenListsUnmetCriteriaAndPreconfirmsOnlyTheMetOnes() {
    Map<String, Object> intake = Intakes.with(eligibleIntake(), "fractureLevels", List.of("T4", "L1"));
    intake.put("activeInfection", true);
    ProcessInstance instance = openCase(intake);

    assertThat(variable(instance, "prescreenMeetsCriteria")).isEqualTo(false);
    assertThat(variable(instance, "prescreenUnmetCriteria")).isEqualTo(List.of("LEVEL_OUTSIDE_T5_L5", "ACTIVE_INFECTION"));
    assertThat(variable(instance, "reviewConfirmedCriteria"))
        .isEqualTo(allBut("LEVEL_OUTSIDE_T5_L5", "ACTIVE_INFECTION"));
  }

  @Test
  void theNurseApprovesWhenEveryCriterionIsConfirmed() throws Exception {
    ProcessInstance instance = openCase(eligibleIntake());

    completeAs("nurse1", instance, "UserTask_ReviewCriteria", review("APPROVE", ALL_CRITERIA));

    // the procedure phase opens at once; the notice waits for its own job
    assertThat(instance).isWaitingAt("CallActivity_PrepareProcedure");
    assertThat(pendingNotices(instance)).singleElement().satisfies(notice ->
        assertThat(notice).isWaitingAt("ServiceTask_SendProviderNotice"));
    assertThat(caseFile(instance).determination().outcome().name()).isEqualTo("APPROVED");
    assertThat(caseFile(instance).determination().decidedBy()).isEqualTo("nurse1");
    assertThat(caseFile(instance).determination().unmetCriteria()).isEmpty();
    assertThat(caseFile(instance).determination().rationale()).isNotBlank();
    assertThat(caseFile(instance).determination().validThrough())
        .isEqualTo(caseFile(instance).intake().fractureDate().plusMonths(4));

    runAsyncJobs(instance);

    assertApprovedAndInProcedurePhase(instance);
    MimeMessage notice = TestMailServer.received().get(0);
    assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("spine@clinic.example");
    assertThat(notice.getSubject()).isEqualTo("Prior authorization " + instance.getBusinessKey() + ": approved");
  }

  @Test
  void theNurseCannotApproveWhileACriterionIsUnconfirmed() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    List<FieldError> refused = refusedFields(() -> taskService.complete(task.getId(),
        review("APPROVE", allBut("RADICULAR_SYMPTOMS"))));

    assertThat(refused).singleElement().satisfies(error -> {
      assertThat(error.field()).isEqualTo("reviewConfirmedCriteria");
      assertThat(error.message()).contains("radicular symptoms related to the VCF level");
    });
    assertThat(determination(instance)).isWaitingAt("UserTask_ReviewCriteria");
    assertThat(variable(instance, "caseStatus")).isEqualTo("IN_REVIEW");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("reviewDecision").count()).isZero();
    assertThat(variable(instance, "reviewConfirmedCriteria")).isEqualTo(ALL_CRITERIA);
  }

  @Test
  void theNursesDecisionMustBeOneOfTheThreeAndCriteriaMustBeThePolicys() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    assertThat(refusedFields(() -> taskService.complete(task.getId(), review("DENY", ALL_CRITERIA))))
        .extracting(FieldError::field).containsExactly("reviewDecision");
    assertThat(refusedFields(() -> taskService.complete(task.getId(),
        review("APPROVE", List.of("FRACTURE_OLDER_THAN_4_MONTHS", "NOT_A_CRITERION")))))
        .extracting(FieldError::field).containsExactly("reviewConfirmedCriteria");
    assertThat(determination(instance)).isWaitingAt("UserTask_ReviewCriteria");
  }

  @Test
  void aTaskMustBeClaimedSoThatTheDecisionHasAName() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = openTask(instance, "UserTask_ReviewCriteria");

    assertThat(refusedFields(() -> taskService.complete(task.getId(), review("APPROVE", ALL_CRITERIA))))
        .extracting(FieldError::field).containsExactly("assignee");
  }

  @Test
  void theDecisionIsRecordedInTheAuthenticatedUsersNameWhoMustHoldTheTask() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    identityService.setAuthentication("demo", List.of("camunda-admin"));
    assertThat(refusedFields(() -> taskService.complete(task.getId(), review("APPROVE", ALL_CRITERIA))))
        .extracting(FieldError::field).containsExactly("assignee");

    identityService.setAuthentication("nurse1", List.of("um-nurses"));
    taskService.complete(task.getId(), review("APPROVE", ALL_CRITERIA));
    assertThat(caseFile(instance).determination().decidedBy()).isEqualTo("nurse1");
  }

  @Test
  void referringACaseWhoseCriteriaAreAllConfirmedNeedsANote() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    assertThat(refusedFields(() -> taskService.complete(task.getId(),
        review("REFER_TO_MEDICAL_DIRECTOR", ALL_CRITERIA)))).extracting(FieldError::field)
        .containsExactly("reviewNote");

    Map<String, Object> withNote = review("REFER_TO_MEDICAL_DIRECTOR", ALL_CRITERIA);
    withNote.put("reviewNote", "Imaging and pain history disagree; physician opinion needed.");
    taskService.complete(task.getId(), withNote);
    assertThat(determination(instance)).isWaitingAt("UserTask_ReviewAsMedicalDirector");
  }

  @Test
  void aPhysicianDeniesWithARationaleNamingTheUnmetCriteria() throws Exception {
    Map<String, Object> intake = Intakes.with(eligibleIntake(), "activeInfection", true);
    ProcessInstance instance = openCase(intake);

    completeAs("nurse1", instance, "UserTask_ReviewCriteria",
        review("REFER_TO_MEDICAL_DIRECTOR", allBut("ACTIVE_INFECTION")));
    assertThat(determination(instance)).isWaitingAt("UserTask_ReviewAsMedicalDirector");
    assertThat(variable(instance, "caseStatus")).isEqualTo("MEDICAL_DIRECTOR_REVIEW");
    Task mdTask = openTask(instance, "UserTask_ReviewAsMedicalDirector");
    assertThat(taskService.getIdentityLinksForTask(mdTask.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("medical-directors");
    assertThat(mdTask.getDueDate().toInstant())
        .isEqualTo(caseFile(instance).determinationDueAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

    completeAs("md1", instance, "UserTask_ReviewAsMedicalDirector", physician("DENY",
        allBut("ACTIVE_INFECTION"), "Urinary tract infection under treatment <b>now</b>."));

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.DENIED);
    assertThat(caseFile(instance).determination().outcome().name()).isEqualTo("DENIED");
    assertThat(caseFile(instance).determination().decidedBy()).isEqualTo("md1");
    assertThat(caseFile(instance).determination().unmetCriteria()).containsExactly("ACTIVE_INFECTION");
    // open to an appeal at once, while the notice still waits for its job
    assertThat(instance).isWaitingAt("CallActivity_HandleAppeal");
    assertThat(phase(instance, "vertebralAugmentationAppeal")).isWaitingAt("UserTask_RecordAppeal");
    assertThat(pendingNotices(instance)).hasSize(1);

    runAsyncJobs(instance);

    assertThat(pendingNotices(instance)).isEmpty();
    assertThat(TestMailServer.received()).singleElement()
        .satisfies(m -> assertThat(m.getSubject()).endsWith(": denied"));
  }

  @Test
  void aPhysicianMayApproveWhatTheNurseReferred() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "painScore", 5));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria",
        review("REFER_TO_MEDICAL_DIRECTOR", allBut("PAIN_CRITERION_NOT_MET")));

    completeAs("md1", instance, "UserTask_ReviewAsMedicalDirector", physician("APPROVE",
        allBut("PAIN_CRITERION_NOT_MET"), "Pain limits walking per PT notes; approved as an exception."));

    assertThat(caseFile(instance).determination().decidedBy()).isEqualTo("md1");
    assertThat(caseFile(instance).determination().unmetCriteria()).isEmpty();
    assertThat(caseFile(instance).determination().overriddenCriteria()).containsExactly("PAIN_CRITERION_NOT_MET");
    assertThat(variable(instance, "reviewConfirmedCriteria")).isEqualTo(allBut("PAIN_CRITERION_NOT_MET"));
    runAsyncJobs(instance);
    assertApprovedAndInProcedurePhase(instance);
  }

  @Test
  void onlyAPhysicianMayDecideTheMedicalDirectorReview() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "boneRetropulsion", true));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria",
        review("REFER_TO_MEDICAL_DIRECTOR", allBut("BONE_RETROPULSION")));
    Task mdTask = openTask(instance, "UserTask_ReviewAsMedicalDirector");

    for (String notAPhysician : List.of("nurse1", "demo", "coord1")) {
      taskService.setAssignee(mdTask.getId(), notAPhysician);
      assertThat(refusedFields(() -> taskService.complete(mdTask.getId(),
          physician("DENY", allBut("BONE_RETROPULSION"), "Retropulsion on CT."))))
          .extracting(FieldError::message)
          .containsExactly("Only a physician of the medical directors group may decide here.");
    }
    assertThat(variable(instance, "caseStatus")).isEqualTo("MEDICAL_DIRECTOR_REVIEW");
  }

  @Test
  void aDenialNeedsAnUnmetCriterionAndARationale() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "boneRetropulsion", true));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria",
        review("REFER_TO_MEDICAL_DIRECTOR", allBut("BONE_RETROPULSION")));
    Task mdTask = claimAs("md1", instance, "UserTask_ReviewAsMedicalDirector");

    assertThat(refusedFields(() -> taskService.complete(mdTask.getId(),
        physician("DENY", ALL_CRITERIA, "Not medically necessary."))))
        .extracting(FieldError::field).containsExactly("reviewConfirmedCriteria");
    assertThat(refusedFields(() -> taskService.complete(mdTask.getId(),
        physician("DENY", allBut("BONE_RETROPULSION"), "  "))))
        .extracting(FieldError::field).containsExactly("medicalDirectorRationale");
    assertThat(determination(instance)).isWaitingAt("UserTask_ReviewAsMedicalDirector");
  }

  @Test
  void requestedInformationReturnsTheCaseToReviewWithUpdatedFacts() throws Exception {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "imagingModality", "NONE")
        .entrySet().stream().filter(e -> !e.getKey().equals("imagingDate"))
        .collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), HashMap::putAll));
    assertThat(variable(instance, "prescreenUnmetCriteria")).isEqualTo(List.of("FRACTURE_NOT_CONFIRMED_BY_IMAGING"));

    Map<String, Object> request = review("REQUEST_INFORMATION", allBut("FRACTURE_NOT_CONFIRMED_BY_IMAGING"));
    request.put("requestedInformation", "The MRI or x-ray report confirming the fracture.");
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", request);

    assertThat(variable(instance, "caseStatus")).isEqualTo("PENDED_FOR_INFORMATION");
    assertThat(caseFile(instance).informationRequest().count()).isEqualTo(1);
    assertThat(determination(instance)).isWaitingAt("ServiceTask_RequestInformation");
    runAsyncJobs(instance);
    assertThat(determination(instance)).isWaitingAt("UserTask_RecordRequestedInformation");
    MimeMessage mail = TestMailServer.received().get(0);
    assertThat(mail.getSubject()).startsWith("Prior authorization " + instance.getBusinessKey()
        + ": information needed by");
    assertThat(mail.getMessageID()).isEqualTo("<" + instance.getBusinessKey()
        + ".information-request.1@va.healthplan.example>");

    Date informationDueAt = (Date) variable(instance, "informationDueAt");
    Instant requestedAt = Instant.now();
    assertThat(informationDueAt.toInstant()).isBetween(
        ZonedDateTime.ofInstant(requestedAt, calendar.zone()).plusDays(5).toInstant().minusSeconds(60),
        ZonedDateTime.ofInstant(requestedAt, calendar.zone()).plusDays(5).toInstant());
    assertThat(openTask(instance, "UserTask_RecordRequestedInformation").getDueDate()).isEqualTo(informationDueAt);
    assertThat(timer(instance, "Timer_InformationDeadlinePassed").getDuedate()).isEqualTo(informationDueAt);

    Map<String, Object> received = new HashMap<>();
    received.put("informationReceivedNote", "MRI report faxed by the clinic.");
    received.put("imagingModality", "MRI");
    received.put("imagingDate", today().minusDays(20).toString());
    completeAs("nurse1", instance, "UserTask_RecordRequestedInformation", received);

    assertThat(determination(instance)).isWaitingAt("UserTask_ReviewCriteria");
    assertThat(variable(instance, "caseStatus")).isEqualTo("IN_REVIEW");
    assertThat(variable(instance, "prescreenMeetsCriteria")).isEqualTo(true);
    assertThat(variable(instance, "imagingDate")).isEqualTo(today().minusDays(20).toString());
    assertThat(timer(instance, "Timer_InformationDeadlinePassed")).isNull();
  }

  @Test
  void receivedInformationIsCheckedWithTheIntakeRules() {
    ProcessInstance instance = openCase(eligibleIntake());
    requestInformation(instance, "NOT_REFRACTORY_TO_CONSERVATIVE_CARE", "Physical therapy notes.");
    Task task = claimAs("nurse1", instance, "UserTask_RecordRequestedInformation");

    Map<String, Object> received = new HashMap<>();
    received.put("informationReceivedNote", "PT notes.");
    received.put("painScore", 14);
    received.put("fractureLevels", List.of("L9"));
    assertThat(refusedFields(() -> taskService.complete(task.getId(), received)))
        .extracting(FieldError::field).containsExactly("fractureLevels", "painScore");
    assertThat(variable(instance, "painScore")).isEqualTo(8);
    assertThat(variable(instance, "fractureLevels")).isEqualTo(List.of("T12", "L1"));
  }

  @Test
  void documentsShowingNoImagingClearTheImagingDate() {
    ProcessInstance instance = openCase(eligibleIntake());
    requestInformation(instance, "FRACTURE_NOT_CONFIRMED_BY_IMAGING", "The MRI report.");

    // Tasklist hides the imaging date once "not confirmed by imaging" is chosen; the old date must go
    Map<String, Object> received = new HashMap<>();
    received.put("informationReceivedNote", "The clinic says no MRI was done.");
    received.put("imagingModality", "NONE");
    completeAs("nurse1", instance, "UserTask_RecordRequestedInformation", received);

    assertThat(variable(instance, "imagingDate")).isNull();
    assertThat(variable(instance, "prescreenUnmetCriteria")).isEqualTo(List.of("FRACTURE_NOT_CONFIRMED_BY_IMAGING"));
  }

  @Test
  void informationNotReceivedInTimeClosesTheCaseAsIncomplete() throws Exception {
    ProcessInstance instance = openCase(eligibleIntake());
    requestInformation(instance, "NOT_REFRACTORY_TO_CONSERVATIVE_CARE", "Physical therapy notes.");

    managementService.executeJob(timer(instance, "Timer_InformationDeadlinePassed").getId());
    assertThat(determination(instance)).isWaitingAt("ServiceTask_DecideOnInformationAtHand");
    runAsyncJobs(instance);

    // decided on the information at hand: an adverse determination with its reasons, open to an appeal at once
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.CLOSED_INCOMPLETE);
    assertThat(caseFile(instance).determination().outcome().name()).isEqualTo("CLOSED_INCOMPLETE");
    assertThat(caseFile(instance).determination().unmetCriteria()).containsExactly("NOT_REFRACTORY_TO_CONSERVATIVE_CARE");
    assertThat(instance).isWaitingAt("CallActivity_HandleAppeal");
    runAsyncJobs(instance);
    MimeMessage notice = TestMailServer.received().get(TestMailServer.received().size() - 1);
    assertThat(notice.getSubject()).isEqualTo("Prior authorization " + instance.getBusinessKey()
        + ": not approved, the requested information did not arrive");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(notice)).contains("may appeal this decision until");
  }

  @Test
  void informationCannotBeRequestedOnceTheDeterminationIsDue() {
    ProcessInstance instance = openCase(eligibleIntake());
    setDeterminationDueAt(instance, Instant.now().minusSeconds(1));
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");
    Map<String, Object> request = review("REQUEST_INFORMATION", ALL_CRITERIA);
    request.put("requestedInformation", "Anything.");

    assertThat(refusedFields(() -> taskService.complete(task.getId(), request)))
        .extracting(FieldError::field).containsExactly("reviewDecision");
  }

  @Test
  void theRulesReadTheCaseFileNotTheVariablesThatCopyIt() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "radicularSymptoms", true));
    // a changed copy (as a careless script or an administrator's variable edit would make) decides nothing
    runtimeService.setVariable(instance.getId(), "prescreenUnmetCriteria", new ArrayList<>());
    runtimeService.setVariable(instance.getId(), "determinationDueAt", Date.from(Instant.now().minusSeconds(1)));
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    assertThat(refusedFields(() -> taskService.complete(task.getId(), review("APPROVE", ALL_CRITERIA))))
        .extracting(FieldError::field).containsExactly("reviewDecision");
    Map<String, Object> request = review("REQUEST_INFORMATION", ALL_CRITERIA);
    request.put("requestedInformation", "Nerve conduction study.");
    taskService.complete(task.getId(), request);
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.PENDED_FOR_INFORMATION);
    assertThat(caseFile(instance).prescreen().unmetCriteria()).containsExactly("RADICULAR_SYMPTOMS");
  }

  @Test
  void theInformationDeadlineNeverPassesTheDeterminationDueTime() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "urgency", "EXPEDITED"));
    Map<String, Object> request = review("REQUEST_INFORMATION", ALL_CRITERIA);
    request.put("requestedInformation", "Operative plan.");
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", request);
    runAsyncJobs(instance);

    assertThat(variable(instance, "informationDueAt")).isEqualTo(variable(instance, "determinationDueAt"));
  }

  @Test
  void aRequestThatGoesOutLateStillGivesTheProviderTheResponseTime() {
    ProcessInstance instance = openCase(eligibleIntake());
    Map<String, Object> request = review("REQUEST_INFORMATION", allBut("NOT_REFRACTORY_TO_CONSERVATIVE_CARE"));
    request.put("requestedInformation", "Physical therapy notes.");
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", request);
    // the mail server was down until after the determination fell due
    setDeterminationDueAt(instance, Instant.now().minusSeconds(60));

    runAsyncJobs(instance);

    Instant expected = ZonedDateTime.now(calendar.zone()).plusDays(5).toInstant();
    assertThat(((Date) variable(instance, "informationDueAt")).toInstant())
        .isBetween(expected.minusSeconds(60), expected);
  }

  @Test
  void theNurseCannotApproveWhatTheFactsOnRecordDoNotMeet() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "fractureLevels", List.of("C5")));
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    assertThat(refusedFields(() -> taskService.complete(task.getId(), review("APPROVE", ALL_CRITERIA))))
        .singleElement().satisfies(error -> {
          assertThat(error.field()).isEqualTo("reviewDecision");
          assertThat(error.message()).contains("T5-L5 levels only: every fracture level to be treated is within T5 to L5");
        });
    assertThat(variable(instance, "caseStatus")).isEqualTo("IN_REVIEW");
  }

  @Test
  void onlyANurseCompletesTheCriteriaReview() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = openTask(instance, "UserTask_ReviewCriteria");
    for (String notANurse : List.of("demo", "md1", "coord1")) {
      taskService.setAssignee(task.getId(), notANurse);
      assertThat(refusedFields(() -> taskService.complete(task.getId(), review("APPROVE", ALL_CRITERIA))))
          .extracting(FieldError::message)
          .containsExactly("Only a utilization-management nurse may complete the criteria review.");
    }
  }

  @Test
  void coordinatorsAreAlertedBeforeTheDeterminationFallsDue() throws Exception {
    ProcessInstance instance = openCase(eligibleIntake());
    Job dueSoon = timer(instance, "Timer_DeterminationDueSoon");

    managementService.executeJob(dueSoon.getId());
    assertThat(instance).isWaitingAt("CallActivity_DetermineCoverage", "ServiceTask_AlertCoordinators");
    assertThat(determination(instance)).isWaitingAt("UserTask_ReviewCriteria");
    runAsyncJobs(instance);

    assertThat(determination(instance)).isWaitingAt("UserTask_ReviewCriteria");
    assertThat(instance).hasPassed("EndEvent_CoordinatorsAlerted");
    assertThat(openTask(instance, "UserTask_ReviewCriteria").getPriority()).isEqualTo(90);
    MimeMessage alert = TestMailServer.received().get(0);
    assertThat(alert.getAllRecipients()[0].toString()).isEqualTo("coord1@healthplan.example");
    assertThat(alert.getSubject()).isEqualTo("Determination due soon: " + instance.getBusinessKey());
    assertThat(alert.getContent().toString()).doesNotContain("Jane");

    completeAs("nurse1", instance, "UserTask_ReviewCriteria", review("APPROVE", ALL_CRITERIA));
    runAsyncJobs(instance);
    assertApprovedAndInProcedurePhase(instance);
  }

  @Test
  void reviewTasksCreatedAfterTheAlertAreUrgentToo() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "activeInfection", true));
    managementService.executeJob(timer(instance, "Timer_DeterminationDueSoon").getId());
    runAsyncJobs(instance);

    completeAs("nurse1", instance, "UserTask_ReviewCriteria",
        review("REFER_TO_MEDICAL_DIRECTOR", allBut("ACTIVE_INFECTION")));

    assertThat(openTask(instance, "UserTask_ReviewAsMedicalDirector").getPriority()).isEqualTo(90);
  }

  @Test
  void anAlertStillWaitingWhenTheDeterminationIsMadeIsNotSent() throws Exception {
    ProcessInstance instance = openCase(eligibleIntake());
    managementService.executeJob(timer(instance, "Timer_DeterminationDueSoon").getId());

    completeAs("nurse1", instance, "UserTask_ReviewCriteria", review("APPROVE", ALL_CRITERIA));
    runAsyncJobs(instance);

    assertApprovedAndInProcedurePhase(instance);
    assertThat(TestMailServer.received()).extracting(MimeMessage::getSubject)
        .containsExactly("Prior authorization " + instance.getBusinessKey() + ": approved");
  }

  @Test
  void aDeterminationInTimeCancelsTheAlert() {
    ProcessInstance instance = openCase(eligibleIntake());
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", review("APPROVE", ALL_CRITERIA));

    assertThat(timer(instance, "Timer_DeterminationDueSoon")).isNull();
  }

  @Test
  void aDeterminationIsFinalEvenIfASecondDeterminationWereStarted() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "radicularSymptoms", true));
    // an administrator's modification starting a second determination beside the first is refused by the case's
    // rules; trusted code that did it anyway could still not decide the round twice
    identityService.setAuthentication("demo", List.of("camunda-admin"));
    assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity("CallActivity_DetermineCoverage").execute())
        .isInstanceOf(com.healthplan.va.casefile.CaseConflictException.class)
        .hasMessageContaining("already runs");
    identityService.clearAuthentication();
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity("CallActivity_DetermineCoverage").execute();
    List<Task> reviews = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey("UserTask_ReviewCriteria").list();
    assertThat(reviews).hasSize(2);
    Map<String, Object> refer = review("REFER_TO_MEDICAL_DIRECTOR", ALL_CRITERIA);
    refer.put("reviewNote", "Radicular pain documented.");
    for (Task task : reviews) {
      taskService.claim(task.getId(), "nurse1");
      taskService.complete(task.getId(), refer);
    }
    List<Task> physicianReviews = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey("UserTask_ReviewAsMedicalDirector").list();
    Map<String, Object> deny = new HashMap<>();
    deny.put("medicalDirectorDecision", "DENY");
    deny.put("reviewConfirmedCriteria", new ArrayList<>(ALL_CRITERIA.subList(0, 10)));
    deny.put("medicalDirectorRationale", "Radicular symptoms at the fracture level.");
    taskService.claim(physicianReviews.get(0).getId(), "md1");
    taskService.complete(physicianReviews.get(0).getId(), deny);

    Map<String, Object> approve = new HashMap<>();
    approve.put("medicalDirectorDecision", "APPROVE");
    approve.put("reviewConfirmedCriteria", new ArrayList<>(ALL_CRITERIA));
    approve.put("medicalDirectorRationale", "Approved.");
    taskService.claim(physicianReviews.get(1).getId(), "md1");
    assertThat(refusedFields(() -> taskService.complete(physicianReviews.get(1).getId(), approve)))
        .extracting(FieldError::field).containsExactly("medicalDirectorDecision");
    assertThat(caseFile(instance).determination().outcome().name()).isEqualTo("DENIED");
  }

  @Test
  void aDeterminationCannotRunWithoutItsCase() {
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("vertebralAugmentationDetermination",
        "VA-2026-999999")).hasMessageContaining("A phase starts only from its case");
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey("VA-2026-999999").count()).isZero();
  }
}
