package com.healthplan.va.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.intake.CaseIntakeService;
import com.healthplan.va.support.Intakes;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator's board in Cockpit, in a real browser: the product's branding, the open case on the board, its
 * page; and a nurse, who works in Tasklist, gets none of it (Cockpit, Admin, the board's resources).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoordinatorBoardJourneyIT {

  /** Camunda's answer to a login without access to the application. */
  private static final By REFUSED = By.xpath("//*[contains(text(),'Login Failed') or contains(text(),"
      + "'missing access rights')]");

  @LocalServerPort int port;
  @Autowired CaseIntakeService intake;

  private static void logIn(Browser browser, String user) {
    browser.visible(By.cssSelector("form[name='signinForm'] input[ng-model='username']")).sendKeys(user);
    browser.visible(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys(user);
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
  }

  @Test
  void aCoordinatorFindsTheCaseOnTheBoardAndOpensItsPage() {
    String caseId = intake.open(Intakes.eligible(LocalDate.now(ZoneId.of("America/New_York"))));
    try (Browser browser = Browser.open()) {
      String base = "http://127.0.0.1:" + port;
      browser.go(base + "/camunda/app/cockpit/default/");
      logIn(browser, "coord1");
      browser.waitFor(d -> d.findElements(By.cssSelector("form[name='signinForm']")).isEmpty());
      // the product's name where Camunda's was (the end-of-life banner is restyled with the plan's line)
      assertThat(browser.text(By.cssSelector(".navbar-brand"))).contains("Vertebral augmentation");

      // the plugin's page, also reached from its entry in Cockpit's menu
      browser.go(base + "/camunda/app/cockpit/default/#/vertebral-augmentation");
      browser.visible(By.xpath("//div[contains(@class,'va-board')]//a[normalize-space(.)='" + caseId + "']"));
      String board = browser.text(By.cssSelector(".va-board"));
      assertThat(board).contains(caseId).contains("In review").contains("open case(s)");
      // the yearly report as a table and a chart, with its CSV
      assertThat(browser.text(By.cssSelector(".va-metrics"))).contains("Download CSV").contains("% approved");
      browser.visible(By.cssSelector(".va-metrics canvas"));
      browser.screenshot("10-coordinator-board");

      browser.click(By.xpath("//div[contains(@class,'va-board')]//a[normalize-space(.)='" + caseId + "']"));
      String page = browser.text(By.xpath("//div[contains(@class,'va-case')][.//h3[contains(.,'" + caseId + "')]]"));
      assertThat(page).contains("In review").contains("every criterion met").contains("J.Q.D.")
          .doesNotContain("Jane");
      browser.screenshot("11-coordinator-case-page");
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
