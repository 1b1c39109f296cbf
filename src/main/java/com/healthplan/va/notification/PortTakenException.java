package com.healthplan.va.notification;

/**
 * A port the application would listen on is taken by another program: which port, what it is for, and the one
 * setting that moves it. Reported at start-up in one line (see {@code operations.PortTakenFailureAnalyzer}).
 */
public class PortTakenException extends RuntimeException {

  private final int port;
  private final String purpose;
  private final String setting;

  public PortTakenException(int port, String purpose, String setting) {
    super("Port " + port + " (" + purpose + ") is already in use: set " + setting + " to a free port, or stop the "
        + "program that uses it.");
    this.port = port;
    this.purpose = purpose;
    this.setting = setting;
  }

  public int port() {
    return port;
  }

  public String purpose() {
    return purpose;
  }

  public String setting() {
    return setting;
  }
}
