package com.healthplan.va.benchmark;

import java.time.Duration;

/** How hard and how long each measurement runs (system properties {@code bench.*}). */
record LoadSettings(int clients, int warmup, int requests, Duration duration, int rounds) {

  static LoadSettings fromSystemProperties() {
    int seconds = Integer.getInteger("bench.seconds", 0);
    return new LoadSettings(
        Math.max(1, Integer.getInteger("bench.clients", 4)),
        Math.max(0, Integer.getInteger("bench.warmup", 50)),
        Math.max(1, Integer.getInteger("bench.requests", 400)),
        seconds > 0 ? Duration.ofSeconds(seconds) : null,
        Math.max(1, Integer.getInteger("bench.rounds", 1)));
  }

  boolean timed() {
    return duration != null;
  }

  @Override
  public String toString() {
    return "clients=" + clients + ", warm-up=" + warmup + " requests, measured="
        + (timed() ? duration.toSeconds() + " s" : requests + " requests") + ", rounds=" + rounds
        + " (-Dbench.clients, -Dbench.warmup, -Dbench.requests, -Dbench.seconds, -Dbench.rounds)";
  }
}
