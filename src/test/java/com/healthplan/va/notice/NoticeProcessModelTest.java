package com.healthplan.va.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The notice process's model alone on an in-memory engine (fast tier): the provider's notice, then the member's
 * letter, each in its own asynchronous job, so that SMTP runs only in jobs and a failed letter is retried without
 * the provider's notice going out again.
 */
class NoticeProcessModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
      .configurationResource("fast-tier.camunda.cfg.xml").build();

  private final List<String> sent = new ArrayList<>();
  private boolean mailServerDown;

  @BeforeEach
  void mockTheBeans() {
    AbstractAssertions.init(ENGINE.getProcessEngine());
    Mocks.register("phaseStart", (ExecutionListener) execution -> { });
    Mocks.register("sendProviderNotice", (JavaDelegate) execution -> sent.add("provider "
        + execution.getVariable("notice")));
    Mocks.register("sendMemberLetter", (JavaDelegate) execution -> {
      if (mailServerDown) {
        throw new IllegalStateException("mail server down");
      }
      sent.add("member " + execution.getVariable("notice"));
    });
  }

  @AfterEach
  void forgetTheMocks() {
    Mocks.reset();
    AbstractAssertions.reset();
  }

  private ProcessInstance requested() {
    return runtimeService().createMessageCorrelation("NoticeRequested").processInstanceBusinessKey("VA-2026-000042")
        .setVariable("notice", "DETERMINATION").correlateStartMessage();
  }

  @Test
  @Deployment(resources = "bpmn/vertebralAugmentationNotice.bpmn")
  void theProvidersNoticeThenTheMembersLetterEachInItsOwnJob() {
    ProcessInstance instance = requested();

    assertThat(instance).isWaitingAt("ServiceTask_SendProviderNotice");
    assertThat(sent).as("nothing is sent in the requester's transaction").isEmpty();
    execute(job(instance));
    assertThat(instance).isWaitingAt("ServiceTask_SendMemberLetter");
    execute(job(instance));

    assertThat(instance).hasPassed("EndEvent_NoticeSent").isEnded();
    assertThat(sent).containsExactly("provider DETERMINATION", "member DETERMINATION");
  }

  @Test
  @Deployment(resources = "bpmn/vertebralAugmentationNotice.bpmn")
  void aFailedLetterIsRetriedAloneAndTheNoticeIsNotSentAgain() {
    ProcessInstance instance = requested();
    execute(job(instance));
    mailServerDown = true;
    Job letter = job(instance);

    try {
      managementService().executeJob(letter.getId());
    } catch (IllegalStateException failed) {
      // the job failed; the engine keeps it with one retry fewer
    }
    assertThat(instance).isWaitingAt("ServiceTask_SendMemberLetter");
    mailServerDown = false;
    managementService().executeJob(letter.getId());

    assertThat(instance).isEnded();
    assertThat(sent).containsExactly("provider DETERMINATION", "member DETERMINATION");
  }
}
