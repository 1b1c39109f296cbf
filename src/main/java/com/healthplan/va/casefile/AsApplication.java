package com.healthplan.va.casefile;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * Runs engine calls in the application's name, not the person's whose request is being served: the case's own
 * bookkeeping (moving a timer after an extension, refreshing copies, starting a notice, ending a wait when a report
 * arrives) after the application checked the request, which the person's permissions rightly do not allow doing
 * directly. The caller's authentication is restored afterwards, whatever happens.
 */
public final class AsApplication {

  private AsApplication() {
  }

  public static void run(IdentityService identity, Runnable call) {
    call(identity, () -> {
      call.run();
      return null;
    });
  }

  public static <T> T call(IdentityService identity, Supplier<T> call) {
    // the engine's own authentication type; only its public getters are used
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller.getUserId(), caller.getGroupIds(), caller.getTenantIds());
      }
    }
  }
}
