package com.healthplan.va.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A nurse's day in Tasklist, in a real browser: she logs in, starts a case with the start form, is told in plain
 * words which value the server refused, corrects it, finds the case in her filter with the prescreen shown, and
 * refers it to a medical director.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NurseIntakeJourneyIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @Test
  void aNurseStartsACaseInTasklistAndReviewsItsPrescreen() {
    try (Browser browser = Browser.open()) {
      String base = "http://127.0.0.1:" + port;
      browser.go(base + "/camunda/app/tasklist/default/");
      browser.visible(By.cssSelector("form[name='signinForm'] input[ng-model='username']")).sendKeys("nurse1");
      browser.visible(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("nurse1");
      browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
      browser.waitFor(d -> d.findElements(By.cssSelector("form[name='signinForm']")).isEmpty());

      browser.click(By.partialLinkText("Start process"));
      browser.visible(By.cssSelector(".modal-content .modal-header input.form-control")).sendKeys("Vertebral");
      browser.click(By.xpath("//ul[contains(@class,'processes')]//a[contains(normalize-space(.),'Vertebral augmentation case')]"));
      browser.visible(By.cssSelector(".modal-content .fjs-form"));

      fillIntake(browser, "1234567890");
      browser.screenshot("01-start-form-filled");
      browser.click(By.cssSelector(".modal-footer button.btn-primary"));
      String refusal = browser.text(By.xpath("//*[contains(@class,'alert-danger')][contains(.,'NPI')]"));
      browser.screenshot("02-start-form-refused");
      assertThat(refusal).contains("Requesting provider NPI must be 10 digits with a valid check digit");
      assertThat(historyService.createHistoricProcessInstanceQuery().count()).isZero();

      browser.type("Field_requestingProviderNpi", "1234567893");
      browser.click(By.cssSelector(".modal-footer button.btn-primary"));
      browser.visible(By.xpath("//*[contains(@class,'alert')][contains(.,'The process has been started.')]"));
      String started = browser.text(By.cssSelector(".va-toast"));
      browser.screenshot("03-case-started");

      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey("vertebralAugmentationCase").variableValueEquals("memberId", "M-300300").singleResult();
      String caseId = instance.getBusinessKey();
      assertThat(caseId).matches("VA-\\d{4}-\\d{6}");
      assertThat(started).as("the nurse is told the new case's id").contains("Case " + caseId + " started");
      // the review runs in the case's determination phase, which has the case id as its business key
      ProcessInstance phase = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
          .singleResult();
      assertThat(phase.getBusinessKey()).isEqualTo(caseId);
      assertThat(runtimeService.getVariable(phase.getId(), "prescreenUnmetCriteria"))
          .isEqualTo(List.of("LEVEL_OUTSIDE_T5_L5", "ACTIVE_INFECTION"));
      assertThat(runtimeService.getVariable(instance.getId(), "patientBirthDate")).isEqualTo("1944-09-09");

      browser.go(base + "/camunda/app/tasklist/default/");
      browser.click(By.partialLinkText("Criteria reviews"));
      browser.click(By.xpath("//*[contains(@class,'task')]//a[contains(normalize-space(.),'Review criteria')]"));
      assertThat(browser.text(By.xpath("//h2[contains(.,'Criteria review')]"))).contains(caseId);
      String prescreen = browser.text(By.xpath(
          "//*[contains(@class,'fjs-form-field-text')][contains(.,'Prescreen')]"));
      assertThat(prescreen).contains("T5-L5 levels only").contains("active infection including UTI")
          .doesNotContain("Pain criterion not met");
      browser.screenshot("04-criteria-review");

      browser.click(By.xpath("//a[normalize-space(.)='Claim'] | //button[normalize-space(.)='Claim']"));
      browser.radio("Field_reviewDecision", 2);
      browser.type("Field_reviewNote", "Active UTI per PCP; level T4 outside policy.");
      browser.screenshot("05-referral");
      browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
      browser.waitFor(d -> "MEDICAL_DIRECTOR_REVIEW".equals(
          runtimeService.getVariable(phase.getId(), "caseStatus")));
      assertThat(runtimeService.getVariable(phase.getId(), "reviewNote"))
          .isEqualTo("Active UTI per PCP; level T4 outside policy.");
    }
  }

  private static void fillIntake(Browser browser, String npi) {
    browser.type("Field_memberId", "M-300300");
    browser.type("Field_patientName", "Ruth Example");
    browser.date("Field_patientBirthDate", "1944-09-09");
    browser.type("Field_requestingProviderName", "Dr. Alan Spine");
    browser.type("Field_requestingProviderNpi", npi);
    browser.type("Field_requestingProviderEmail", "spine@clinic.example");
    browser.type("Field_pcpName", "Dr. Paula Primary");
    browser.type("Field_pcpEmail", "pcp@clinic.example");
    browser.radio("Field_procedureType", 1);
    String today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).toString();
    String sixWeeksAgo = java.time.LocalDate.parse(today).minusWeeks(6).toString();
    browser.date("Field_fractureDate", sixWeeksAgo);
    browser.radio("Field_imagingModality", 1);
    browser.date("Field_imagingDate", sixWeeksAgo);
    browser.tags("Field_fractureLevels", List.of("T4", "L1"));
    browser.type("Field_painScore", "8");
    browser.radio("Field_painInterferesWithAdls", 0);
    browser.radio("Field_adlsPreviouslyIndependent", 0);
    browser.radio("Field_conservativeCareFailed", 0);
    browser.type("Field_interventionsAttempted", "NSAIDs 6 weeks, brace");
    for (String exclusion : List.of("Field_unstableFracture", "Field_uncorrectedCoagulopathy",
        "Field_boneRetropulsion", "Field_radicularSymptoms", "Field_spinalTumorOrCordCompression",
        "Field_materialAllergyOrContraindication", "Field_otherSpinalPainGenerators")) {
      browser.radio(exclusion, 1);
    }
    browser.radio("Field_activeInfection", 0);
  }
}
