package com.healthplan.va.reporting;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.support.CaseTestSupport;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The yearly report on a crafted set of cases whose shares, averages and medians are known in advance. */
class PriorAuthorizationReportTest extends CaseTestSupport {

  static final OffsetDateTime RECEIVED = OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  /** A case decided in 2025 after the given hours (the crafted history of a year before the tests run). */
  void decided(String urgency, String outcome, int hours) {
    ProcessInstance instance = openCase(eligibleIntake());
    jdbc.update("UPDATE va_case SET urgency = ?, received_at = ?, status = ? WHERE case_id = ?",
        urgency, RECEIVED, outcome, instance.getBusinessKey());
    jdbc.update("UPDATE va_determination SET opened_at = ?, outcome = ?, decided_by = 'md1', decided_at = ? "
        + "WHERE case_id = ? AND round = 1", RECEIVED, outcome, RECEIVED.plusHours(hours), instance.getBusinessKey());
  }

  @Test
  void theReportMatchesAHandCount() throws Exception {
    decided("STANDARD", "APPROVED", 24);
    decided("STANDARD", "APPROVED", 48);
    decided("STANDARD", "DENIED", 96);
    decided("EXPEDITED", "APPROVED", 10);
    decided("EXPEDITED", "DENIED", 30);

    HttpResponse<String> response = http.get("/api/reports/prior-authorization?year=2025", "Accept",
        "application/json", "Authorization", basic("coord1", "coord1"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode rows = json.readTree(response.body()).get("rows");
    assertRow(rows.get(0), "STANDARD", 3, "66.7", "33.3", "56.0", "48.0");
    assertRow(rows.get(1), "EXPEDITED", 2, "50.0", "50.0", "20.0", "20.0");
    assertRow(rows.get(2), "ALL", 5, "60.0", "40.0", "41.6", "30.0");
    assertThat(rows.get(2).get("percentApprovedAfterAppeal").decimalValue()).isZero();

    HttpResponse<String> csv = http.get("/api/reports/prior-authorization?year=2025", "Accept", "text/csv",
        "Authorization", basic("demo", "demo"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("year,urgency,requests_decided,percent_approved")
        .contains("2025,ALL,5,60.0,40.0,0.0,0.0,41.6,30.0");

    HttpResponse<String> empty = http.get("/api/reports/prior-authorization?year=2024", "Accept",
        "application/json", "Authorization", basic("coord1", "coord1"));
    assertThat(json.readTree(empty.body()).get("rows").get(2).get("requestsDecided").asInt()).isZero();
  }

  @Test
  void onlyCoordinatorsAndAdministratorsReadItAndTheYearIsChecked() {
    assertThat(http.get("/api/reports/prior-authorization?year=2025", "Authorization", basic("nurse1", "nurse1"))
        .statusCode()).isEqualTo(403);
    assertThat(http.get("/api/reports/prior-authorization?year=2025", "Authorization", basic("md1", "md1"))
        .statusCode()).isEqualTo(403);
    assertThat(http.get("/api/reports/prior-authorization?year=25x", "Accept", "application/json",
        "Authorization", basic("coord1", "coord1")).statusCode()).isEqualTo(400);
    assertThat(http.get("/api/reports/prior-authorization?year=2025").statusCode()).isEqualTo(401);
  }

  private static void assertRow(JsonNode row, String urgency, int decided, String approved, String denied,
      String average, String median) {
    assertThat(row.get("urgency").asText()).isEqualTo(urgency);
    assertThat(row.get("requestsDecided").asInt()).isEqualTo(decided);
    assertThat(row.get("percentApproved").decimalValue()).isEqualByComparingTo(approved);
    assertThat(row.get("percentDenied").decimalValue()).isEqualByComparingTo(denied);
    assertThat(row.get("averageHoursToDetermination").decimalValue()).isEqualByComparingTo(average);
    assertThat(row.get("medianHoursToDetermination").decimalValue()).isEqualByComparingTo(median);
  }
}
