package com.healthplan.va.cockpit;

import com.healthplan.va.casefile.CaseConflictException;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.followup.FollowUpReports;
import com.healthplan.va.reporting.PriorAuthorizationMetrics;
import com.healthplan.va.reporting.PriorAuthorizationReport;
import com.healthplan.va.security.CaseRoles;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    requireCoordinator();
    if (dueWithinDays != null && (dueWithinDays < 0 || dueWithinDays > 3660)) {
      throw new BadRequestException("dueWithinDays must be from 0 to 3660");
    }
    return ApplicationBeans.get(CaseBoard.class).rows(new CaseBoard.Filter(status, milestone, dueWithinDays, overdue,
        deferredToPcp));
  }

  /** One case's page: its facts (minimum necessary), decisions, documents, follow-ups and notices. */
  @GET
  @Path("cases/{caseId}")
  @Produces(MediaType.APPLICATION_JSON)
  public CasePage.View casePage(@PathParam("caseId") String caseId) {
    requireCoordinator();
    if (caseId == null || !caseId.matches("VA-[0-9]{4}-[0-9]{6}")) {
      throw new NotFoundException();
    }
    return ApplicationBeans.get(CasePage.class).of(caseId).orElseThrow(NotFoundException::new);
  }

  /**
   * A coordinator hands the 3-month or 1-year follow-up to the PCP, from the case page, at any time before it is
   * due (the same rule as {@code PUT /api/cases/{caseId}/follow-ups/{milestone}/deferral}): 204; 400 for another
   * milestone; 404 for an unknown case; 409 with the reason when it can no longer be deferred.
   */
  @POST
  @Path("cases/{caseId}/follow-ups/{milestone}/deferral")
  @Produces(MediaType.APPLICATION_JSON)
  public Response deferToPcp(@PathParam("caseId") String caseId, @PathParam("milestone") String milestone) {
    requireCoordinator();
    if (caseId == null || !caseId.matches("VA-[0-9]{4}-[0-9]{6}")
        || ApplicationBeans.get(CaseRepository.class).find(caseId).isEmpty()) {
      throw new NotFoundException();
    }
    FollowUpMilestone which = Arrays.stream(FollowUpMilestone.values()).filter(m -> m.name().equals(milestone))
        .filter(FollowUpMilestone::deferrableToPcp).findFirst()
        .orElseThrow(() -> new BadRequestException("Only the 3-month and 1-year follow-ups may be deferred to the PCP."));
    try {
      ApplicationBeans.get(FollowUpReports.class).defer(caseId, which);
    } catch (CaseConflictException notNow) {
      return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
          .entity(Map.of("message", notNow.getMessage())).build();
    }
    return Response.noContent().build();
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

  private void requireCoordinator() {
    var authentication = getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new NotAuthorizedException("Log in to Cockpit");
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (!groups.contains(CaseRoles.COORDINATORS) && !groups.contains(CaseRoles.ADMINISTRATORS)) {
      throw new ForbiddenException("Only coordinators and administrators see the board.");
    }
  }
}
