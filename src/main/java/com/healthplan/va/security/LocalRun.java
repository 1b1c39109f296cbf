package com.healthplan.va.security;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * Whether this run is the local one: no profile at all in force. A profile chosen as {@code spring.profiles.default}
 * counts as chosen, so every run with any profile is a deployment (no demo users, no generated keys).
 */
public final class LocalRun {

  private LocalRun() {
  }

  /** The profiles that make this run a deployment: every profile in force other than Spring's {@code default}. */
  public static String[] deploymentProfiles(Environment environment) {
    String[] inForce = environment.getActiveProfiles().length > 0 ? environment.getActiveProfiles()
        : environment.getDefaultProfiles();
    return Arrays.stream(inForce).filter(profile -> !"default".equals(profile)).toArray(String[]::new);
  }

  public static boolean is(Environment environment) {
    return deploymentProfiles(environment).length == 0;
  }
}
