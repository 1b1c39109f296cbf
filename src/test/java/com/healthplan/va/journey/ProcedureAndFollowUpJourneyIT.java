package com.healthplan.va.journey;

import com.healthplan.va.support.TestPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.followup.ContactMethod;
import com.healthplan.va.followup.FollowUp;
import com.healthplan.va.followup.FollowUpRepository;
import com.healthplan.va.intake.CaseIntakeService;
import com.healthplan.va.procedure.DocumentationItem;
import com.healthplan.va.procedure.PaymentFinding;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TestMailServer;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The procedure and follow-up phases in a real browser: a nurse confirms the pre-procedure documentation, a
 * coordinator schedules the procedure handing the 3-month follow-up to the PCP, records it and finds the case on
 * the board; later the PCP opens the e-mail's link on a phone, confirms receipt and reports, which ends the
 * coordinators' "Record PCP report" task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcedureAndFollowUpJourneyIT {

  private static final ZoneId PLAN_ZONE = ZoneId.of("America/New_York");
  private static final Pattern LINK_TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

  @LocalServerPort int port;
  @Autowired CaseIntakeService intake;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired CaseRepository cases;
  @Autowired FollowUpRepository followUps;

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private void runJobs() {
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().messages().executable().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Runs the case's timers that are due now, and what they set off. */
  private void runDueTimers(String caseId) {
    for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list()) {
      for (Job timer : management.createJobQuery().timers().executable().processInstanceId(instance.getId()).list()) {
        management.executeJob(timer.getId());
      }
    }
    runJobs();
  }

  private Task task(String caseId, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key).singleResult();
  }

  private void complete(String caseId, String key, String user, Map<String, Object> values) {
    Task task = task(caseId, key);
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), values);
    runJobs();
  }

  /** A case the nurse approved; its approval notice sent, it waits for its documentation. */
  private String approvedCase() {
    return approvedCase(Intakes.eligible(LocalDate.now(PLAN_ZONE)));
  }

  private String approvedCase(Map<String, Object> request) {
    String caseId = intake.open(request);
    Map<String, Object> review = new HashMap<>();
    review.put("reviewDecision", "APPROVE");
    review.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()));
    complete(caseId, "UserTask_ReviewCriteria", "nurse1", review);
    return caseId;
  }

  private Browser loggedIn(String app, String user) {
    Browser browser = Browser.open();
    browser.go(base() + "/camunda/app/" + app + "/default/");
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

  private static void completeForm(Browser browser) {
    browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
  }

  @Test
  void aNurseDocumentsACoordinatorSchedulesAndRecordsAndFindsTheDeferredCaseOnTheBoard() {
    TestMailServer.restart();
    String caseId = approvedCase();
    String today = LocalDate.now(PLAN_ZONE).toString();

    try (Browser nurse = loggedIn("tasklist", "nurse1")) {
      openTask(nurse, "Pre-procedure documentation", "Review pre-procedure documentation", caseId);
      for (int item = 0; item < DocumentationItem.codes().size(); item++) {
        nurse.radio("Field_documentationConfirmed", item); // a checklist's boxes are numbered like a radio's
      }
      nurse.type("Field_documentationNote", "Pain plan and H&P by the operator received by fax.");
      nurse.screenshot("30-nurse-confirms-documentation");
      completeForm(nurse);
      nurse.waitFor(d -> cases.get(caseId).status() == CaseStatus.READY_TO_SCHEDULE);
      nurse.waitFor(d -> nurse.text(By.cssSelector(".va-toast")).contains("Now:"));
      assertThat(nurse.text(By.cssSelector(".va-toast"))).as("what was completed, for which case, what comes next")
          .contains("Completed: Review pre-procedure documentation \u2013 " + caseId)
          .contains("Now: Ready to schedule. The documentation is complete; a coordinator schedules the procedure.");
      nurse.screenshot("30b-nurse-told-what-was-completed");
    }

    try (Browser coordinator = loggedIn("tasklist", "coord1")) {
      // the filters list the task due soonest first, and the sort control says so
      assertThat(coordinator.text(By.cssSelector("[cam-sorting-choices]"))).contains("Due date")
          .doesNotContain("Created");
      openTask(coordinator, "Scheduling", "Schedule procedure", caseId);
      assertThat(coordinator.text(By.cssSelector(".fjs-form"))).contains("REMINDER");
      coordinator.radio("Field_scheduleDecision", 0);
      coordinator.type("Field_facilityName", "Riverside Spine Center");
      coordinator.date("Field_scheduledDate", today);
      coordinator.radio("Field_setting", 0);
      coordinator.radio("Field_deferredToPcp", 0); // the 3-month follow-up to the PCP
      coordinator.screenshot("31-coordinator-schedules");
      completeForm(coordinator);
      coordinator.waitFor(d -> cases.get(caseId).status() == CaseStatus.SCHEDULED);

      coordinator.go(base() + "/camunda/app/tasklist/default/");
      openTask(coordinator, "Procedure records", "Record procedure", caseId);
      coordinator.radio("Field_recordDecision", 0);
      coordinator.date("Field_procedureDate", today);
      coordinator.tags("Field_levelsTreated", List.of("T12", "L1"));
      coordinator.radio("Field_imagingGuidance", 1);
      coordinator.radio("Field_trocarPlacementImagesRetained", 0);
      coordinator.radio("Field_finalVertebralBodyImagesRetained", 0);
      coordinator.radio("Field_operativeNarrativeReceived", 0);
      coordinator.radio("Field_openSpineProcedureSameSession", 1);
      coordinator.screenshot("32-coordinator-records-procedure");
      completeForm(coordinator);
      coordinator.waitFor(d -> cases.get(caseId).status() == CaseStatus.IN_FOLLOW_UP);
      assertThat(followUps.find(caseId, FollowUpMilestone.THREE_MONTHS).orElseThrow().deferredToPcp()).isTrue();

      // the board, in Cockpit: the case in follow-up, its 1-week follow-up next, the 3-month one with the PCP
      coordinator.go(base() + "/camunda/app/cockpit/default/#/vertebral-augmentation");
      coordinator.click(By.xpath("//label[contains(.,'with the PCP')]/input")); // the board reloads on change
      String row = coordinator.text(By.xpath("//div[contains(@class,'va-board')]//tr[.//a[normalize-space(.)='"
          + caseId + "']]"));
      assertThat(row).contains("In follow-up").contains("1 week")
          .contains(new com.healthplan.va.casefile.PlanCalendar(PLAN_ZONE.getId()).day(LocalDate.now(PLAN_ZONE).plusDays(7)))
          .contains("with the PCP");
      coordinator.screenshot("33-coordinator-board-deferred-to-pcp");

      // later, from the case page, the 1-year follow-up goes to the PCP as well
      coordinator.click(By.xpath("//div[contains(@class,'va-board')]//a[normalize-space(.)='" + caseId + "']"));
      coordinator.waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + caseId));
      coordinator.click(By.xpath("//button[normalize-space(.)='Hand the 1-year follow-up to the PCP']"));
      coordinator.waitFor(d -> followUps.find(caseId, FollowUpMilestone.ONE_YEAR).orElseThrow().deferredToPcp());
      coordinator.waitFor(d -> d.findElements(By.xpath("//button[contains(.,'Hand the 1-year')]")).isEmpty());
      // the click is confirmed in words where the person is reading
      assertThat(coordinator.text(By.id("va-message"))).contains("The 1-year follow-up of case " + caseId
          + " is now the PCP's");
      String yearRow = coordinator.text(By.xpath("//article[@id='va-case']//tr[td[normalize-space(.)"
          + "='1-year follow-up']]"));
      assertThat(yearRow).contains("with the PCP");
      coordinator.screenshot("34-coordinator-defers-the-1-year-follow-up");
    }
  }

  @Test
  void thePcpAcknowledgesAndReportsThroughTheEmailLinkOnAPhone() throws Exception {
    TestMailServer.restart();
    LocalDate today = LocalDate.now(PLAN_ZONE);
    // performed three months ago (recorded late), so the fracture is older than that (dates in order)
    Map<String, Object> olderFracture = Intakes.eligible(today);
    olderFracture.put("fractureDate", today.minusMonths(3).minusWeeks(1).toString());
    olderFracture.put("imagingDate", today.minusMonths(3).minusDays(5).toString());
    String caseId = approvedCase(olderFracture);
    Map<String, Object> documentation = new HashMap<>();
    documentation.put("documentationConfirmed", new ArrayList<>(DocumentationItem.codes()));
    complete(caseId, "UserTask_ReviewDocumentation", "nurse1", documentation);
    Map<String, Object> schedule = new HashMap<>();
    schedule.put("scheduleDecision", "SCHEDULE");
    schedule.put("facilityName", "Riverside Spine Center");
    schedule.put("scheduledDate", today.toString());
    schedule.put("setting", "OUTPATIENT");
    schedule.put("deferredToPcp", new ArrayList<>(List.of("THREE_MONTHS")));
    complete(caseId, "UserTask_ScheduleProcedure", "coord1", schedule);
    // recorded late, three months after it was performed: the 3-month follow-up is due today
    Map<String, Object> record = new HashMap<>();
    record.put("recordDecision", "RECORD");
    record.put("procedureDate", today.minusMonths(3).toString());
    record.put("levelsTreated", new ArrayList<>(List.of("T12", "L1")));
    record.put("imagingGuidance", "FLUOROSCOPY");
    record.put("trocarPlacementImagesRetained", true);
    record.put("finalVertebralBodyImagesRetained", true);
    record.put("operativeNarrativeReceived", true);
    record.put("openSpineProcedureSameSession", false);
    complete(caseId, "UserTask_RecordProcedure", "coord1", record);
    TestMailServer.purge();
    runDueTimers(caseId);

    MimeMessage request = TestMailServer.received().stream()
        .filter(mail -> subject(mail).startsWith("Follow-up report requested for case " + caseId)).findFirst()
        .orElseThrow();
    assertThat(request.getAllRecipients()[0].toString()).isEqualTo("pcp@clinic.example");
    Matcher token = LINK_TOKEN.matcher(GreenMailUtil.getBody(request).replace("=\r\n", "").replace("=3D", "="));
    assertThat(token.find()).isTrue();
    assertThat(task(caseId, "UserTask_RecordPcpReport")).as("the coordinators' hand-off").isNotNull();
    try (Browser coordinator = loggedIn("tasklist", "coord1")) {
      coordinator.click(By.partialLinkText("PCP reports awaited"));
      coordinator.click(By.xpath("//*[contains(@class,'task')][contains(.,'" + caseId
          + "')]//a[contains(normalize-space(.),'Record PCP report')]"));
      String form = coordinator.text(By.cssSelector(".fjs-form"));
      assertThat(form).contains("3-month follow-up with the PCP: " + caseId).contains("E-mailed to the PCP on")
          .contains("not acknowledged the request yet").contains("Pain at intake: 8");
      coordinator.screenshot("39-coordinator-tracks-the-pcp-hand-off");
    }

    try (Browser pcp = Browser.open()) {
      pcp.driver.manage().window().setSize(new Dimension(390, 844));
      pcp.go(base() + "/pcp/follow-up?token=" + token.group(1));
      assertThat(pcp.text(By.tagName("h1"))).contains(caseId);
      String page = pcp.text(By.tagName("body"));
      assertThat(page).contains("J.Q.D.").contains("3-month follow-up").doesNotContain("Jane")
          .contains("Example Health Plan").contains("Utilization management");
      pcp.screenshot("40-pcp-opens-the-link");
      pcp.click(By.xpath("//button[normalize-space(.)='Confirm receipt']"));
      pcp.waitFor(d -> d.findElements(By.xpath("//button[normalize-space(.)='Confirm receipt']")).isEmpty());
      assertThat(followUps.find(caseId, FollowUpMilestone.THREE_MONTHS).orElseThrow().pcpAcknowledgedAt()).isNotNull();

      // nothing is answered for the PCP: how the patient was seen is chosen, not preset
      assertThat(new org.openqa.selenium.support.ui.Select(pcp.visible(By.id("contactMethod")))
          .getFirstSelectedOption().getText()).isEqualTo("Choose how");
      new org.openqa.selenium.support.ui.Select(pcp.visible(By.id("contactMethod"))).selectByVisibleText("In person");
      pcp.visible(By.id("painScore")).sendKeys("3");
      pcp.visible(By.id("comfortScore")).sendKeys("8");
      pcp.visible(By.id("activityScore")).sendKeys("7");
      pcp.visible(By.id("followUpNote")).sendKeys("Seen in clinic; walking without a cane.");
      pcp.screenshot("41-pcp-reports");
      pcp.click(By.xpath("//button[normalize-space(.)='Send report']"));
      pcp.waitFor(d -> d.findElements(By.id("painScore")).isEmpty());
      // the thank-you page repeats what was sent
      assertThat(pcp.text(By.tagName("body"))).containsIgnoringCase("thank").contains("What you sent")
          .contains("In person").contains("Seen in clinic; walking without a cane.");
      pcp.screenshot("42-pcp-report-received");

      FollowUp reported = followUps.find(caseId, FollowUpMilestone.THREE_MONTHS).orElseThrow();
      assertThat(reported.completed()).isTrue();
      assertThat(reported.scores().contactMethod()).isEqualTo(ContactMethod.PCP_REPORT);
      assertThat(reported.scores().painScore()).isEqualTo(3);
      assertThat(task(caseId, "UserTask_RecordPcpReport")).as("ended by the PCP's report").isNull();

      // the link has done its work: used again, it says so and changes nothing
      pcp.go(base() + "/pcp/follow-up?token=" + token.group(1));
      assertThat(pcp.text(By.tagName("body"))).containsIgnoringCase("already");
      pcp.screenshot("43-pcp-link-used-again");
    }

    // the coordinator sees the report on the case page, its scores in the outcomes chart
    try (Browser coordinator = loggedIn("cockpit", "coord1")) {
      coordinator.go(base() + "/camunda/app/cockpit/default/#/vertebral-augmentation");
      coordinator.click(By.xpath("//div[contains(@class,'va-board')]//a[normalize-space(.)='" + caseId + "']"));
      coordinator.visible(By.xpath("//h1[contains(.,'" + caseId + "')]"));
      String page = coordinator.text(By.id("va-case"));
      assertThat(page).contains("3-month follow-up").contains("PCP report")
          .contains(PaymentFinding.PERFORMED_BEFORE_AUTHORIZATION.plainLanguage(TestPolicy.TERMS)).contains("Timeline").contains("Case received");
      coordinator.visible(By.cssSelector("#va-case svg.va-chart"));
      coordinator.screenshot("44-case-page-with-the-pcp-report");
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
