package com.healthplan.va.cockpit;

import com.healthplan.va.casefile.CaseSearch;
import com.healthplan.va.reporting.PriorAuthorizationMetrics;
import com.healthplan.va.reporting.PriorAuthorizationReport;
import com.healthplan.va.security.CaseRoles;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Year;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * The plugin's resources. Cockpit lets every logged-in webapp user call plugin resources, so each one checks the
 * caller: coordinators and administrators only, everyone else 403 (401 without a login).
 */
public class CoordinatorResource extends AbstractCockpitPluginResource {

  public CoordinatorResource(String engineName) {
    super(engineName);
  }

  /** Open cases for the coordinators' board; query parameters filter ({@code status}, {@code milestone}, ...). */
  @GET
  @Path("board")
  @Produces(MediaType.APPLICATION_JSON)
  public List<CaseBoard.Row> board(@QueryParam("status") String status, @QueryParam("milestone") String milestone,
      @QueryParam("dueWithinDays") Integer dueWithinDays, @QueryParam("overdue") Boolean overdue,
      @QueryParam("deferredToPcp") Boolean deferredToPcp) {
    boolean names = requireCoordinator();
    if (dueWithinDays != null && (dueWithinDays < 0 || dueWithinDays > 3660)) {
      throw new BadRequestException("dueWithinDays must be from 0 to 3660");
    }
    return ApplicationBeans.get(CaseBoard.class).rows(new CaseBoard.Filter(status, milestone, dueWithinDays, overdue,
        deferredToPcp), names);
  }

  /**
   * Cases found by case id, member id, the patient's name or birth date, open or finished ({@code text}); 400 for
   * an empty or overlong search. Each case's own page is {@code /cases/{caseId}}, outside Cockpit.
   */
  @GET
  @Path("search")
  @Produces(MediaType.APPLICATION_JSON)
  public CaseBoard.Found search(@QueryParam("text") String text) {
    boolean names = requireCoordinator();
    if (text == null || text.isBlank() || text.length() > CaseSearch.MAX_LENGTH) {
      throw new BadRequestException("Type a case id, a member id, the patient's name or birth date (at most "
          + CaseSearch.MAX_LENGTH + " characters).");
    }
    return ApplicationBeans.get(CaseBoard.class).search(text, names);
  }

  /** The cohort's outcomes: median and interquartile range of the scores at intake and each milestone. */
  @GET
  @Path("outcomes")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Outcomes.Point> outcomes() {
    requireCoordinator();
    return ApplicationBeans.get(Outcomes.class).cohort();
  }

  /** The yearly prior-authorization report (the same as {@code GET /api/reports/prior-authorization}). */
  @GET
  @Path("metrics")
  @Produces(MediaType.APPLICATION_JSON)
  public PriorAuthorizationReport metrics(@QueryParam("year") Integer year) {
    requireCoordinator();
    int which = year == null ? Year.now().getValue() : year;
    if (which < 2000 || which > 2100) {
      throw new BadRequestException("year must be from 2000 to 2100");
    }
    return ApplicationBeans.get(PriorAuthorizationMetrics.class).forYear(which);
  }

  /** Refuses everyone but coordinators and administrators; whether the caller reads patients' names. */
  private boolean requireCoordinator() {
    var authentication = getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new NotAuthorizedException("Log in to Cockpit");
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (!groups.contains(CaseRoles.COORDINATORS) && !groups.contains(CaseRoles.ADMINISTRATORS)) {
      throw new ForbiddenException("Only coordinators and administrators see the board.");
    }
    return CaseRoles.seeThePatient(groups);
  }
}
