package com.healthplan.va.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.Intakes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A policy owner changes a cell of {@code vcfEligibility} in the Modeler and redeploys: new cases are prescreened
 * by the new version, a case already running keeps the version it started with (the decision deployed with its
 * process version), and the case file records which one.
 */
class CriteriaVersionTest extends CaseTestSupport {

  @Autowired RepositoryService repository;
  private String changedDeployment;

  @AfterEach
  void removeTheChangedPolicy() {
    if (changedDeployment != null) {
      repository.deleteDeployment(changedDeployment, true);
    }
  }

  /** Deploys the application's definitions again with the pain floor of the policy changed from 7 to 5. */
  private String deployPainFloorOfFive() throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name("criteria-version-test");
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String pattern : new String[] {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:forms/*.form"}) {
      for (Resource resource : resolver.getResources(pattern)) {
        String name = resource.getFilename();
        String folder = name.endsWith(".form") ? "forms/" : "bpmn/";
        try (InputStream in = resource.getInputStream()) {
          String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          if (name.equals("vertebralAugmentationPolicy.dmn")) {
            assertThat(content).contains("&lt; 7");
            content = content.replace("&lt; 7", "&lt; 5");
          }
          deployment.addString(folder + name, content);
        }
      }
    }
    return deployment.deploy().getId();
  }

  @Test
  void aRunningCaseKeepsItsCriteriaVersionWhileNewCasesUseTheNewOne() throws Exception {
    Map<String, Object> painSix = Intakes.with(eligibleIntake(), "painScore", 6);
    painSix.put("painInterferesWithAdls", false);
    ProcessInstance before = openCase(painSix);
    int oldVersion = caseFile(before).prescreen().criteriaVersion();
    assertThat(caseFile(before).prescreen().unmetCriteria()).containsExactly("PAIN_CRITERION_NOT_MET");
    // the nurse asks for information, so the case is prescreened again later
    Map<String, Object> request = new HashMap<>();
    request.put("reviewDecision", "REQUEST_INFORMATION");
    request.put("reviewConfirmedCriteria", new java.util.ArrayList<>(
        com.healthplan.va.criteria.EligibilityCriterion.codes().subList(0, 3)));
    request.put("requestedInformation", "Pain diary.");
    completeAs("nurse1", before, "UserTask_ReviewCriteria", request);
    runAsyncJobs(before);

    changedDeployment = deployPainFloorOfFive();

    ProcessInstance after = openCase(painSix);
    assertThat(caseFile(after).prescreen().criteriaVersion()).isEqualTo(oldVersion + 1);
    assertThat(caseFile(after).prescreen().unmetCriteria()).isEmpty();

    Map<String, Object> received = new HashMap<>();
    received.put("informationReceivedNote", "Pain diary received.");
    completeAs("nurse1", before, "UserTask_RecordRequestedInformation", received);
    assertThat(caseFile(before).prescreen().criteriaVersion()).isEqualTo(oldVersion);
    assertThat(caseFile(before).prescreen().unmetCriteria()).containsExactly("PAIN_CRITERION_NOT_MET");
    assertThat(json.readTree(http.get("/api/cases/" + before.getBusinessKey(), "Authorization",
        com.healthplan.va.support.Http.basic("nurse1", "nurse1")).body()).get("criteriaVersion").asInt())
        .isEqualTo(oldVersion);
  }
}
