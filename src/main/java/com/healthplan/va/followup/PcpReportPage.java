package com.healthplan.va.followup;

import com.healthplan.va.casefile.PlanContacts;
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
  private final PlanContacts plan;

  PcpReportPage(FollowUpReports reports, PcpPageThrottle throttle, com.healthplan.va.casefile.PlanCalendar calendar,
      PlanContacts plan) {
    this.plan = plan;
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
      FollowUpReports.LinkState before = reports.check(token);
      FollowUpReports.LinkState state = reports.reportFromPcp(token, values);
      if (state instanceof FollowUpReports.LinkState.Valid) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("message", "Thank you: the report was received. Nothing more is needed for this follow-up.");
        model.put("sent", sent(before, values));
        return html(HttpStatus.OK, "done", model);
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

  /** What the PCP sent, as the thank-you page repeats it (the case and follow-up, and the values). */
  private List<Map.Entry<String, String>> sent(FollowUpReports.LinkState link, Map<String, Object> values) {
    List<Map.Entry<String, String>> lines = new java.util.ArrayList<>();
    if (link instanceof FollowUpReports.LinkState.Valid valid) {
      lines.add(Map.entry("Case", valid.caseFile().caseId() + ", patient " + valid.caseFile().patientInitials()));
      lines.add(Map.entry("Follow-up", valid.followUp().milestone().label()));
    }
    lines.add(Map.entry("How the patient was seen", "TELEPHONE".equals(values.get("contactMethod")) ? "By telephone"
        : "In person"));
    lines.add(Map.entry("Pain (0 no pain, 10 worst)", String.valueOf(values.get("painScore"))));
    lines.add(Map.entry("Comfort (0 worst, 10 best)", String.valueOf(values.get("comfortScore"))));
    lines.add(Map.entry("Activity (0 none, 10 full)", String.valueOf(values.get("activityScore"))));
    Object note = values.get("followUpNote");
    if (note != null && !String.valueOf(note).isBlank()) {
      lines.add(Map.entry("Note", String.valueOf(note)));
    }
    return lines;
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
    // every page names the plan and how to reach it: a PCP without an account has no other way to ask
    context.setVariable("planName", plan.planName());
    context.setVariable("planPhone", plan.umPhone());
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
