package com.healthplan.va.security;

/**
 * Who cancels a case and why, while the engine deletes its instance: the command guard knows both, the case
 * process's end listener records them on the case file. One cancellation per thread at a time.
 */
public final class CaseCancellation {

  /** Who and why. */
  public record Request(String userId, String reason) {
  }

  private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

  private CaseCancellation() {
  }

  static void begin(String userId, String reason) {
    CURRENT.set(new Request(userId, reason == null || reason.isBlank() ? "No reason given" : reason));
  }

  static void end() {
    CURRENT.remove();
  }

  /** The cancellation being carried out on this thread, if any. */
  public static Request current() {
    return CURRENT.get();
  }
}
