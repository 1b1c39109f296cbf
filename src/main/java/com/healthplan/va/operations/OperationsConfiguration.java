package com.healthplan.va.operations;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the outage answers into every HTTP path and the data source. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  /** Before authentication: the password check itself needs the database. */
  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageAnswers(OperationsProperties properties) {
    FilterRegistrationBean<DatabaseOutageFilter> registration =
        new FilterRegistrationBean<>(new DatabaseOutageFilter(Math.max(1, properties.retryAfter().toSeconds())));
    registration.setName("va-database-outage");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  StartupLock startupLock(DataSource dataSource) {
    return new StartupLock(dataSource);
  }

  /**
   * Flyway migrates under the same lock: two nodes on an empty database would otherwise both find the history
   * table missing, one create it and the other fail to baseline an existing empty table.
   */
  @Bean
  FlywayMigrationStrategy migrateUnderStartupLock(StartupLock startupLock) {
    return flyway -> {
      startupLock.acquire();
      flyway.migrate();
    };
  }

  @Bean
  PromptRetry promptRetry() {
    return new PromptRetry();
  }

  @Bean
  NodeIdentity nodeIdentity(@Value("${va.node-name:}") String nodeName) {
    return new NodeIdentity(nodeName);
  }

  @Bean
  static BeanPostProcessor observedDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource pool && !(bean instanceof DatabaseOutage.ObservedDataSource)
            && "dataSource".equals(beanName) ? new DatabaseOutage.ObservedDataSource(pool) : bean;
      }
    };
  }
}
