package com.healthplan.va.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.Http;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cockpit plugin's resources: the board and the report answer coordinators and administrators only (Cockpit
 * would let any logged-in user in), and its page is served by the application.
 */
class CockpitPluginTest extends CaseTestSupport {

  private static final String BASE = "/camunda/api/cockpit/plugin/vertebral-augmentation";

  private Http loggedIn(String app, String user) {
    Http session = new Http(port);
    assertThat(session.loginToWebapp(app, user, user)).isEqualTo(200);
    return session;
  }

  @Test
  void theBoardListsOpenCasesForCoordinatorsWithFilters() throws Exception {
    ProcessInstance open = openCase(eligibleIntake());
    ProcessInstance expedited = openCase(com.healthplan.va.support.Intakes.with(eligibleIntake(), "urgency",
        "EXPEDITED"));
    Http coordinator = loggedIn("cockpit", "coord1");

    HttpResponse<String> board = coordinator.get(BASE + "/default/board");

    assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
    JsonNode rows = json.readTree(board.body());
    JsonNode row = null;
    for (JsonNode candidate : rows) {
      if (candidate.get("caseId").asText().equals(open.getBusinessKey())) {
        row = candidate;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(row.get("urgency").asText()).isEqualTo("STANDARD");
    assertThat(row.get("nextMilestone").isNull()).isTrue();
    assertThat(row.get("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(row.get("overdue").asBoolean()).isFalse();
    assertThat(row.get("deferredToPcp").asBoolean()).isFalse();
    // soonest first: the expedited case (due in 72 hours) before the standard one (7 days)
    String order = board.body();
    assertThat(order.indexOf(expedited.getBusinessKey())).isLessThan(order.indexOf(open.getBusinessKey()));

    JsonNode filtered = json.readTree(coordinator.get(BASE + "/default/board?status=PENDED_FOR_INFORMATION").body());
    for (JsonNode candidate : filtered) {
      assertThat(candidate.get("status").asText()).isEqualTo("PENDED_FOR_INFORMATION");
    }
    JsonNode soon = json.readTree(coordinator.get(BASE + "/default/board?dueWithinDays=4").body());
    assertThat(soon.findValuesAsText("caseId")).contains(expedited.getBusinessKey())
        .doesNotContain(open.getBusinessKey());
    assertThat(coordinator.get(BASE + "/default/board?dueWithinDays=-1").statusCode()).isEqualTo(400);

    // patient by initials and member id for a coordinator (minimum necessary), the status in words
    assertThat(row.get("patient").asText()).isEqualTo("J.Q.D.");
    assertThat(row.get("memberId").asText()).isEqualTo("M-100234");
    assertThat(row.get("statusText").asText()).isEqualTo("In review");
    assertThat(board.body()).doesNotContain("Jane");

    // found by the patient's name, the member id or the case number, finished cases too; names for administrators
    JsonNode byName = json.readTree(coordinator.get(BASE + "/default/search?text=jane%20doe").body());
    assertThat(byName.get("rows").findValuesAsText("caseId")).contains(open.getBusinessKey());
    assertThat(byName.toString()).doesNotContain("Jane");
    String number = open.getBusinessKey().substring(open.getBusinessKey().length() - 6).replaceFirst("^0+", "");
    assertThat(json.readTree(coordinator.get(BASE + "/default/search?text=" + number).body()).get("rows")
        .findValuesAsText("caseId")).containsExactly(open.getBusinessKey());
    Http administrator = loggedIn("cockpit", "demo");
    assertThat(json.readTree(administrator.get(BASE + "/default/search?text=M-100234").body()).get("rows")
        .findValuesAsText("patient")).contains("Jane Q. Doe");
    assertThat(coordinator.get(BASE + "/default/search?text=").statusCode()).isEqualTo(400);
    assertThat(coordinator.get(BASE + "/default/search?text=" + "x".repeat(101)).statusCode()).isEqualTo(400);

    HttpResponse<String> outcomes = coordinator.get(BASE + "/default/outcomes");
    assertThat(outcomes.statusCode()).as(outcomes.body()).isEqualTo(200);
    JsonNode points = json.readTree(outcomes.body());
    assertThat(points.findValuesAsText("label")).containsExactly("Intake", "1 week", "1 month", "3 months", "1 year");

    HttpResponse<String> metrics = coordinator.get(BASE + "/default/metrics?year=" + today().getYear());
    assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
    assertThat(json.readTree(metrics.body()).get("rows")).hasSize(3);
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({"nurse1, tasklist, 403", "md1, tasklist, 403", "demo, cockpit, 200", "coord1, cockpit, 200"})
  void onlyCoordinatorsAndAdministratorsGetTheBoard(String user, String app, int status) {
    Http session = loggedIn(app, user);

    assertThat(session.get(BASE + "/default/board").statusCode()).isEqualTo(status);
    assertThat(session.get(BASE + "/default/metrics?year=2026").statusCode()).isEqualTo(status);
    assertThat(session.get(BASE + "/default/search?text=Doe").statusCode()).isEqualTo(status);
    assertThat(session.get(BASE + "/default/outcomes").statusCode()).isEqualTo(status);
  }

  @Test
  void withoutALoginTheBoardIsRefused() {
    assertThat(new Http(port).get(BASE + "/default/board").statusCode()).isIn(401, 403);
  }

  @Test
  void thePluginPageIsServed() {
    HttpResponse<String> script = loggedIn("cockpit", "coord1").get(BASE + "/static/app/plugin.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("cockpit.route").contains("vertebral-augmentation")
        // the menu entry is a link to the board (a bare text entry does nothing when clicked)
        .contains("<a href=\"#/vertebral-augmentation\">");
    HttpResponse<String> library = loggedIn("cockpit", "coord1").get(BASE + "/static/app/chart.esm.js");
    assertThat(library.statusCode()).isEqualTo(200);
    assertThat(library.body()).contains("Chart.js v4.4.7");
  }

  /** Each webapp shows the product's name and the plan's branding instead of Camunda's end-of-life banner. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void everyWebappCarriesTheProductsBranding(String app) {
    Http anonymous = new Http(port);
    assertThat(anonymous.get("/camunda/app/" + app + "/scripts/config.js").body())
        .contains("vendor: 'Vertebral augmentation'");
    assertThat(anonymous.get("/camunda/app/" + app + "/styles/user-styles.css").body())
        .contains(".ce-eol-banner").contains("Vertebral augmentation case management");
  }

  /**
   * Tasklist's own "follow-up date" (a reminder on a task) is not the clinical follow-up: it is called a reminder
   * date; the task cards hide the engine's priority number (urgency and due date are on the card).
   */
  @Test
  void tasklistSaysReminderDateAndHidesThePriorityNumber() {
    Http anonymous = new Http(port);
    String words = anonymous.get("/camunda/app/tasklist/locales/en.json").body();
    assertThat(words).contains("\"SET_FOLLOW_UP_DATE\": \"Set a reminder date\"").doesNotContain("Set follow-up date");
    assertThat(anonymous.get("/camunda/app/tasklist/styles/user-styles.css").body())
        .contains(".tasks-list .task .priority { display: none");
  }

  /** A Tasklist-only user who opens Cockpit gets a page of the product, not Spring's bare error page. */
  @Test
  void aRefusedPageIsTheProductsOwn() {
    Http nurse = loggedIn("tasklist", "nurse1");

    HttpResponse<String> page = nurse.get("/camunda/app/cockpit/default/", "Accept", "text/html");
    HttpResponse<String> missing = nurse.get("/no-such-page", "Accept", "text/html");

    assertThat(page.body()).doesNotContain("Whitelabel");
    if (page.statusCode() >= 400) {
      assertThat(page.body()).contains("Vertebral augmentation case management");
    }
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Page not found").doesNotContain("Whitelabel");
  }
}
