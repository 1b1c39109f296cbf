package com.healthplan.va.followup;

import com.healthplan.va.casefile.PlanCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The PCP's page answers without a login, so it is rate-limited per client address: at most
 * {@value #MAX_REQUESTS} requests in {@value #WINDOW_MINUTES} minutes, enough for a PCP and far too few to guess a
 * token. Kept in memory: a restart forgets it, as it may.
 */
@Component
class PcpPageThrottle {

  static final int MAX_REQUESTS = 30;
  static final int WINDOW_MINUTES = 10;
  /** Bounds the memory a flood of addresses can take; beyond it, old entries are dropped. */
  private static final int MAX_CLIENTS = 10_000;

  private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();
  private final PlanCalendar calendar;

  PcpPageThrottle(PlanCalendar calendar) {
    this.calendar = calendar;
  }

  /** Counts a request of the client; false when the client has used up its window. */
  boolean allow(String client) {
    Instant now = calendar.now();
    Instant windowStart = now.minus(Duration.ofMinutes(WINDOW_MINUTES));
    if (requests.size() > MAX_CLIENTS) {
      prune(windowStart);
    }
    Deque<Instant> times = requests.computeIfAbsent(client == null ? "unknown" : client, key -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(windowStart)) {
        times.pollFirst();
      }
      if (times.size() >= MAX_REQUESTS) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }

  private void prune(Instant windowStart) {
    for (Iterator<Map.Entry<String, Deque<Instant>>> it = requests.entrySet().iterator(); it.hasNext(); ) {
      Deque<Instant> times = it.next().getValue();
      synchronized (times) {
        if (times.isEmpty() || times.peekLast().isBefore(windowStart)) {
          it.remove();
        }
      }
    }
  }
}
