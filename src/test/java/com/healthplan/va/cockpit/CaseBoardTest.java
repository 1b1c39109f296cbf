package com.healthplan.va.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.followup.FollowUpRepository;
import com.healthplan.va.procedure.ProcedureTestSupport;
import com.healthplan.va.support.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The board's "deferred to PCP": a case whose follow-up not yet done is the PCP's, from scheduling on. */
class CaseBoardTest extends ProcedureTestSupport {

  private static final CaseBoard.Filter ANY = new CaseBoard.Filter(null, null, null, null, null);
  private static final CaseBoard.Filter DEFERRED = new CaseBoard.Filter(null, null, null, null, true);

  @Autowired CaseBoard board;
  @Autowired FollowUpRepository followUps;

  private CaseBoard.Row rowOf(ProcessInstance instance, CaseBoard.Filter filter) {
    return board.rows(filter, false).stream().filter(row -> row.caseId().equals(instance.getBusinessKey())).findFirst()
        .orElse(null);
  }

  private ProcessInstance scheduled(List<String> deferred) {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Map<String, Object> schedule = schedule(today(), "OUTPATIENT", null);
    schedule.put("deferredToPcp", new ArrayList<>(deferred));
    completeAs("coord1", instance, "UserTask_ScheduleProcedure", schedule);
    return instance;
  }

  @Test
  void aCaseWithAFollowUpDeferredToThePcpIsMarkedFromSchedulingOn() {
    ProcessInstance deferred = scheduled(List.of("THREE_MONTHS"));
    ProcessInstance notDeferred = scheduled(List.of());

    assertThat(rowOf(deferred, ANY).deferredToPcp()).isTrue();
    assertThat(rowOf(deferred, ANY).status()).isEqualTo("SCHEDULED");
    assertThat(rowOf(notDeferred, ANY).deferredToPcp()).isFalse();
    assertThat(rowOf(notDeferred, DEFERRED)).isNull();

    completeAs("coord1", deferred, "UserTask_RecordProcedure", cleanRecord());
    CaseBoard.Row inFollowUp = rowOf(deferred, DEFERRED);
    assertThat(inFollowUp).isNotNull();
    assertThat(inFollowUp.status()).isEqualTo("IN_FOLLOW_UP");
    assertThat(inFollowUp.nextMilestone()).as("the nurse's 1-week call comes first").isEqualTo("ONE_WEEK");
    assertThat(inFollowUp.dueDate()).isEqualTo(today().plusDays(7).toString());

    completeAs("coord1", notDeferred, "UserTask_RecordProcedure", cleanRecord());
    assertThat(rowOf(notDeferred, ANY).deferredToPcp()).isFalse();
  }

  @Test
  void aCoordinatorDefersAFollowUpToThePcpFromTheCasePage() throws Exception {
    ProcessInstance instance = scheduled(List.of());
    completeAs("coord1", instance, "UserTask_RecordProcedure", cleanRecord());
    String caseId = instance.getBusinessKey();
    Http coordinator = new Http(port);
    assertThat(coordinator.loginToWebapp("cockpit", "coord1", "coord1")).isEqualTo(200);
    String page = "/api/cases/" + caseId + "/page";
    assertThat(json.readTree(coordinator.get(page).body()).get("actions").get("deferrals").findValuesAsText("milestone"))
        .containsExactly("THREE_MONTHS", "ONE_YEAR");
    String deferral = "/api/cases/" + caseId + "/follow-ups/THREE_MONTHS/deferral";

    // the page's action with the webapps' session: refused when the browser says it comes from another site
    assertThat(coordinator.putJson(deferral, "{}", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
    assertThat(followUps.find(caseId, FollowUpMilestone.THREE_MONTHS).orElseThrow().deferredToPcp()).isFalse();

    HttpResponse<String> deferred = coordinator.putJson(deferral, "{}", "Sec-Fetch-Site", "same-origin");
    assertThat(deferred.statusCode()).as(deferred.body()).isEqualTo(204);
    assertThat(followUps.find(caseId, FollowUpMilestone.THREE_MONTHS).orElseThrow().deferredToPcp()).isTrue();
    assertThat(rowOf(instance, DEFERRED)).isNotNull();
    // the page no longer offers what was done, and says where the follow-up is
    var after = json.readTree(coordinator.get(page).body());
    assertThat(after.get("actions").get("deferrals").findValuesAsText("milestone")).containsExactly("ONE_YEAR");
    assertThat(after.get("followUps").toString()).contains("with the PCP");

    // a nurse, signed in to Tasklist, may read the page but not hand follow-ups to the PCP
    Http nurse = new Http(port);
    assertThat(nurse.loginToWebapp("tasklist", "nurse1", "nurse1")).isEqualTo(200);
    assertThat(json.readTree(nurse.get(page).body()).get("actions").get("deferrals")).isEmpty();
    assertThat(nurse.putJson("/api/cases/" + caseId + "/follow-ups/ONE_YEAR/deferral", "{}").statusCode())
        .isEqualTo(403);
    assertThat(followUps.find(caseId, FollowUpMilestone.ONE_YEAR).orElseThrow().deferredToPcp()).isFalse();
  }
}
