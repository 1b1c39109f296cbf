package com.healthplan.va.caseapi;

import com.healthplan.va.timeline.CaseTimeline;
import com.healthplan.va.appeal.Appeals;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.followup.FollowUpReports;
import com.healthplan.va.intake.CaseIntakeService;
import com.healthplan.va.procedure.ProcedureRecords;
import com.healthplan.va.security.ApiCaller;
import com.healthplan.va.security.CaseRoles;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import com.healthplan.va.casefile.CaseSearch;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.input.FieldErrors;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API of the contract. Callers are authenticated by HTTP Basic before they get here; this controller
 * checks that they have a case role, and the engine checks their authorizations on every query.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseController {

  /** A case id as the contract writes it; anything else is no case. */
  static final Pattern CASE_ID = Pattern.compile("VA-[0-9]{4}-[0-9]{6}");
  /** Who may open cases: intake is the nurses' work. */
  private static final List<String> INTAKE_ROLES = List.of(CaseRoles.NURSES, CaseRoles.ADMINISTRATORS);
  /** Who may record a procedure: the roles of the "Record procedure" task. */
  private static final List<String> RECORDING_ROLES = List.of(CaseRoles.COORDINATORS, CaseRoles.NURSES);
  /** Who may hand a follow-up to the PCP: the coordinators, who schedule. */
  private static final List<String> DEFERRAL_ROLES = List.of(CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS);

  private final CaseIntakeService intake;
  private final CaseViewReader cases;
  private final ApiCaller caller;
  private final CaseTimeline timeline;
  private final ProcedureRecords procedures;
  private final FollowUpReports followUps;
  private final Appeals appeals;
  private final CasePageReader pages;
  private final CaseSearch finder;
  private final PlanCalendar calendar;

  CaseController(CaseIntakeService intake, CaseViewReader cases, ApiCaller caller, CaseTimeline timeline,
      ProcedureRecords procedures, FollowUpReports followUps, Appeals appeals, CasePageReader pages,
      CaseSearch finder, PlanCalendar calendar) {
    this.pages = pages;
    this.finder = finder;
    this.calendar = calendar;
    this.appeals = appeals;
    this.followUps = followUps;
    this.timeline = timeline;
    this.procedures = procedures;
    this.intake = intake;
    this.cases = cases;
    this.caller = caller;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CaseView> open(@RequestBody Map<String, Object> submission) {
    caller.requireAnyOf(INTAKE_ROLES);
    String caseId = intake.open(submission);
    CaseView view = cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(view);
  }

  @GetMapping("/{caseId}")
  CaseView get(@PathVariable String caseId) {
    caller.requireAnyOf(CaseRoles.ALL);
    if (!CASE_ID.matcher(caseId).matches()) {
      throw new CaseNotFoundException(caseId);
    }
    return cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
  }

  /**
   * A provider's system records the procedure of a scheduled case (the procedure record's fields); the case view
   * shows it with its payment findings. 400 naming each invalid field, 409 when the case is not scheduled.
   */
  @PutMapping(path = "/{caseId}/procedure", consumes = MediaType.APPLICATION_JSON_VALUE)
  CaseView recordProcedure(@PathVariable String caseId, @RequestBody Map<String, Object> record) {
    caller.requireAnyOf(RECORDING_ROLES);
    if (!CASE_ID.matcher(caseId).matches() || cases.find(caseId).isEmpty()) {
      throw new CaseNotFoundException(caseId);
    }
    procedures.record(caseId, record, caller.userId());
    return cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
  }

  /**
   * Appeals a denial (member or provider, standard or expedited): 201 with the case view while the case is denied,
   * within 65 days of the denial and with no appeal open; 409 with the reason otherwise.
   */
  @PostMapping(path = "/{caseId}/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CaseView> appeal(@PathVariable String caseId, @RequestBody Map<String, Object> appeal) {
    caller.requireAnyOf(RECORDING_ROLES);
    if (!CASE_ID.matcher(caseId).matches() || cases.find(caseId).isEmpty()) {
      throw new CaseNotFoundException(caseId);
    }
    appeals.file(caseId, appeal);
    CaseView view = cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(view);
  }

  /**
   * Defers the 3-month or 1-year follow-up to the patient's PCP (coordinators): 204; 409 when that milestone cannot
   * be deferred or is already due.
   */
  @PutMapping(path = "/{caseId}/follow-ups/{milestone}/deferral")
  ResponseEntity<Void> deferFollowUp(@PathVariable String caseId, @PathVariable String milestone) {
    caller.requireAnyOf(DEFERRAL_ROLES);
    FollowUpMilestone which = milestoneOf(caseId, milestone);
    followUps.defer(caseId, which);
    return ResponseEntity.noContent().build();
  }

  /**
   * A follow-up report received by fax or phone for a milestone deferred to the PCP (contact method, the three
   * scores, a note): the case view; 400 naming each invalid field, 409 when the milestone is not awaiting one.
   */
  @PostMapping(path = "/{caseId}/follow-ups/{milestone}", consumes = MediaType.APPLICATION_JSON_VALUE)
  CaseView recordFollowUpReport(@PathVariable String caseId, @PathVariable String milestone,
      @RequestBody Map<String, Object> report) {
    caller.requireAnyOf(RECORDING_ROLES);
    FollowUpMilestone which = milestoneOf(caseId, milestone);
    followUps.recordReceivedReport(caseId, which, report, caller.userId());
    return cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
  }

  private FollowUpMilestone milestoneOf(String caseId, String milestone) {
    if (!CASE_ID.matcher(caseId).matches() || cases.find(caseId).isEmpty()) {
      throw new CaseNotFoundException(caseId);
    }
    return Arrays.stream(FollowUpMilestone.values()).filter(m -> m.name().equals(milestone)).findFirst()
        .orElseThrow(() -> new CaseNotFoundException(caseId));
  }

  /**
   * The case's page for the caller: the case in words, people by name, moments in the plan's zone, what the
   * caller's role may read (see {@link CasePageReader}).
   */
  @GetMapping("/{caseId}/page")
  CasePageView page(@PathVariable String caseId) {
    caller.requireAnyOf(CaseRoles.ALL);
    if (!CASE_ID.matcher(caseId).matches()) {
      throw new CaseNotFoundException(caseId);
    }
    return pages.find(caseId, caller.groups()).orElseThrow(() -> new CaseNotFoundException(caseId));
  }

  /**
   * Finds cases, open or finished, by case id, member id, the patient's name or birth date ({@code search}):
   * newest first, at most {@value CaseSearch#MAX_MATCHES}; coordinators see initials, not names.
   */
  @GetMapping(params = "search")
  CaseSearchView search(@RequestParam("search") String search) {
    caller.requireAnyOf(CaseRoles.ALL);
    if (search.isBlank()) {
      throw FieldErrors.refusal("search", "Type a case id, a member id, the patient's name or birth date.");
    }
    if (search.length() > CaseSearch.MAX_LENGTH) {
      throw FieldErrors.refusal("search", "A search is at most " + CaseSearch.MAX_LENGTH + " characters.");
    }
    return CaseSearchView.of(finder.find(search), caller.groups(), calendar);
  }

  /** Who did what and when, oldest first: {@code [{at, actor, actorName, event, detail}]}. */
  @GetMapping("/{caseId}/timeline")
  List<CaseTimeline.Entry> timeline(@PathVariable String caseId) {
    caller.requireAnyOf(CaseRoles.ALL);
    if (!CASE_ID.matcher(caseId).matches()) {
      throw new CaseNotFoundException(caseId);
    }
    return timeline.of(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
  }
}
