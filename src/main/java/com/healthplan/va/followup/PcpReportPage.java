package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseConflictException;
import com.healthplan.va.input.FieldError;
import com.healthplan.va.input.InvalidCaseInputException;
import com.healthplan.va.security.ClientAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The PCP's page, reached from the e-mail's signed link without an account: acknowledge the request, then report
 * how the patient is doing. It shows no more than the e-mail did; a forged, altered, expired or used link gets a
 * page saying so and changes nothing. Rate-limited per client; never cached, never framed, no referrer.
 */
@RestController
@RequestMapping(path = PcpLinks.PATH, produces = MediaType.TEXT_HTML_VALUE)
class PcpReportPage {

  private final FollowUpReports reports;
  private final PcpPageThrottle throttle;
  private final TemplateEngine pages = new TemplateEngine();

  private final com.healthplan.va.casefile.PlanCalendar calendar;

  PcpReportPage(FollowUpReports reports, PcpPageThrottle throttle, com.healthplan.va.casefile.PlanCalendar calendar) {
    this.reports = reports;
    this.throttle = throttle;
    this.calendar = calendar;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/pcp/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    pages.setTemplateResolver(resolver);
  }

  @GetMapping
  ResponseEntity<String> show(@RequestParam(name = "token", required = false) String token) {
    if (!throttle.allow(ClientAddress.current())) {
      return tooMany();
    }
    return page(reports.check(token), token, Map.of(), List.of(), null);
  }

  @PostMapping(path = "/acknowledge", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> acknowledge(@RequestParam(name = "token", required = false) String token) {
    if (!throttle.allow(ClientAddress.current())) {
      return tooMany();
    }
    FollowUpReports.LinkState state = reports.acknowledge(token);
    return page(state instanceof FollowUpReports.LinkState.Valid ? reports.check(token) : state, token, Map.of(),
        List.of(), "Thank you: receipt confirmed. Please report after the visit, with this page or the link in "
            + "the e-mail.");
  }

  @PostMapping(path = "/report", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> report(@RequestParam Map<String, String> form) {
    if (!throttle.allow(ClientAddress.current())) {
      return tooMany();
    }
    String token = form.get("token");
    Map<String, Object> values = new HashMap<>();
    for (String field : List.of("contactMethod", "painScore", "comfortScore", "activityScore", "followUpNote")) {
      values.put(field, number(form.get(field)));
    }
    try {
      FollowUpReports.LinkState state = reports.reportFromPcp(token, values);
      if (state instanceof FollowUpReports.LinkState.Valid) {
        return html(HttpStatus.OK, "done", Map.of("message", "Thank you: the report was received. Nothing more "
            + "is needed for this follow-up."));
      }
      return page(state, token, Map.of(), List.of(), null);
    } catch (CaseConflictException alreadyIn) {
      // a second report of the same follow-up at the same moment: the first one counts
      return page(new FollowUpReports.LinkState.AlreadyReported(), token, Map.of(), List.of(), null);
    } catch (InvalidCaseInputException refused) {
      ResponseEntity<String> again = page(reports.check(token), token, form, refused.errors(), null);
      return again.getStatusCode() == HttpStatus.OK ? withStatus(again, HttpStatus.BAD_REQUEST) : again;
    }
  }

  /** Scores arrive as text from the form: whole numbers are numbers, anything else stays text and is refused. */
  private static Object number(String value) {
    if (value != null && value.matches("\\d{1,2}")) {
      return Integer.valueOf(value);
    }
    return value == null || value.isBlank() ? null : value;
  }

  private ResponseEntity<String> page(FollowUpReports.LinkState state, String token, Map<String, String> entered,
      List<FieldError> errors, String notice) {
    if (state instanceof FollowUpReports.LinkState.Valid valid) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("token", token);
      model.put("caseId", valid.caseFile().caseId());
      model.put("patientInitials", valid.caseFile().patientInitials());
      model.put("patientBirthDate", calendar.day(valid.caseFile().intake().patientBirthDate()));
      model.put("procedure", valid.caseFile().intake().procedureType().label());
      model.put("procedureDate", calendar.day(valid.procedure().record().procedureDate()));
      model.put("milestone", valid.followUp().milestone().label());
      model.put("dueDate", calendar.day(valid.followUp().dueDate()));
      model.put("acknowledged", valid.followUp().pcpAcknowledgedAt() != null);
      model.put("entered", entered);
      model.put("errors", errors);
      model.put("notice", notice);
      return html(HttpStatus.OK, "report", model);
    }
    if (state instanceof FollowUpReports.LinkState.Expired) {
      return html(HttpStatus.GONE, "done", Map.of("message", "This link has expired. Please send the follow-up "
          + "report to the plan's utilization management team by fax or phone, quoting the case id."));
    }
    if (state instanceof FollowUpReports.LinkState.AlreadyReported) {
      return html(HttpStatus.CONFLICT, "done", Map.of("message", "The report for this follow-up was already "
          + "received. Nothing more is needed; this link no longer changes anything."));
    }
    return html(HttpStatus.NOT_FOUND, "done", Map.of("message", "This link is not valid. Please use the link in "
        + "the plan's most recent e-mail, unchanged, or contact the plan's utilization management team."));
  }

  private ResponseEntity<String> tooMany() {
    return html(HttpStatus.TOO_MANY_REQUESTS, "done", Map.of("message", "Too many requests from your network. "
        + "Please wait a few minutes and try again."));
  }

  private ResponseEntity<String> html(HttpStatus status, String template, Map<String, Object> model) {
    Context context = new Context();
    context.setVariables(model);
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .body(pages.process(template, context));
  }

  private static ResponseEntity<String> withStatus(ResponseEntity<String> page, HttpStatus status) {
    return ResponseEntity.status(status).headers(page.getHeaders()).body(page.getBody());
  }
}
