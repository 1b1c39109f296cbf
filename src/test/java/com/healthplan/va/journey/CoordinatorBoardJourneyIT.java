package com.healthplan.va.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.intake.CaseIntakeService;
import com.healthplan.va.support.Intakes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.JavascriptExecutor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator's board in Cockpit, in a real browser: the product's branding, the menu entry, a case found by the
 * patient's name, its own page and letter; a nurse's case page and search from Tasklist's sign-in; and a nurse
 * gets none of Cockpit (Cockpit, Admin, the board's resources).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoordinatorBoardJourneyIT {

  /** The answer to a sign-in without access to the application: which application is whose. */
  private static final By REFUSED = By.xpath("//*[contains(text(),'Sign-in failed')]");

  @LocalServerPort int port;
  @Autowired CaseIntakeService intake;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  private static void logIn(Browser browser, String user) {
    browser.visible(By.cssSelector("form[name='signinForm'] input[ng-model='username']")).sendKeys(user);
    browser.visible(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys(user);
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
  }

  /** A case nurse1 approved, its notices and the member's letter sent (the letter a PDF among its documents). */
  private String approvedCase() {
    com.healthplan.va.support.TestMailServer.restart();
    String caseId = intake.open(Intakes.with(Intakes.eligible(LocalDate.now(ZoneId.of("America/New_York"))),
        "memberEmail", "jane.doe@example.org"));
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
    tasks.claim(review.getId(), "nurse1");
    tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVE",
        "reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes())));
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().messages().executable().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    return caseId;
  }

  /** What a same-origin request of the signed-in browser answers: status and content type. */
  private static String fetched(Browser browser, String url) {
    return String.valueOf(((JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], { credentials: 'same-origin' }).then(r => done(r.status + ' ' + r.headers.get('content-type')));",
        url));
  }

  @Test
  void aCoordinatorFindsACaseByThePatientsNameOpensItsPageAndItsLetter() {
    String caseId = approvedCase();
    try (Browser browser = Browser.open()) {
      String base = "http://127.0.0.1:" + port;
      browser.go(base + "/camunda/app/cockpit/default/");
      logIn(browser, "coord1");
      browser.waitFor(d -> d.findElements(By.cssSelector("form[name='signinForm']")).isEmpty());
      // the product's name where Camunda's was (the end-of-life banner is restyled with the plan's line)
      assertThat(browser.text(By.cssSelector(".navbar-brand"))).contains("Vertebral augmentation");

      // the menu entry opens the board
      browser.click(By.linkText("Vertebral augmentation"));
      browser.waitFor(d -> d.getCurrentUrl().endsWith("#/vertebral-augmentation"));
      browser.visible(By.cssSelector(".va-board"));
      // the yearly report as a table and a chart, with its CSV, saying what its percentages are of
      assertThat(browser.text(By.cssSelector(".va-metrics"))).contains("Download CSV").contains("% of decided");
      browser.visible(By.cssSelector(".va-metrics canvas"));
      browser.screenshot("10-coordinator-board");

      // found by the patient's name; the coordinator reads initials and the member id
      browser.visible(By.cssSelector(".va-search input[name='text']")).sendKeys("jane doe");
      browser.click(By.xpath("//button[normalize-space(.)='Find a case']"));
      By found = By.xpath("//div[contains(@class,'va-found')]//a[normalize-space(.)='" + caseId + "']");
      browser.visible(found);
      String matches = browser.text(By.cssSelector(".va-found"));
      assertThat(matches).contains("J.Q.D.").contains("M-100234").doesNotContain("Jane");
      browser.screenshot("11-coordinator-finds-by-name");

      // the case's own page, at its own address: in words, names, labelled times, the letter as a link
      browser.click(found);
      browser.waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + caseId));
      browser.visible(By.xpath("//h1[contains(.,'" + caseId + "')]"));
      String page = browser.text(By.id("va-case"));
      assertThat(page).contains("Awaiting pre-procedure documentation").contains("J.Q.D.")
          .contains("approved, by Nina Alvarez").contains("Letter to the member: approval")
          .contains("Times are Eastern").doesNotContain("Jane").doesNotContain("DETERMINATION_APPROVED")
          .doesNotContain("nurse1");
      assertThat(page).containsPattern("(EST|EDT)");
      String letter = browser.visible(By.linkText("Open to read or print")).getDomAttribute("href");
      assertThat(fetched(browser, letter)).isEqualTo("200 application/pdf");
      browser.visible(By.xpath("//button[normalize-space(.)='Print this page']"));
      browser.screenshot("12-coordinator-case-page");

      // Back returns to the board; the page's address opens it again (a bookmark)
      browser.driver.navigate().back();
      browser.waitFor(d -> d.getCurrentUrl().contains("#/vertebral-augmentation"));
      browser.visible(By.cssSelector(".va-board"));
      browser.go(base + "/cases/" + caseId);
      browser.visible(By.xpath("//h1[contains(.,'" + caseId + "')]"));
    }
  }

  @Test
  void aNurseOpensTheCasePageFromHerFormAndFindsAPatientByBirthDate() {
    String caseId = approvedCase();
    try (Browser browser = Browser.open()) {
      String base = "http://127.0.0.1:" + port;
      browser.go(base + "/camunda/app/tasklist/default/");
      logIn(browser, "nurse1");
      browser.waitFor(d -> d.findElements(By.cssSelector("form[name='signinForm']")).isEmpty());
      // every form's heading links to the case page (the link a form shows is the case's own address)
      browser.go(base + com.healthplan.va.casefile.CaseCopies.casePageUrl(caseId));
      browser.visible(By.xpath("//h1[contains(.,'" + caseId + "')]"));
      assertThat(browser.text(By.id("va-case"))).contains("Jane Q. Doe").contains("Member id");
      browser.screenshot("14-nurse-case-page");

      browser.visible(By.id("va-search-text")).sendKeys("3/14/1948");
      browser.click(By.xpath("//button[normalize-space(.)='Find']"));
      browser.waitFor(d -> d.getCurrentUrl().contains("/cases?search="));
      browser.visible(By.xpath("//section[@id='va-found']//a[normalize-space(.)='" + caseId + "']"));
      assertThat(browser.text(By.id("va-found"))).contains("Jane Q. Doe");
      browser.screenshot("15-nurse-finds-by-birth-date");
    }
  }

  @Test
  void aNurseGetsNeitherCockpitNorTheBoard() {
    String caseId = intake.open(Intakes.eligible(LocalDate.now(ZoneId.of("America/New_York"))));
    try (Browser browser = Browser.open()) {
      String base = "http://127.0.0.1:" + port;
      browser.go(base + "/camunda/app/cockpit/default/");
      logIn(browser, "nurse1");
      browser.visible(REFUSED);
      browser.screenshot("12-nurse-refused-by-cockpit");
      assertThat(browser.driver.findElements(By.cssSelector("form[name='signinForm']"))).isNotEmpty();

      browser.go(base + "/camunda/app/admin/default/");
      logIn(browser, "nurse1");
      browser.visible(REFUSED);
      assertThat(browser.text(REFUSED)).contains("Admin is not part of your role").contains("Nurses and physicians "
          + "work in Tasklist");
      browser.screenshot("12b-nurse-refused-by-admin");
      assertThat(browser.driver.findElements(By.cssSelector("form[name='signinForm']"))).isNotEmpty();

      browser.go(base + "/camunda/app/tasklist/default/");
      logIn(browser, "nurse1");
      browser.waitFor(d -> d.findElements(By.cssSelector("form[name='signinForm']")).isEmpty());
      browser.go(base + "/camunda/api/cockpit/plugin/vertebral-augmentation/default/board");
      browser.screenshot("13-nurse-refused-by-the-board");
      assertThat(browser.driver.getPageSource()).doesNotContain(caseId);
    }
  }
}
