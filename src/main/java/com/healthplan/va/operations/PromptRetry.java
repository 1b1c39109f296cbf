package com.healthplan.va.operations;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * A failed job given retries again (Cockpit's "retry", {@code PUT /job/{id}/retries}, a batch of them) runs at
 * once: the engine keeps the due date of its last failure, up to the last retry interval (4 hours) later. The
 * failed-job incident is resolved by every such path inside the engine, so its handler moves the job's due date
 * to now and wakes the job executor once the change is committed. (The incident handler is Camunda's documented
 * extension point; Camunda 7 offers it only as an {@code impl} type.)
 */
class PromptRetry extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = new ArrayList<>();
    if (configuration.getCustomIncidentHandlers() != null) {
      handlers.addAll(configuration.getCustomIncidentHandlers());
    }
    handlers.add(new DueAtOnceWhenResolved());
    configuration.setCustomIncidentHandlers(handlers);
  }

  /** The engine's own failed-job handling plus: resolved by new retries means due now. */
  static final class DueAtOnceWhenResolved extends DefaultIncidentHandler {

    DueAtOnceWhenResolved() {
      super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      super.resolveIncident(context);
      CommandContext command = Context.getCommandContext();
      if (command == null || context.getConfiguration() == null) {
        return;
      }
      JobEntity job = command.getJobManager().findJobById(context.getConfiguration());
      if (job == null || job.getRetries() <= 0 && job.getDuedate() == null) {
        return;
      }
      job.setDuedate(ClockUtil.getCurrentTime());
      JobExecutor executor = Context.getProcessEngineConfiguration().getJobExecutor();
      if (executor != null) {
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
            committed -> executor.jobWasAdded());
      }
    }
  }
}
