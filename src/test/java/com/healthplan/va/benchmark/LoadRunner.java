package com.healthplan.va.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Closed-loop load: a number of clients, each sending its next request as soon as the previous one is answered.
 * Request numbers are unique over the whole run (each intake gets its own member id and patient name).
 */
final class LoadRunner {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final int ERRORS_SHOWN = 3;

  private final String label;
  private final int expectedStatus;
  private final IntFunction<HttpRequest> requests;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicInteger errorsShown = new AtomicInteger();

  private LoadRunner(String label, int expectedStatus, IntFunction<HttpRequest> requests) {
    this.label = label;
    this.expectedStatus = expectedStatus;
    this.requests = requests;
  }

  static LoadRunner of(String label, int expectedStatus, IntFunction<HttpRequest> requests) {
    return new LoadRunner(label, expectedStatus, requests);
  }

  /** Requests whose figures are thrown away (JIT compilation, connection pools, caches). */
  void warmUp(LoadSettings settings) throws Exception {
    System.out.printf(Locale.ROOT, "%s: warm-up (%d requests)...%n", label, settings.warmup());
    phase(settings.clients(), settings.warmup(), 0);
    long warmupErrors = errors.getAndSet(0);
    if (warmupErrors > 0) {
      System.out.printf("%s: %d error(s) during warm-up%n", label, warmupErrors);
    }
  }

  /** The measurement: a fixed number of requests, or as many as fit in the duration. */
  LoadResult measure(LoadSettings settings) throws Exception {
    System.gc();
    System.out.printf(Locale.ROOT, "%s: measuring (%s)...%n", label,
        settings.timed() ? settings.duration().toSeconds() + " s" : settings.requests() + " requests");
    errors.set(0);
    long started = System.nanoTime();
    long[] latencies = settings.timed()
        ? phase(settings.clients(), Integer.MAX_VALUE, started + settings.duration().toNanos())
        : phase(settings.clients(), settings.requests(), 0);
    long wall = System.nanoTime() - started;
    return new LoadResult(label, settings.clients(), latencies, errors.get(), wall,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * {@code clients} threads share {@code count} tickets (and stop at {@code deadline} if that is not 0); returns
   * the latencies of the requests answered with the expected status.
   */
  private long[] phase(int clients, int count, long deadline) throws Exception {
    AtomicInteger tickets = new AtomicInteger(count);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(pool.submit(() -> {
          List<Long> mine = new ArrayList<>();
          while (tickets.getAndDecrement() > 0 && (deadline == 0 || System.nanoTime() < deadline)) {
            HttpRequest request = requests.apply(SEQUENCE.incrementAndGet());
            long sent = System.nanoTime();
            try {
              HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
              long took = System.nanoTime() - sent;
              if (response.statusCode() == expectedStatus) {
                mine.add(took);
              } else {
                error(response.statusCode() + " " + abbreviate(response.body()));
              }
            } catch (IOException e) {
              error(e.toString());
            }
          }
          return mine;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> future : futures) {
        all.addAll(future.get());
      }
      return all.stream().mapToLong(Long::longValue).toArray();
    } finally {
      pool.shutdownNow();
    }
  }

  private void error(String what) {
    errors.incrementAndGet();
    if (errorsShown.getAndIncrement() < ERRORS_SHOWN) {
      System.out.printf("%s: unexpected answer (expected %d): %s%n", label, expectedStatus, what);
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
