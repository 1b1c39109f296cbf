package com.healthplan.va.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing per client (network address) instead of per account: a stranger cannot lock a real
 * user out, because failed attempts never lock an account (Camunda's own per-account lock is switched off in
 * {@code application.yaml}); the client that keeps failing is the one that waits.
 *
 * <p>The first {@code freeFailures} failures within the window cost nothing; after that every attempt from that
 * client is answered "wrong credentials" without checking the password until a delay has passed, doubling with
 * each further failure up to {@code maxDelay}. A success clears the client's record. When a client reaches
 * {@code alertFailures} failures in the window, administrators are alerted once through the log (one WARN line
 * with the marker {@code SECURITY ALERT}, no passwords, no user names).
 *
 * <p>Per node: in a cluster each node slows the client on its own.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_CLIENTS = 10_000;

  private final int freeFailures;
  private final int alertFailures;
  private final Duration window;
  private final Duration maxDelay;
  private final Supplier<Instant> clock;
  private final Map<String, Failures> clients = new ConcurrentHashMap<>();

  @Autowired
  LoginThrottle(@Value("${va.security.login.free-failures:5}") int freeFailures,
      @Value("${va.security.login.alert-failures:20}") int alertFailures,
      @Value("${va.security.login.window:PT15M}") Duration window,
      @Value("${va.security.login.max-delay:PT5M}") Duration maxDelay) {
    this(freeFailures, alertFailures, window, maxDelay, Instant::now);
  }

  LoginThrottle(int freeFailures, int alertFailures, Duration window, Duration maxDelay, Supplier<Instant> clock) {
    this.freeFailures = freeFailures;
    this.alertFailures = alertFailures;
    this.window = window;
    this.maxDelay = maxDelay;
    this.clock = clock;
  }

  /** Runs a password check for the current client unless it must wait; a refused or failed check counts. */
  @SuppressWarnings("unchecked")
  <T> T check(Supplier<T> passwordCheck) {
    String client = ClientAddress.current();
    if (client == null) {
      return passwordCheck.get(); // the application's own code, not a login
    }
    Instant now = clock.get();
    Failures failures = clients.computeIfAbsent(client, c -> new Failures());
    synchronized (failures) {
      failures.forget(now.minus(window));
      if (now.isBefore(failures.blockedUntil)) {
        failed(client, failures, now, false);
        return (T) Boolean.FALSE;
      }
    }
    T result = passwordCheck.get();
    synchronized (failures) {
      if (Boolean.TRUE.equals(result)) {
        failures.clear();
      } else {
        failed(client, failures, now, true);
      }
    }
    prune(now);
    return result;
  }

  /** Counts a failure; one whose password was checked sets the next delay (waiting attempts do not extend it). */
  private void failed(String client, Failures failures, Instant now, boolean checked) {
    failures.add(now);
    int count = failures.size();
    if (checked && count >= freeFailures) {
      long seconds = Math.min(maxDelay.toSeconds(), 1L << Math.min(30, count - freeFailures));
      failures.blockedUntil = now.plusSeconds(seconds);
    }
    if (count >= alertFailures && !failures.alerted) {
      failures.alerted = true;
      LOG.warn("SECURITY ALERT: {} failed logins from client {} within {} minutes; its attempts are slowed",
          count, client, window.toMinutes());
    }
  }

  /** Whether the client must wait before its next password is checked. */
  boolean isSlowed(String client) {
    Failures failures = clients.get(client);
    return failures != null && clock.get().isBefore(failures.blockedUntil);
  }

  private void prune(Instant now) {
    if (clients.size() > MAX_CLIENTS) {
      clients.entrySet().removeIf(entry -> entry.getValue().isStale(now.minus(window)));
    }
  }

  private static final class Failures {
    private final Deque<Instant> times = new ArrayDeque<>();
    private Instant blockedUntil = Instant.MIN;
    private boolean alerted;

    void add(Instant at) {
      times.addLast(at);
    }

    int size() {
      return times.size();
    }

    void forget(Instant before) {
      while (!times.isEmpty() && times.peekFirst().isBefore(before)) {
        times.removeFirst();
      }
      if (times.isEmpty()) {
        alerted = false;
      }
    }

    void clear() {
      times.clear();
      blockedUntil = Instant.MIN;
      alerted = false;
    }

    synchronized boolean isStale(Instant before) {
      return times.isEmpty() || times.peekLast().isBefore(before);
    }
  }
}
