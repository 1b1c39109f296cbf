package com.healthplan.va.procedure;

import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.support.TestPolicy;
import static com.healthplan.va.support.Refusals.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.documents.CaseDocuments;
import com.healthplan.va.documents.DocumentKind;
import com.healthplan.va.documents.DocumentSummary;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.input.FieldError;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TestMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A physician approves fewer levels than requested, or with conditions: the determination records what was
 * approved and which criteria were overridden, the notice states it, and the payment limits check the treated
 * levels against the approved ones.
 */
class ApprovalWithModificationsTest extends ProcedureTestSupport {

  @org.springframework.beans.factory.annotation.Autowired CaseDocuments documents;

  private ProcessInstance referredFourLevelCase() {
    return referredFourLevelCase(null);
  }

  private ProcessInstance referredFourLevelCase(java.time.LocalDate fracture) {
    Map<String, Object> intake = Intakes.with(eligibleIntake(), "fractureLevels",
        new ArrayList<>(List.of("T11", "T12", "L1", "L2")));
    if (fracture != null) {
      intake.put("fractureDate", fracture.toString());
      intake.put("imagingDate", fracture.plusDays(1).toString());
    }
    ProcessInstance instance = openCase(intake);
    Map<String, Object> refer = new HashMap<>();
    refer.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    refer.put("reviewConfirmedCriteria", new ArrayList<>(allBut("MORE_THAN_3_LEVELS")));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", refer);
    return instance;
  }

  private static List<String> allBut(String code) {
    return EligibilityCriterion.codes().stream().filter(c -> !c.equals(code)).toList();
  }

  private static Map<String, Object> approve(List<String> levels, String conditions) {
    Map<String, Object> values = new HashMap<>();
    values.put("medicalDirectorDecision", "APPROVE");
    values.put("reviewConfirmedCriteria", new ArrayList<>(allBut("MORE_THAN_3_LEVELS")));
    values.put("medicalDirectorRationale", "T11, T12 and L1 are acute on MRI; L2 is an old fracture.");
    values.put("approvedLevels", new ArrayList<>(levels));
    values.put("approvalConditions", conditions);
    return values;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage message) throws Exception {
    Multipart mixed = (Multipart) message.getContent();
    return find(mixed).replaceAll("[ \\t]+", " ");
  }

