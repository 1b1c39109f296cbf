package com.healthplan.va.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.PriorityOrdered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Tests of running the application (outages, in-doubt notices, retries): the database can be made unreachable
 * ({@link #DATABASE}; tests set it back after themselves) and a one-task probe process runs a delegate given by
 * the test ({@link #PROBE}). Their beans ({@link Beans}) are part of the one application context every test
 * shares ({@link CaseTestSupport} imports them): a context of their own in the same JVM would take Camunda's
 * process engine over from the shared one (see {@code CaseTestSupport}).
 */
public abstract class OperationsTestSupport extends CaseTestSupport {

  /** Whether the database answers; the connection pool's own connections are not touched. */
  public static final AtomicBoolean DATABASE = new AtomicBoolean(true);
  /** What the probe process's asynchronous task does. */
  public static volatile JavaDelegate PROBE = execution -> { };

  public static final String PROBE_PROCESS = "opsProbe";
  public static final String PROBE_TASK = "ServiceTask_Probe";
  public static final String AFTER_PROBE = "UserTask_AfterProbe";

  /** The probe: start, an asynchronous task running {@link #PROBE}, a user task, end. */
  protected void deployProbe() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROBE_PROCESS).camundaHistoryTimeToLive(1)
        .startEvent().serviceTask(PROBE_TASK).camundaAsyncBefore().camundaDelegateExpression("${opsProbeDelegate}")
        .userTask(AFTER_PROBE).endEvent().done();
    processEngine.getRepositoryService().createDeployment().name("ops-probe").enableDuplicateFiltering(true)
        .addModelInstance("ops-probe.bpmn", model).deploy();
  }

  /** The switchable database and the probe's delegate; imported by {@link CaseTestSupport} for every test. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Beans {

    @Bean
    static BeanPostProcessor switchableDatabase() {
      return new SwitchWrapper();
    }

    @Bean
    JavaDelegate opsProbeDelegate() {
      return execution -> PROBE.execute(execution);
    }
  }

  /** Wraps the pool before the application's own wrapper does, so that the application sees the outage. */
  static final class SwitchWrapper implements BeanPostProcessor, PriorityOrdered {
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      if (bean instanceof DataSource pool && "dataSource".equals(beanName)) {
        return new DelegatingDataSource(pool) {
          @Override
          public Connection getConnection() throws SQLException {
            if (!DATABASE.get()) {
              throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request "
                  + "timed out after 3000ms (test: database stopped)");
            }
            return super.getConnection();
          }
        };
      }
      return bean;
    }

    @Override
    public int getOrder() {
      return 0;
    }
  }
}
