package com.healthplan.va.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.support.EngineRestVariables;
import com.healthplan.va.support.Http;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TemporaryPostgres;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the packaged application on one temporary PostgreSQL, as a plan runs them (shared-database
 * cluster, both job executors on). Both start at the same instant on the empty database (D1); cases are opened
 * and approved round-robin on both; node A is killed with SIGKILL while it holds mail jobs; node B finishes them
 * once their lock runs out (D5). Then every case is there, every notice was sent exactly once or flagged as a
 * possible duplicate (D2), none is left unsent or in doubt, no follow-up task exists twice. Prints its figures.
 * Skipped with a message where PostgreSQL is not installed.
 */
class TwoNodeClusterIT {

  private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
  private static final Path JAR = BASEDIR.resolve("target/vertebral-augmentation-0.1.0-SNAPSHOT.jar");
  private static final Path OUTPUT = BASEDIR.resolve("target/two-node-cluster");
  private static final int CASES = 40;
  private static final String NURSE_PASSWORD = "Cluster-Nurse-Password-42";
  private static final String NURSE = Http.basic("nurse1", NURSE_PASSWORD);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> nodes = new ArrayList<>();
  private GreenMail smtp;

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process node : nodes) {
      if (node.isAlive()) {
        node.destroyForcibly();
        node.waitFor(30, TimeUnit.SECONDS);
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void twoNodesShareTheWorkAndTheSurvivorFinishesTheJobsOfAKilledNode() throws Exception {
    assertThat(JAR).as("packaged application (run after 'package')").isRegularFile();
    try (TemporaryPostgres postgres = TemporaryPostgres.start()) {
      String url = postgres.createDatabase("va_cluster");
      Files.createDirectories(OUTPUT);
      int smtpPort = freePort();
      smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      smtp.start();

      // D1: both at the same instant on the empty database
      int portA = freePort();
      int portB = freePort();
      long startAt = System.nanoTime();
      Process a = start("node-a", portA, url, smtpPort);
      Process b = start("node-b", portB, url, smtpPort);
      awaitReady(a, portA, "node-a");
      awaitReady(b, portB, "node-b");
      System.out.printf("[cluster] both nodes ready %d s after a simultaneous start on an empty database%n",
          (System.nanoTime() - startAt) / 1_000_000_000);

      List<String> caseIds = new ArrayList<>();
      Map<String, Integer> approvedOn = new HashMap<>();
      long killedAt = 0;
      Set<String> heldByA = Set.of();
      LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
      for (int n = 0; n < CASES; n++) {
        boolean aAlive = a.isAlive();
        int port = aAlive && n % 2 == 0 ? portA : portB;
        Map<String, Object> intake = Intakes.eligible(today);
        intake.put("memberId", "M-CLUSTER-" + n);
        intake.put("patientName", "Cluster Patient " + n);
        HttpResponse<String> opened = send(port, "POST", "/api/cases", json.writeValueAsString(intake));
        assertThat(opened.statusCode()).as("intake on " + port + ": " + opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).path("caseId").asText();
        caseIds.add(caseId);
        approve(port, caseId);
        approvedOn.merge(port == portA ? "node-a" : "node-b", 1, Integer::sum);
        // kill node A mid-work: once half the cases are in and it holds mail jobs
        if (aAlive && n >= CASES / 2) {
          heldByA = jobsLockedBy(url, "node-a");
          if (!heldByA.isEmpty() || n >= CASES - 4) {
            a.destroyForcibly(); // SIGKILL
            killedAt = System.nanoTime();
            assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
            heldByA = jobsLockedBy(url, "node-a");
            System.out.printf("[cluster] node-a killed after %d cases, holding %d job(s)%n", n + 1, heldByA.size());
          }
        }
      }
      assertThat(killedAt).as("node-a was killed").isPositive();

      // node B takes over the dead node's jobs once their lock runs out
      long takenOverAt = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline) {
        if (takenOverAt == 0 && stillThere(url, heldByA).isEmpty()) {
          takenOverAt = System.nanoTime();
        }
        if (takenOverAt != 0 && pendingAsyncJobs(url) == 0) {
          break;
        }
        Thread.sleep(250);
      }
      double failoverSeconds = takenOverAt == 0 ? -1 : (takenOverAt - killedAt) / 1e9;
      System.out.printf("[cluster] jobs held by the killed node finished %.1f s after the kill%n", failoverSeconds);
      assertThat(pendingAsyncJobs(url)).as("asynchronous jobs left").isZero();
      assertThat(takenOverAt).as("the killed node's jobs were finished").isPositive();
      assertThat(failoverSeconds).as("failover (job lock time + acquisition)").isLessThan(60);

      // every case there, on the surviving node
      for (String caseId : caseIds) {
        assertThat(send(portB, "GET", "/api/cases/" + caseId, null).statusCode()).as(caseId).isEqualTo(200);
      }
      // every notice exactly once, or flagged as a possible duplicate; none unsent or in doubt
      Map<String, Integer> received = new HashMap<>();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        received.merge(message.getMessageID(), 1, Integer::sum);
      }
      List<String> problems = new ArrayList<>();
      int sent = 0;
      int possibleDuplicates = 0;
      Set<String> casesWithNotice = new HashSet<>();
      try (Connection db = DriverManager.getConnection(url, TemporaryPostgres.USER, "");
          Statement statement = db.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT message_id, case_id, state, possible_duplicate, recipients FROM va_sent_mail")) {
        while (rows.next()) {
          String messageId = rows.getString(1);
          // one SMTP delivery per recipient
          int recipients = rows.getString(5).split(",").length;
          int copies = received.getOrDefault(messageId, 0);
          if (!"SENT".equals(rows.getString(3))) {
            problems.add(messageId + " left " + rows.getString(3));
          } else if (rows.getBoolean(4)) {
            possibleDuplicates++;
            if (copies < recipients || copies > 2 * recipients) {
              problems.add(messageId + " possible duplicate received " + copies + " times");
            }
          } else if (copies != recipients) {
            problems.add(messageId + " received " + copies + " times for " + recipients + " recipient(s)");
          }
          sent++;
          casesWithNotice.add(rows.getString(2));
          received.remove(messageId);
        }
      }
      assertThat(received).as("mails received that the ledger does not know").isEmpty();
      assertThat(problems).as("notices not sent exactly once").isEmpty();
      assertThat(casesWithNotice).as("every approved case has its notice").containsAll(caseIds);
      assertThat(duplicateOpenTasks(url)).as("open tasks that exist twice in one process").isZero();
      assertThat(incidents(url, "failedJob")).as("failed jobs").isZero();
      System.out.printf("[cluster] cases=%d approved on node-a=%d node-b=%d; notices sent=%d, possible duplicates "
              + "(flagged, incident raised)=%d, mails received=%d; lost=0; failover=%.1f s%n", caseIds.size(),
          approvedOn.getOrDefault("node-a", 0), approvedOn.getOrDefault("node-b", 0), sent, possibleDuplicates,
          smtp.getReceivedMessages().length, failoverSeconds);
      // the incident is raised on the notice's own process, which ends with the notice: the ledger keeps the flag
      assertThat(incidents(url, "possibleDuplicateNotice")).isLessThanOrEqualTo(possibleDuplicates);
    }
  }

  private void approve(int port, String caseId) throws Exception {
    String taskId = null;
    for (int attempt = 0; attempt < 50 && taskId == null; attempt++) {
      JsonNode tasks = json.readTree(send(port, "GET", "/engine-rest/task?processInstanceBusinessKey=" + caseId,
          null).body());
      if (tasks.isArray() && !tasks.isEmpty()) {
        taskId = tasks.get(0).path("id").asText();
      } else {
        Thread.sleep(100);
      }
    }
    assertThat(taskId).as("review task of " + caseId).isNotNull();
    assertThat(send(port, "POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"nurse1\"}").statusCode())
        .isEqualTo(204);
    HttpResponse<String> submitted = send(port, "POST", "/engine-rest/task/" + taskId + "/submit-form",
        EngineRestVariables.of(Map.of("reviewDecision", "APPROVE",
            "reviewConfirmedCriteria", EligibilityCriterion.codes())));
    assertThat(submitted.statusCode()).as("approval of " + caseId + ": " + submitted.body()).isEqualTo(204);
  }

  private static Set<String> jobsLockedBy(String url, String owner) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Connection db = DriverManager.getConnection(url, TemporaryPostgres.USER, "");
        var query = db.prepareStatement("SELECT id_ FROM act_ru_job WHERE lock_owner_ = ? "
            + "AND lock_exp_time_ > CURRENT_TIMESTAMP - INTERVAL '1 second'")) {
      query.setString(1, owner);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  private static Set<String> stillThere(String url, Set<String> jobIds) throws SQLException {
    Set<String> left = new HashSet<>();
    try (Connection db = DriverManager.getConnection(url, TemporaryPostgres.USER, "");
        var query = db.prepareStatement("SELECT id_ FROM act_ru_job WHERE id_ = ?")) {
      for (String id : jobIds) {
        query.setString(1, id);
        try (ResultSet rows = query.executeQuery()) {
          if (rows.next()) {
            left.add(id);
          }
        }
      }
    }
    return left;
  }

  private static long pendingAsyncJobs(String url) throws SQLException {
    return count(url, "SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'message' AND retries_ > 0");
  }

  private static long duplicateOpenTasks(String url) throws SQLException {
    return count(url, "SELECT COUNT(*) FROM (SELECT proc_inst_id_, task_def_key_ FROM act_ru_task "
        + "GROUP BY proc_inst_id_, task_def_key_ HAVING COUNT(*) > 1) twice");
  }

  private static long incidents(String url, String type) throws SQLException {
    return count(url, "SELECT COUNT(*) FROM act_ru_incident WHERE incident_type_ = '" + type + "'");
  }

  private static long count(String url, String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, TemporaryPostgres.USER, "");
        Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private Process start(String name, int port, String url, int smtpPort) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx384m", "-XX:+UseSerialGC", "-jar",
        JAR.toAbsolutePath().toString(),
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--va.node-name=" + name,
        "--va.security.users[0].id=nurse1",
        "--va.security.users[0].password=" + NURSE_PASSWORD,
        "--va.security.users[0].first-name=Nina",
        "--va.security.users[0].last-name=Alvarez",
        "--va.security.users[0].email=nurse1@healthplan.example",
        "--va.security.users[0].group=um-nurses",
        "--va.security.users[1].id=coord1",
        "--va.security.users[1].password=Cluster-Coordinator-Password-42",
        "--va.security.users[1].first-name=Colin",
        "--va.security.users[1].last-name=Brooks",
        "--va.security.users[1].email=coord1@healthplan.example",
        "--va.security.users[1].group=follow-up-coordinators")
        .redirectErrorStream(true)
        .redirectOutput(OUTPUT.resolve(name + ".log").toFile());
    builder.environment().put("VA_DB_URL", url);
    builder.environment().put("VA_DB_USER", TemporaryPostgres.USER);
    builder.environment().put("VA_DB_PASSWORD", "");
    builder.environment().put("VA_DB_POOL_SIZE", "15");
    builder.environment().put("VA_ADMIN_USER", "cluster-admin");
    builder.environment().put("VA_ADMIN_PASSWORD", "Cluster-Admin-Password-42");
    builder.environment().put("VA_ADMIN_EMAIL", "admin@healthplan.example");
    builder.environment().put("VA_PCP_LINK_SIGNING_KEY", "a-cluster-test-key-of-at-least-32-characters");
    builder.environment().put("VA_PUBLIC_BASE_URL", "https://va.cluster.example");
    Process process = builder.start();
    nodes.add(process);
    return process;
  }

  private void awaitReady(Process process, int port, String name) throws Exception {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as(name + " exited during start-up; see " + OUTPUT.resolve(name + ".log"))
          .isTrue();
      try {
        HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (readiness.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " not ready within " + READY_TIMEOUT + "; see " + OUTPUT.resolve(name + ".log"));
  }

  private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Authorization", NURSE);
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
