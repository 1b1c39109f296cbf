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
 * Slows password guessing per account and per client (network address), and never lets a stranger lock a real
 * user out. Camunda's own per-account lock is switched off in {@code application.yaml}.
 *
 * <ul>
 *   <li>Failures are counted per account and per client within the window. Past {@code free-failures} for an
 *       account, or {@code client-free-failures} for a client, that account (or client) waits before its next
 *       password is checked: 1 s, doubling with each further checked failure up to {@code max-delay}. An attempt
 *       made while waiting is answered 429 with {@code Retry-After}, its password unchecked.</li>
 *   <li>A correct password clears the failures of its own account only: one person's sign-in never erases the
 *       record of guesses at another account from the same client.</li>
 *   <li>A browser that has signed in to an account before ({@link SignInDevices}) is not held by that account's
 *       or its client's waits; it has its own budget of {@code free-failures}. So guesses by a stranger, even
 *       one behind the same reverse proxy, slow only browsers and clients that never signed in to the account.</li>
 *   <li>When an account or a client reaches {@code alert-failures} within the window, administrators are alerted
 *       once through the log (one WARN line with the marker {@code SECURITY ALERT}; no passwords).</li>
 *   <li>An unknown user and a wrong password take the same time and get the same answer ({@link PasswordTiming}).</li>
 * </ul>
 *
 * <p>Per node: in a cluster each node counts on its own.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_RECORDS = 10_000;
  /** Request attribute: seconds until a throttled attempt may be repeated (read by {@link LoginAnswers}). */
  static final String RETRY_AFTER = LoginThrottle.class.getName() + ".retryAfter";

  private final int accountFreeFailures;
  private final int clientFreeFailures;
  private final int alertFailures;
  private final Duration window;
  private final Duration maxDelay;
  private final Supplier<Instant> clock;
  private final SignInDevices devices;
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> clients = new ConcurrentHashMap<>();
  private final Map<String, Failures> knownDevices = new ConcurrentHashMap<>();
  private volatile PasswordTiming timing;

  @Autowired
  LoginThrottle(@Value("${va.security.login.free-failures:5}") int accountFreeFailures,
      @Value("${va.security.login.client-free-failures:20}") int clientFreeFailures,
      @Value("${va.security.login.alert-failures:20}") int alertFailures,
      @Value("${va.security.login.window:PT15M}") Duration window,
      @Value("${va.security.login.max-delay:PT5M}") Duration maxDelay,
      @Value("${va.security.login.device-memory:P180D}") Duration deviceMemory,
      @Value("${va.security.login.device-key:}") String deviceKey) {
    this(accountFreeFailures, clientFreeFailures, alertFailures, window, maxDelay, Instant::now,
        new SignInDevices(deviceKey, deviceMemory));
  }

  LoginThrottle(int accountFreeFailures, int clientFreeFailures, int alertFailures, Duration window,
      Duration maxDelay, Supplier<Instant> clock, SignInDevices devices) {
    this.accountFreeFailures = accountFreeFailures;
    this.clientFreeFailures = clientFreeFailures;
    this.alertFailures = alertFailures;
    this.window = window;
    this.maxDelay = maxDelay;
    this.clock = clock;
    this.devices = devices;
  }

  /** Set by the engine plugin once the engine is built: unknown users then cost what a wrong password costs. */
  void equalizeTimingWith(PasswordTiming timing) {
    this.timing = timing;
  }

  /**
   * Runs a password check of the account for the current request unless the account or client must wait; a
   * refused or failed check counts.
   */
  @SuppressWarnings("unchecked")
  <T> T check(String userId, String password, Supplier<T> passwordCheck) {
    ClientAddress.Exchange exchange = ClientAddress.exchange();
    if (exchange == null || userId == null) {
      return passwordCheck.get(); // the application's own code, not a login
    }
    String client = exchange.request().getRemoteAddr();
    Instant now = clock.get();
    boolean knownDevice = devices.knows(exchange.request(), userId);
    if (knownDevice) {
      Failures device = record(knownDevices, userId + "\n" + client, now);
      if (device.isWaiting(now)) {
        failed(device, "browser known to account", userId, now, false, accountFreeFailures);
        exchange.request().setAttribute(RETRY_AFTER,
            Math.max(1, Duration.between(now, device.waitUntil()).toSeconds()));
        return (T) Boolean.FALSE;
      }
    } else {
      Failures account = record(accounts, userId, now);
      Failures fromClient = record(clients, client, now);
      Instant until = later(account.waitUntil(), fromClient.waitUntil());
      if (now.isBefore(until)) {
        failed(account, "account", userId, now, false, accountFreeFailures);
        failed(fromClient, "client", client, now, false, clientFreeFailures);
        exchange.request().setAttribute(RETRY_AFTER, Math.max(1, Duration.between(now, until).toSeconds()));
        return (T) Boolean.FALSE;
      }
    }
    T result = passwordCheck.get();
    if (Boolean.TRUE.equals(result)) {
      clear(accounts, userId);
      clear(knownDevices, userId + "\n" + client);
      devices.remember(exchange.request(), exchange.response(), userId);
    } else {
      PasswordTiming equalizer = timing;
      boolean exists = equalizer == null || equalizer.afterFailure(userId, password);
      if (knownDevice) {
        failed(record(knownDevices, userId + "\n" + client, now), "browser known to account",
            exists ? userId : "(unknown account)", now, true, accountFreeFailures);
      } else {
        failed(record(accounts, userId, now), "account", exists ? userId : "(unknown account)", now, true,
            accountFreeFailures);
        failed(record(clients, client, now), "client", client, now, true, clientFreeFailures);
      }
    }
    prune(now);
    return result;
  }

  /** Whether attempts on this account from browsers that never signed in to it must wait. */
  boolean isAccountSlowed(String userId) {
    Failures failures = accounts.get(userId);
    return failures != null && failures.isWaiting(clock.get());
  }

  /** Whether attempts from this client (for accounts it never signed in to) must wait. */
  boolean isClientSlowed(String client) {
    Failures failures = clients.get(client);
    return failures != null && failures.isWaiting(clock.get());
  }

  private Failures record(Map<String, Failures> records, String key, Instant now) {
    Failures failures = records.computeIfAbsent(key, k -> new Failures());
    failures.forget(now.minus(window));
    return failures;
  }

  private static void clear(Map<String, Failures> records, String key) {
    Failures failures = records.get(key);
    if (failures != null) {
      failures.clear();
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Counts a failure; one whose password was checked sets the next wait (waiting attempts do not extend it). */
  private void failed(Failures failures, String what, String who, Instant now, boolean checked, int free) {
    boolean alert;
    int count;
    synchronized (failures) {
      failures.add(now);
      count = failures.size();
      if (checked && count >= free) {
        long seconds = Math.min(maxDelay.toSeconds(), 1L << Math.min(30, count - free));
        failures.blockedUntil = now.plusSeconds(seconds);
      }
      alert = count >= alertFailures && !failures.alerted;
      if (alert) {
        failures.alerted = true;
      }
    }
    if (alert) {
      LOG.warn("SECURITY ALERT: {} failed sign-ins for {} {} within {} minutes; its attempts are slowed",
          count, what, who, window.toMinutes());
    }
  }

  private void prune(Instant now) {
    for (Map<String, Failures> records : java.util.List.of(accounts, clients, knownDevices)) {
      if (records.size() > MAX_RECORDS) {
        records.entrySet().removeIf(entry -> entry.getValue().isStale(now.minus(window)));
      }
    }
  }

  private static final class Failures {
    private final Deque<Instant> times = new ArrayDeque<>();
    private Instant blockedUntil = Instant.MIN;
    private boolean alerted;

    synchronized void add(Instant at) {
      times.addLast(at);
    }

    synchronized int size() {
      return times.size();
    }

    synchronized Instant waitUntil() {
      return blockedUntil;
    }

    synchronized boolean isWaiting(Instant now) {
      return now.isBefore(blockedUntil);
    }

    synchronized void forget(Instant before) {
      while (!times.isEmpty() && times.peekFirst().isBefore(before)) {
        times.removeFirst();
      }
      if (times.isEmpty()) {
        alerted = false;
      }
    }

    synchronized void clear() {
      times.clear();
      blockedUntil = Instant.MIN;
      alerted = false;
    }

    synchronized boolean isStale(Instant before) {
      return times.isEmpty() || times.peekLast().isBefore(before);
    }
  }
}
