package com.healthplan.va.caseapi;

import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.reporting.PriorAuthorizationMetrics;
import com.healthplan.va.reporting.PriorAuthorizationReport;
import com.healthplan.va.security.ApiCaller;
import com.healthplan.va.security.CaseRoles;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yearly prior-authorization report (the public metrics of the CMS interoperability and prior
 * authorization rule), as JSON or CSV, for coordinators and administrators.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  private static final List<String> READERS = List.of(CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS);

  private final PriorAuthorizationMetrics metrics;
  private final ApiCaller caller;

  ReportController(PriorAuthorizationMetrics metrics, ApiCaller caller) {
    this.metrics = metrics;
    this.caller = caller;
  }

  @GetMapping(path = "/prior-authorization", produces = MediaType.APPLICATION_JSON_VALUE)
  PriorAuthorizationReport report(@RequestParam(required = false) String year) {
    caller.requireAnyOf(READERS);
    return metrics.forYear(year(year));
  }

  @GetMapping(path = "/prior-authorization", produces = "text/csv")
  ResponseEntity<String> csv(@RequestParam(required = false) String year) {
    caller.requireAnyOf(READERS);
    int reportYear = year(year);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"prior-authorization-" + reportYear + ".csv\"")
        .body(metrics.forYear(reportYear).csv());
  }

  private static int year(String year) {
    if (year == null || !year.matches("(19|20|21)[0-9]{2}")) {
      throw FieldErrors.refusal("year", "year is required, as four digits such as 2026.");
    }
    return Integer.parseInt(year);
  }
}
