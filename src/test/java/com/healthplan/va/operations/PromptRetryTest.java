package com.healthplan.va.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthplan.va.support.Http;
import com.healthplan.va.support.OperationsTestSupport;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * D4: a failed job given retries again (Cockpit's retry, the engine REST, the Java API) is due at once, not at
 * the due date of its last failure (4 hours on).
 */
class PromptRetryTest extends OperationsTestSupport {

  @AfterEach
  void probeOff() {
    PROBE = execution -> { };
  }

  private Job failedUntilIncident() {
    deployProbe();
    PROBE = execution -> {
      throw new IllegalStateException("the mail server is down");
    };
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROBE_PROCESS);
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    for (int attempt = 0; attempt < 10 && job.getRetries() > 0; attempt++) {
      String id = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(id)).isNotNull();
      job = managementService.createJobQuery().jobId(id).singleResult();
    }
    assertThat(job.getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    return job;
  }

  @Test
  void aRetryFromCockpitIsDueAtOnce() {
    Job job = failedUntilIncident();
    // the last failure leaves the job due hours later, as the engine does by itself
    managementService.setJobDuedate(job.getId(), Date.from(Instant.now().plusSeconds(4 * 3600)));

    // Cockpit's "retry" of an incident: PUT /job/{id}/retries {"retries": 1}
    int status = http.putJson("/engine-rest/job/" + job.getId() + "/retries", "{\"retries\":1}",
        "Authorization", Http.basic("demo", "demo")).statusCode();

    assertThat(status).isEqualTo(204);
    Job retried = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(retried.getRetries()).isEqualTo(1);
    assertThat(retried.getDuedate()).isBeforeOrEqualTo(Date.from(Instant.now().plusSeconds(1)));
    assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count()).isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void aRetryThroughTheJavaApiIsDueAtOnceToo() {
    Job job = failedUntilIncident();
    managementService.setJobDuedate(job.getId(), Date.from(Instant.now().plusSeconds(4 * 3600)));

    managementService.setJobRetries(job.getId(), 2);

    assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count()).isEqualTo(1);
  }

  @Test
  void aJobThatStillHasRetriesKeepsItsSchedule() {
    deployProbe();
    PROBE = execution -> {
      throw new IllegalStateException("the mail server is down");
    };
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROBE_PROCESS);
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();

    Job waiting = managementService.createJobQuery().jobId(job.getId()).singleResult();
    // the ordinary retry cycle is untouched: next attempt in a minute
    assertThat(waiting.getDuedate()).isAfter(Date.from(Instant.now().plusSeconds(30)));
  }
}
