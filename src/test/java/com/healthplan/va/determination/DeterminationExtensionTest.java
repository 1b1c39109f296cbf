package com.healthplan.va.determination;

import static com.healthplan.va.support.Refusals.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.input.FieldError;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.Http;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Extending the determination's deadline when information is requested: once, by 1 to 14 calendar days, with a
 * reason; the due dates, the coordinators' alert and the notices follow, and member and provider are told.
 */
class DeterminationExtensionTest extends CaseTestSupport {

  private static Map<String, Object> request(Integer days, String reason) {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewDecision", "REQUEST_INFORMATION");
    values.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes().stream()
        .filter(code -> !code.equals("NOT_REFRACTORY_TO_CONSERVATIVE_CARE")).toList()));
    values.put("requestedInformation", "Physical therapy notes of the last 6 weeks.");
    values.put("extendDeterminationByDays", days);
    values.put("extensionReason", reason);
    return values;
  }

  @Test
  void anExtensionMovesTheDeadlineAndTheAlertAndTellsProviderAndMember() throws Exception {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "memberEmail", "jane.doe@mail.example"));
    Instant originalDue = caseFile(instance).determinationDueAt();
    Instant originalAlert = timer(instance, "Timer_DeterminationDueSoon").getDuedate().toInstant();

    completeAs("nurse1", instance, "UserTask_ReviewCriteria", request(14, "Therapy notes are held by another clinic."));
    runAsyncJobs(instance);

    CaseFile file = caseFile(instance);
    Instant newDue = originalDue.atZone(calendar.zone()).plusDays(14).toInstant();
    assertThat(file.determinationDueAt()).isEqualTo(newDue);
    assertThat(file.extension().days()).isEqualTo(14);
    assertThat(file.extension().extendedBy()).isEqualTo("nurse1");
    assertThat(file.extension().originalDueAt()).isEqualTo(originalDue);
    // the engine keeps milliseconds
    Instant newDueMillis = newDue.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    assertThat(timer(instance, "Timer_DeterminationDueSoon").getDuedate().toInstant())
        .isEqualTo(newDueMillis.minus(Duration.ofHours(24)))
        .isAfter(originalAlert);
    assertThat(((Date) variable(instance, "determinationDueAt")).toInstant()).isEqualTo(newDueMillis);

    List<MimeMessage> mails = TestMailServer.received();
    // the provider's request, and the member's two letters: the request and the extension
    assertThat(mails).extracting(message -> message.getAllRecipients()[0].toString())
        .containsExactlyInAnyOrder("spine@clinic.example", "jane.doe@mail.example", "jane.doe@mail.example");
    MimeMessage toProvider = mails.stream().filter(m -> subject(m).contains("information needed")).findFirst()
        .orElseThrow();
    assertThat(CaseNoticeText.of(toProvider)).contains("extended by 14 days")
        .contains("Therapy notes are held by another clinic.");
    MimeMessage toMember = mails.stream().filter(m -> subject(m).contains("more time")).findFirst().orElseThrow();
    assertThat(toMember.getSubject()).isEqualTo("We need more time to decide on your doctor's request (reference "
        + instance.getBusinessKey() + ")");
    String member = CaseNoticeText.of(toMember);
    assertThat(member).contains("Dear member,").contains("kyphoplasty").contains("We will decide by")
        .contains("Therapy notes are held by another clinic.").doesNotContain("CPT")
        .doesNotContain("NOT_REFRACTORY").doesNotContain("Jane");

    JsonNode view = json.readTree(http.get("/api/cases/" + instance.getBusinessKey(), "Authorization",
        Http.basic("nurse1", "nurse1")).body());
    assertThat(view.at("/extension/days").asInt()).isEqualTo(14);
    assertThat(view.at("/extension/reason").asText()).isEqualTo("Therapy notes are held by another clinic.");

    // once only: after the information arrives, a second request may not extend again
    Map<String, Object> received = new HashMap<>();
    received.put("informationReceivedNote", "Notes received.");
    completeAs("nurse1", instance, "UserTask_RecordRequestedInformation", received);
    Task review = claimAs("nurse1", instance, "UserTask_ReviewCriteria");
    assertThat(refusedFields(() -> taskService.complete(review.getId(), request(3, "More time."))))
        .extracting(FieldError::field).containsExactly("extendDeterminationByDays");
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** As Tasklist does it: the nurse, authenticated, who may not reschedule jobs herself. */
  @Test
  void anExtensionThroughTheEngineApiMovesTheAlertAsTheApplication() {
    ProcessInstance instance = openCase(eligibleIntake());
    Instant originalDue = caseFile(instance).determinationDueAt();
    Task review = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    var response = http.postJson("/engine-rest/task/" + review.getId() + "/submit-form",
        com.healthplan.va.support.EngineRestVariables.of(request(5, "Waiting for the MRI report.")),
        "Authorization", Http.basic("nurse1", "nurse1"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    Instant newDue = originalDue.atZone(calendar.zone()).plusDays(5).toInstant();
    assertThat(caseFile(instance).determinationDueAt()).isEqualTo(newDue);
    assertThat(timer(instance, "Timer_DeterminationDueSoon").getDuedate().toInstant())
        .isEqualTo(newDue.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minus(Duration.ofHours(24)));
  }

  @Test
  void anExtensionIsOneToFourteenDaysWithAReason() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task review = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    assertThat(refusedFields(() -> taskService.complete(review.getId(), request(15, "Long wait."))))
        .extracting(FieldError::field).containsExactly("extendDeterminationByDays");
    assertThat(refusedFields(() -> taskService.complete(review.getId(), request(0, "None."))))
        .extracting(FieldError::field).containsExactly("extendDeterminationByDays");
    assertThat(refusedFields(() -> taskService.complete(review.getId(), request(7, null))))
        .extracting(FieldError::field).containsExactly("extensionReason");
    assertThat(caseFile(instance).extension()).isNull();

    // without an extension the request keeps the deadline, and the member hears nothing
    Instant due = caseFile(instance).determinationDueAt();
    taskService.complete(review.getId(), request(null, null));
    runAsyncJobs(instance);
    assertThat(caseFile(instance).determinationDueAt()).isEqualTo(due);
    assertThat(caseFile(instance).extension()).isNull();
    assertThat(TestMailServer.received()).hasSize(1);
  }
}
