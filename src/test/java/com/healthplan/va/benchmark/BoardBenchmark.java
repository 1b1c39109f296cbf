package com.healthplan.va.benchmark;

import com.healthplan.va.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The coordinators' board with many open cases, against the bare engine's own list of the same size, in the run
 * of {@link IntakeBenchmark}: open cases are copied from one the intake made (the case file only, as a case at
 * its follow-ups looks: four follow-up rows, one of them deferred to the PCP) until {@code bench.boardCases}
 * (10,000) are open; then the board, filtered and unfiltered, and the engine REST's process-instance list of as
 * many instances are each fetched {@code bench.boardRequests} (20) times by one client, after 5 warm-up fetches.
 * Prints p50 and p95 in milliseconds.
 */
final class BoardBenchmark {

  private static final String BOARD = "/camunda/api/cockpit/plugin/vertebral-augmentation/default/board";

  private final JdbcTemplate jdbc;
  private final int port;
  private final LocalDate today;

  BoardBenchmark(JdbcTemplate jdbc, int port, LocalDate today) {
    this.jdbc = jdbc;
    this.port = port;
    this.today = today;
  }

  void run() {
    int target = Integer.getInteger("bench.boardCases", 10_000);
    int requests = Integer.getInteger("bench.boardRequests", 20);
    int open = seedUntil(target);
    Http coordinator = new Http(port);
    if (coordinator.loginToWebapp("cockpit", "coord1", "coord1") != 200) {
      System.out.println("Board benchmark skipped: coord1 could not log in to Cockpit");
      return;
    }
    Http admin = new Http(port);
    String adminAuth = Http.basic("demo", "demo");
    System.out.printf(Locale.ROOT, "%nBoard with %d open cases (%d fetches each, one client):%n", open, requests);
    System.out.println("what                                            rows   p50 ms   p95 ms");
    report("board, every open case", requests, () -> coordinator.get(BOARD));
    report("board, deferred to PCP", requests, () -> coordinator.get(BOARD + "?deferredToPcp=true"));
    report("board, due within 7 days", requests, () -> coordinator.get(BOARD + "?dueWithinDays=7"));
    report("bare engine: GET /engine-rest/process-instance", requests, () -> admin.get(
        "/engine-rest/process-instance?maxResults=" + open, "Authorization", adminAuth));
  }

  /** Copies the first intake case (case file only) until {@code target} cases are open; returns how many are. */
  private int seedUntil(int target) {
    Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM va_case WHERE status NOT IN ('CLOSED', 'DENIED', "
        + "'CLOSED_INCOMPLETE', 'WITHDRAWN')", Integer.class);
    String template = jdbc.queryForObject("SELECT MIN(case_id) FROM va_case", String.class);
    List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE "
        + "LOWER(table_name) = 'va_case' ORDER BY ordinal_position", String.class).stream()
        .map(String::toLowerCase).toList();
    String select = String.join(", ", columns.stream().map(column -> switch (column) {
      case "case_id" -> "?";
      case "process_instance_id" -> "?";
      case "status" -> "'IN_FOLLOW_UP'";
      default -> column;
    }).toList());
    String copyCase = "INSERT INTO va_case (" + String.join(", ", columns) + ") SELECT " + select
        + " FROM va_case WHERE case_id = ?";
    String followUp = "INSERT INTO va_follow_up (case_id, milestone, due_date, deferred_to_pcp, status, "
        + "overdue_alerts, pcp_reminders, pcp_overdue_alerted, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0, FALSE, "
        + "CURRENT_TIMESTAMP)";
    List<Object[]> cases = new ArrayList<>();
    List<Object[]> followUps = new ArrayList<>();
    for (int n = 1; open + cases.size() < target; n++) {
      String caseId = String.format(Locale.ROOT, "VA-2099-%06d", n);
      cases.add(new Object[] {caseId, "bench-" + n, template});
      LocalDate performed = today.minusDays(n % 400);
      followUps.add(new Object[] {caseId, "ONE_WEEK", performed.plusDays(7), false, status(performed.plusDays(7))});
      followUps.add(new Object[] {caseId, "ONE_MONTH", performed.plusMonths(1), false,
          status(performed.plusMonths(1))});
      followUps.add(new Object[] {caseId, "THREE_MONTHS", performed.plusMonths(3), n % 3 == 0,
          status(performed.plusMonths(3))});
      followUps.add(new Object[] {caseId, "ONE_YEAR", performed.plusYears(1), false, status(performed.plusYears(1))});
    }
    for (int from = 0; from < cases.size(); from += 1000) {
      jdbc.batchUpdate(copyCase, cases.subList(from, Math.min(cases.size(), from + 1000)));
    }
    for (int from = 0; from < followUps.size(); from += 4000) {
      jdbc.batchUpdate(followUp, followUps.subList(from, Math.min(followUps.size(), from + 4000)));
    }
    return open + cases.size();
  }

  /** Done when past due (so the board has a next milestone to show), due today, or not yet due. */
  private String status(LocalDate due) {
    return due.isBefore(today) ? "COMPLETED" : due.isEqual(today) ? "DUE" : "SCHEDULED";
  }

  private static void report(String what, int requests, Supplier<HttpResponse<String>> fetch) {
    int rows = 0;
    for (int i = 0; i < 5; i++) {
      fetch.get();
    }
    long[] millis = new long[requests];
    for (int i = 0; i < requests; i++) {
      long started = System.nanoTime();
      HttpResponse<String> response = fetch.get();
      millis[i] = (System.nanoTime() - started) / 1_000_000;
      if (response.statusCode() != 200) {
        System.out.printf(Locale.ROOT, "%-46s HTTP %d%n", what, response.statusCode());
        return;
      }
      rows = countRows(response.body());
    }
    Arrays.sort(millis);
    System.out.printf(Locale.ROOT, "%-46s %6d %8d %8d%n", what, rows, millis[requests / 2],
        millis[Math.min(requests - 1, (int) Math.ceil(requests * 0.95) - 1)]);
  }

  /** Objects in a JSON list (rows of the board or instances of the engine). */
  private static int countRows(String body) {
    int rows = 0;
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        if (depth == 1) {
          rows++;
        }
        depth++;
      } else if (c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return rows;
  }
}
