package com.healthplan.va.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.support.CaseTestSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CaseDefinitionsDeployerTest extends CaseTestSupport {

  @Autowired RepositoryService repository;
  @Autowired CaseDefinitionsDeployer deployer;

  @Test
  void deploysProcessDecisionAndFormsTogetherUnderStableNames() {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey("vertebralAugmentationCase").latestVersion().singleResult();

    assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId())).containsExactlyInAnyOrder(
        "bpmn/vertebralAugmentationCase.bpmn", "bpmn/vertebralAugmentationDetermination.bpmn",
        "bpmn/vertebralAugmentationProcedure.bpmn", "bpmn/vertebralAugmentationFollowUp.bpmn",
        "bpmn/vertebralAugmentationAppeal.bpmn", "bpmn/vertebralAugmentationNotice.bpmn",
        "bpmn/vertebralAugmentationPolicy.dmn",
        "forms/caseIntake.form", "forms/reviewCriteria.form", "forms/medicalDirectorReview.form",
        "forms/recordInformation.form", "forms/reviewDocumentation.form", "forms/scheduleProcedure.form",
        "forms/recordProcedure.form", "forms/resolvePaymentFindings.form", "forms/followUp.form",
        "forms/recordAppeal.form", "forms/reviewAppeal.form", "forms/recordPcpReport.form");
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("vcfEligibility")
        .deploymentId(definition.getDeploymentId()).count()).isEqualTo(1);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("vaPaymentLimits")
        .deploymentId(definition.getDeploymentId()).count()).isEqualTo(1);
    assertThat(repository.createDecisionRequirementsDefinitionQuery()
        .decisionRequirementsDefinitionKey("vertebralAugmentationPolicy")
        .deploymentId(definition.getDeploymentId()).count()).isEqualTo(1);
  }

  @Test
  void anUnchangedRestartCreatesNoNewVersion() {
    long deployments = repository.createDeploymentQuery().deploymentName("vertebral-augmentation").count();
    ProcessDefinition before = repository.createProcessDefinitionQuery()
        .processDefinitionKey("vertebralAugmentationCase").latestVersion().singleResult();

    deployer.afterSingletonsInstantiated();

    assertThat(repository.createDeploymentQuery().deploymentName("vertebral-augmentation").count())
        .isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("vertebralAugmentationCase")
        .latestVersion().singleResult().getId()).isEqualTo(before.getId());
    Deployment deployment = repository.createDeploymentQuery().deploymentId(before.getDeploymentId()).singleResult();
    assertThat(deployment.getSource()).isEqualTo("vertebral-augmentation-application");
  }
}
