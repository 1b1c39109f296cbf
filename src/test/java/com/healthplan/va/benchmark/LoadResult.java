package com.healthplan.va.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One measurement: successful requests, their latencies (nanoseconds) and the wall-clock time they took. */
record LoadResult(String label, int clients, long[] latencies, long errors, long wallNanos, double loadAverage) {

  static final String HEADER = String.format(Locale.ROOT, "%-18s %7s %8s %6s %8s %11s %8s %8s %8s %6s",
      "measurement", "clients", "requests", "errors", "seconds", "per second", "p50 ms", "p95 ms", "max ms", "load");

  LoadResult {
    latencies = latencies.clone();
    Arrays.sort(latencies);
  }

  double seconds() {
    return wallNanos / 1e9;
  }

  double perSecond() {
    return latencies.length / seconds();
  }

  /** Nearest-rank percentile in milliseconds. */
  double percentileMillis(double p) {
    if (latencies.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * latencies.length);
    return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
  }

  String row() {
    return String.format(Locale.ROOT, "%-18s %7d %8d %6d %8.1f %11.1f %8.0f %8.0f %8.0f %6.2f", label, clients,
        latencies.length, errors, seconds(), perSecond(), percentileMillis(50), percentileMillis(95),
        percentileMillis(100), loadAverage);
  }

  /** Throughput over every round of the label: all successful requests over all their wall-clock time. */
  static double throughput(List<LoadResult> results, String label) {
    long requests = 0;
    double seconds = 0;
    for (LoadResult result : results) {
      if (result.label.equals(label)) {
        requests += result.latencies.length;
        seconds += result.seconds();
      }
    }
    return seconds == 0 ? 0 : requests / seconds;
  }
}
