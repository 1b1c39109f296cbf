package com.healthplan.va.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN, DMN and Camunda Forms of {@code bpmn/} and {@code forms/} as one deployment, before the
 * application takes requests.
 *
 * <p>Resources are named by their folder and file name only (e.g. {@code forms/caseIntake.form}), whether they
 * come from the packaged jar, the test classpath or an IDE, and the deployment is filtered for duplicates: an
 * unchanged set creates no new versions, a changed file redeploys the set, so that forms bound with
 * {@code formRefBinding="deployment"} always match their process version. The starter's auto-deployment is
 * off: it names resources by location and does not deploy forms.
 */
@Component
class CaseDefinitionsDeployer implements SmartInitializingSingleton {

  static final String DEPLOYMENT_NAME = "vertebral-augmentation";
  private static final Logger LOG = LoggerFactory.getLogger(CaseDefinitionsDeployer.class);
  private static final String[] PATTERNS = {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:forms/*.form"};

  private final RepositoryService repository;

  CaseDefinitionsDeployer(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void afterSingletonsInstantiated() {
    DeploymentBuilder deployment = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("vertebral-augmentation-application")
        .enableDuplicateFiltering(false);
    List<String> names = new ArrayList<>();
    try {
      for (Resource resource : resources()) {
        String name = stableName(resource);
        try (InputStream content = resource.getInputStream()) {
          deployment.addInputStream(name, new ByteArrayInputStream(content.readAllBytes()));
        }
        names.add(name);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the case definitions", e);
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("No BPMN, DMN or form found under bpmn/ and forms/ on the classpath");
    }
    Deployment deployed = deployment.deployWithResult();
    LOG.info("Case definitions {} in deployment {}", names, deployed.getId());
  }

  private static List<Resource> resources() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> resources = new ArrayList<>();
    for (String pattern : PATTERNS) {
      resources.addAll(List.of(resolver.getResources(pattern)));
    }
    resources.sort(Comparator.comparing(CaseDefinitionsDeployer::stableName));
    return resources;
  }

  private static String stableName(Resource resource) {
    try {
      String path = resource.getURL().getPath();
      String file = path.substring(path.lastIndexOf('/') + 1);
      String folder = path.substring(0, path.lastIndexOf('/'));
      return folder.substring(folder.lastIndexOf('/') + 1) + "/" + file;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot name " + resource, e);
    }
  }
}
