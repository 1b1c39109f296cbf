package com.healthplan.va.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Names this node (va.node-name, VA_NODE_NAME; default the host name) where the engine records who did what: the
 * owner of the jobs it locks (so that Cockpit and the database show which node holds a job) and the host name
 * of its history and metrics. The engine would otherwise use a random id per start and {@code <ip>$default}.
 */
class NodeIdentity extends AbstractProcessEnginePlugin {

  private final String name;

  NodeIdentity(String configured) {
    this.name = configured == null || configured.isBlank() ? hostName() : configured.trim();
  }

  String name() {
    return name;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(name);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
    }
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
