package com.healthplan.va.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.appeal.Appeals;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.intake.CaseIntakeService;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TestMailServer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Physicians in Tasklist, in a real browser: md1 denies a case the nurse referred; the provider appeals; md2, who
 * did not deny it, overturns the denial in the "Appeals" filter and the case goes on to its documentation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhysicianAppealJourneyIT {

  @LocalServerPort int port;
  @Autowired CaseIntakeService intake;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CaseRepository cases;
  @Autowired Appeals appeals;
  @Autowired IdentityService identity;

  private void runJobs(String caseId) {
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().messages().executable().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private Browser loggedIn(String user) {
    Browser browser = Browser.open();
    browser.go("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
    browser.visible(By.cssSelector("form[name='signinForm'] input[ng-model='username']")).sendKeys(user);
    browser.visible(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys(user);
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.waitFor(d -> d.findElements(By.cssSelector("form[name='signinForm']")).isEmpty());
    return browser;
  }

  private static void openTask(Browser browser, String filter, String taskName, String caseId) {
    browser.click(By.partialLinkText(filter));
    browser.click(By.xpath("//*[contains(@class,'task')][contains(.,'" + caseId + "')]//a[contains(normalize-space(.),'"
        + taskName + "')]"));
    browser.visible(By.cssSelector(".fjs-form"));
    browser.click(By.xpath("//a[normalize-space(.)='Claim'] | //button[normalize-space(.)='Claim']"));
  }

  @Test
  void aPhysicianDeniesAndAnotherOverturnsOnAppeal() {
    TestMailServer.restart(); // the notices go out from the jobs this test runs
    String caseId = intake.open(Intakes.with(Intakes.eligible(LocalDate.now(ZoneId.of("America/New_York"))),
        "activeInfection", true));
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("UserTask_ReviewCriteria")
        .singleResult();
    Map<String, Object> refer = new HashMap<>();
    refer.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    refer.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes().stream()
        .filter(code -> !code.equals("ACTIVE_INFECTION")).toList()));
    tasks.claim(review.getId(), "nurse1");
    tasks.complete(review.getId(), refer);

    try (Browser md1 = loggedIn("md1")) {
      openTask(md1, "Medical director queue", "Review as medical director", caseId);
      md1.radio("Field_medicalDirectorDecision", 1);
      md1.type("Field_medicalDirectorRationale", "Active urinary tract infection on the latest labs.");
      md1.screenshot("20-physician-denies");
      md1.click(By.xpath("//button[normalize-space(.)='Complete']"));
      md1.waitFor(d -> cases.get(caseId).status() == CaseStatus.DENIED);
    }
    runJobs(caseId);
    // the provider's system appeals through the case API, as the nurse's account (as the API authenticates it)
    identity.setAuthentication("nurse1", List.of("um-nurses"));
    try {
      appeals.file(caseId, Map.of("requestedBy", "PROVIDER", "reason", "Infection treated; clean culture attached.",
          "urgency", "STANDARD"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.APPEAL_IN_REVIEW);

    try (Browser md2 = loggedIn("md2")) {
      openTask(md2, "Appeals", "Review appeal", caseId);
      assertThat(md2.text(By.cssSelector(".fjs-form"))).contains("decided by Dr. Maya Chen");
      assertThat(md2.value("Field_8")).as("the reason for the appeal").isEqualTo("Infection treated; clean culture attached.");
      md2.radio("Field_appealDecision", 0);
      md2.type("Field_appealRationale", "Infection treated, culture clean: every criterion is met now.");
      md2.screenshot("21-second-physician-overturns");
      md2.click(By.xpath("//button[normalize-space(.)='Complete']"));
      // the overturn is recorded at once; the case moves on to documentation when its jobs have run
      md2.waitFor(d -> cases.get(caseId).appeal().map(appeal -> appeal.overturned())
          .orElse(false));
    }
    runJobs(caseId);
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.AWAITING_DOCUMENTATION);
  }
}
