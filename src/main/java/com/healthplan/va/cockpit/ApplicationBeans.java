package com.healthplan.va.cockpit;

import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;

/**
 * The application's beans for the Cockpit plugin's resources, which Cockpit instantiates itself (JAX-RS, outside
 * Spring): the one bridge between the two.
 */
@Component
class ApplicationBeans implements ApplicationContextAware {

  private static volatile ApplicationContext context;

  @Override
  public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
    context = applicationContext;
  }

  static <T> T get(Class<T> type) {
    if (context == null) {
      throw new IllegalStateException("The application is not started");
    }
    return context.getBean(type);
  }
}