  private static String find(Multipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart nested) {
        String found = find(nested);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Test
  void fewerLevelsAreApprovedAndTheNoticeAndPaymentLimitsFollowTheApproval() throws Exception {
    ProcessInstance instance = referredFourLevelCase();

    completeAs("md1", instance, "UserTask_ReviewAsMedicalDirector",
        approve(List.of("L1", "T11", "T12"), "Outpatient only."));
    runAsyncJobs(instance);

    DeterminationRound.Decision determination = caseFile(instance).determination();
    assertThat(determination.outcome().name()).isEqualTo("APPROVED_WITH_MODIFICATIONS");
    assertThat(determination.approvedLevels()).containsExactly("T11", "T12", "L1");
    assertThat(determination.conditions()).isEqualTo("Outpatient only.");
    assertThat(determination.overriddenCriteria()).containsExactly("MORE_THAN_3_LEVELS");
    MimeMessage notice = TestMailServer.received().get(0);
    assertThat(notice.getSubject()).endsWith(": approved in part");
    assertThat(text(notice)).contains("Approved: Kyphoplasty (CPT 22513-22515), levels T11, T12, L1")
        .contains("Not approved: levels L2").contains("Conditions: Outpatient only.")
        .contains("L2 is an old fracture").contains("may be appealed until").doesNotContain("levels T11, T12, L1, L2");
    assertThat(phaseVariable(instance, "approvedLevels")).isEqualTo(List.of("T11", "T12", "L1"));
    // the member's letter says what was approved, what not, and how to appeal that part
    DocumentSummary letter = documents.of(instance.getBusinessKey()).stream()
        .filter(d -> d.kind() == DocumentKind.MEMBER_NOTICE).findFirst().orElseThrow();
    try (PDDocument pdf = Loader.loadPDF(documents.find(instance.getBusinessKey(), letter.documentId())
        .orElseThrow().content())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      assertThat(stripper.getText(pdf).replaceAll("\\s+", " "))
          .contains("We approved it for T11, T12, L1").contains("We did not approve it for L2")
          .contains("You can appeal that part");
    }

    // the procedure treats the level that was not approved: a finding, and more than 3 levels too
    confirmDocumentation(instance, ALL_ITEMS);
    scheduleOn(instance, today());
    Map<String, Object> record = cleanRecord();
    record.put("levelsTreated", new ArrayList<>(List.of("T11", "T12", "L1", "L2")));
    completeAs("coord1", instance, "UserTask_RecordProcedure", record);
    assertThat(procedureFile(instance).findings().codes())
        .containsExactly("LEVEL_NOT_AUTHORIZED", "MORE_THAN_3_LEVELS_TREATED");
  }

  /**
   * The levels an approval left out are appealed; the approval then lapses before the procedure (scheduled after its
   * last day): the new round reviews the whole request, so the appeal is closed without a decision, recorded with
   * why, its review ends, the new round's notice says so, and the new determination is appealable in its turn with
   * one appeal running.
   */
  @Test
  void anAppealOfTheLevelsLeftOutIsClosedWithoutADecisionWhenANewRoundReviewsTheWholeRequest() throws Exception {
    java.time.LocalDate fracture = today().minusMonths(2);
    ProcessInstance instance = referredFourLevelCase(fracture);
    completeAs("md1", instance, "UserTask_ReviewAsMedicalDirector", approve(List.of("L1", "T11", "T12"), null));
    runAsyncJobs(instance);
    Map<String, Object> appeal = new HashMap<>();
    appeal.put("requestedBy", "PROVIDER");
    appeal.put("reason", "L2 is acute on the new MRI.");
    appeal.put("urgency", "STANDARD");
    completeAs("nurse1", instance, "UserTask_RecordAppeal", appeal);
    assertThat(openTask(instance, "UserTask_ReviewAppeal")).isNotNull();

    confirmDocumentation(instance, ALL_ITEMS);
    scheduleOn(instance, fracture.plusMonths(4).plusDays(1));

    CaseFile file = caseFile(instance);
    assertThat(file.currentRound().number()).isEqualTo(2);
    com.healthplan.va.casefile.Appeal closed = file.rounds().get(0).appeal();
    assertThat(closed.closedWithoutDecision()).isTrue();
    assertThat(closed.outcome()).isNull();
    assertThat(closed.reason()).isEqualTo("L2 is acute on the new MRI.");
    assertThat(closed.closedReason()).contains("determination round 2 reviews the whole request again");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey("UserTask_ReviewAppeal").count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey("vertebralAugmentationAppeal").count()).isZero();

    // the new round: referred, and denied by a physician who did not deny part of the request before
    Map<String, Object> refer = new HashMap<>();
    refer.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    refer.put("reviewConfirmedCriteria", new ArrayList<>(allBut("MORE_THAN_3_LEVELS").stream()
        .filter(c -> !c.equals("FRACTURE_OLDER_THAN_4_MONTHS")).toList()));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", refer);
    Map<String, Object> deny = new HashMap<>();
    deny.put("medicalDirectorDecision", "DENY");
    deny.put("reviewConfirmedCriteria", new ArrayList<>(List.of()));
    deny.put("medicalDirectorRationale", "The fracture is older than the policy covers on the scheduled date.");
    TestMailServer.purge();
    completeAs("md2", instance, "UserTask_ReviewAsMedicalDirector", deny);
    runAsyncJobs(instance);

    MimeMessage denial = TestMailServer.received().stream().filter(m -> subject(m).endsWith(": denied")).findFirst()
        .orElseThrow();
    assertThat(text(denial).replaceAll("\\s+", " ")).contains("A new review of this request")
        .contains("after the last day of the earlier approval (" + calendar.day(fracture.plusMonths(4)) + ")")
        .contains("of levels L2 was closed without a decision");
    List<String> letters = new ArrayList<>();
    for (DocumentSummary letter : documents.of(instance.getBusinessKey())) {
      if (letter.kind() == DocumentKind.MEMBER_NOTICE) {
        try (PDDocument pdf = Loader.loadPDF(documents.find(instance.getBusinessKey(), letter.documentId())
            .orElseThrow().content())) {
          PDFTextStripper stripper = new PDFTextStripper();
          stripper.setSortByPosition(true);
          letters.add(stripper.getText(pdf).replaceAll("\\s+", " "));
        }
      }
    }
    assertThat(letters).hasSize(2).filteredOn(letter -> letter.contains("We did not approve it. Here is why"))
        .singleElement().asString().contains("We looked at this request again")
        .contains("We closed that appeal without deciding it");
    completeAs("nurse1", instance, "UserTask_RecordAppeal", appeal);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey("vertebralAugmentationAppeal").count()).isEqualTo(1);
    assertThat(caseFile(instance).rounds().get(1).appeal().open()).isTrue();
    assertThat(caseFile(instance).rounds().get(0).appeal().closedWithoutDecision()).isTrue();
  }

  @Test
  void approvedLevelsMustBeOfTheRequestAndMeetThePolicyByThemselves() {
    ProcessInstance instance = referredFourLevelCase();
    Task task = claimAs("md1", instance, "UserTask_ReviewAsMedicalDirector");

    assertThat(refusedFields(() -> taskService.complete(task.getId(), approve(List.of("T11", "T12", "L3"), null))))
        .extracting(FieldError::field).containsExactly("approvedLevels");
    assertThat(refusedFields(() -> taskService.complete(task.getId(), approve(List.of("T11", "T12", "X9"), null))))
        .extracting(FieldError::field).containsExactly("approvedLevels");
    // the whole request plus a level never asked for is not an approval of the request
    assertThat(refusedFields(() -> taskService.complete(task.getId(),
        approve(List.of("T11", "T12", "L1", "L2", "C3"), null)))).extracting(FieldError::field)
        .containsExactly("approvedLevels");
    assertThat(caseFile(instance).determination()).isNull();

    // the whole request, as asked, is the physician's override of the 3-level limit: allowed, and recorded so
    taskService.complete(task.getId(), approve(List.of(), null));
    DeterminationRound.Decision determination = caseFile(instance).determination();
    assertThat(determination.approvedLevels()).containsExactly("T11", "T12", "L1", "L2");
    assertThat(determination.overriddenCriteria()).containsExactly("MORE_THAN_3_LEVELS");
  }

  @Test
  void fewerLevelsOutsideThePolicyAreRefused() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "fractureLevels",
        new ArrayList<>(List.of("T4", "T11", "T12", "L1"))));
    Map<String, Object> refer = new HashMap<>();
    refer.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    refer.put("reviewConfirmedCriteria", new ArrayList<>(allBut("LEVEL_OUTSIDE_T5_L5")));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", refer);
    Task task = claimAs("md1", instance, "UserTask_ReviewAsMedicalDirector");

    List<FieldError> refused = refusedFields(() -> taskService.complete(task.getId(),
        approve(List.of("T4", "T11"), null)));

    assertThat(refused).extracting(FieldError::field).containsExactly("approvedLevels");
    assertThat(refused.get(0).message()).contains(EligibilityCriterion.LEVEL_OUTSIDE_T5_L5.plainLanguage(TestPolicy.TERMS));
  }
}
