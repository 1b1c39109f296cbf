package com.healthplan.va.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.support.Http;
import com.healthplan.va.support.Intakes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A case answered {@code 201 Created} survives a crash of the application. The packaged jar runs as a child
 * process exactly as shipped (default profile, H2 file database under {@code ./data} of its working directory);
 * eight clients open cases while the process is killed with SIGKILL; after a restart on the same working
 * directory every acknowledged case is there, whole, and case ids are never handed out twice.
 *
 * <p>Treats the application as a black box: only {@code POST /api/cases} and {@code GET /api/cases/{id}}.
 */
class CrashDurabilityIT {

  private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
  private static final Path JAR = BASEDIR.resolve("target/vertebral-augmentation-0.1.0-SNAPSHOT.jar");
  private static final Path OUTPUT = BASEDIR.resolve("target/crash-durability");
  private static final String NURSE = Http.basic("nurse1", "nurse1");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(4);
  private static final Duration MAX_LOAD_BEFORE_KILL = Duration.ofSeconds(20);
  private static final int CLIENTS = 8;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> processes = new ArrayList<>();

  /** What a client sent and what the application acknowledged. */
  private record Acknowledged(String caseId, String memberId, String patientName) {
  }

  @AfterEach
  void destroyApplications() throws InterruptedException {
    for (Process process : processes) {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void everyAcknowledgedCaseSurvivesAKillDashNine() throws Exception {
    assertThat(JAR).as("packaged application (run after 'package')").isRegularFile();
    Files.createDirectories(OUTPUT);
    Path workDir = Files.createTempDirectory(OUTPUT, "work-");

    int port = freePort();
    Process first = start(workDir, port, "first");
    awaitReady(first, port, "first");

    // 8 clients open cases until the process dies under them
    ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicInteger attempted = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    CountDownLatch clientsDone = new CountDownLatch(CLIENTS);
    LocalDate today = LocalDate.now(planZone());
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      Thread thread = new Thread(() -> {
        try {
          for (int n = 0; !killed.get(); n++) {
            String memberId = "M-CRASH-" + client + "-" + n;
            String patientName = "Crash Patient " + client + "-" + n;
            Map<String, Object> intake = Intakes.eligible(today);
            intake.put("memberId", memberId);
            intake.put("patientName", patientName);
            attempted.incrementAndGet();
            try {
              HttpResponse<String> response = post(port, json.writeValueAsString(intake));
              if (response.statusCode() == 201) {
                String location = response.headers().firstValue("Location").orElseThrow();
                acknowledged.add(new Acknowledged(location.substring(location.lastIndexOf('/') + 1), memberId,
                    patientName));
              } else {
                refused.incrementAndGet();
                System.out.println("[crash-test] unexpected " + response.statusCode() + ": " + response.body());
              }
            } catch (IOException inFlightAtTheCrash) {
              failed.incrementAndGet();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Exception e) {
          e.printStackTrace();
        } finally {
          clientsDone.countDown();
        }
      }, "crash-client-" + c);
      thread.setDaemon(true);
      thread.start();
    }
    // ~4 s of load; on a very busy machine a little longer, until a few cases are acknowledged
    long loadStarted = System.nanoTime();
    Thread.sleep(LOAD_BEFORE_KILL.toMillis());
    while (acknowledged.size() < CLIENTS && System.nanoTime() - loadStarted < MAX_LOAD_BEFORE_KILL.toNanos()) {
      Thread.sleep(100);
    }
    int acknowledgedBeforeKill = acknowledged.size();
    first.destroyForcibly(); // SIGKILL: no shutdown hooks, no H2 close
    killed.set(true); // clients finish the request they are in (it fails) and stop
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("killed process ended").isTrue();
    assertThat(clientsDone.await(40, TimeUnit.SECONDS)).as("clients stopped").isTrue();
    List<Acknowledged> acks = List.copyOf(acknowledged);
    System.out.printf("[crash-test] attempted=%d acknowledged=%d (%d when the kill was sent) failed-in-flight=%d "
        + "other-status=%d exit=%d%n", attempted.get(), acks.size(), acknowledgedBeforeKill, failed.get(),
        refused.get(), first.exitValue());
    assertThat(refused.get()).as("intakes answered other than 201 before the crash").isZero();
    assertThat(acks).as("cases acknowledged before the crash").isNotEmpty();
    assertThat(failed.get()).as("requests cut off by the crash (the kill hit the load)").isPositive();

    Set<String> ids = acks.stream().map(Acknowledged::caseId).collect(Collectors.toSet());
    assertThat(ids).as("acknowledged case ids are unique").hasSize(acks.size());

    // restart on the same working directory (same ./data) and look for every acknowledged case
    int port2 = freePort();
    Process second = start(workDir, port2, "second");
    awaitReady(second, port2, "second");
    List<String> problems = new ArrayList<>();
    int found = 0;
    for (Acknowledged ack : acks) {
      HttpResponse<String> response = get(port2, "/api/cases/" + ack.caseId());
      if (response.statusCode() != 200) {
        problems.add(ack.caseId() + ": GET answered " + response.statusCode());
        continue;
      }
      List<String> missing = wholeCaseProblems(json.readTree(response.body()), ack);
      if (missing.isEmpty()) {
        found++;
      } else {
        problems.add(ack.caseId() + ": " + missing);
      }
    }
    System.out.printf("[crash-test] acknowledged=%d found-whole-after-restart=%d%n", acks.size(), found);
    assertThat(problems).as("acknowledged cases missing or incomplete after the crash").isEmpty();
    assertThat(found).isEqualTo(acks.size());

    // a case opened after the restart does not reuse an acknowledged number
    Map<String, Object> after = Intakes.eligible(LocalDate.now(planZone()));
    after.put("memberId", "M-CRASH-AFTER");
    after.put("patientName", "After Restart");
    HttpResponse<String> response = post(port2, json.writeValueAsString(after));
    assertThat(response.statusCode()).as("intake after restart: " + response.body()).isEqualTo(201);
    String newId = json.readTree(response.body()).path("caseId").asText();
    System.out.printf("[crash-test] case after restart=%s (acknowledged before: %s .. %s)%n", newId,
        ids.stream().min(String::compareTo).orElse("-"), ids.stream().max(String::compareTo).orElse("-"));
    assertThat(newId).matches("VA-[0-9]{4}-[0-9]{6}").isNotIn(ids);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/cases/" + newId);

    // passed: stop normally and keep only the logs (a failed run keeps its database for a look)
    second.destroy();
    second.waitFor(30, TimeUnit.SECONDS);
    deleteRecursively(workDir);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static List<String> wholeCaseProblems(JsonNode view, Acknowledged ack) {
    List<String> problems = new ArrayList<>();
    expect(problems, "caseId", view.path("caseId").asText(), ack.caseId());
    expect(problems, "memberId", view.path("memberId").asText(), ack.memberId());
    expect(problems, "patientName", view.path("patientName").asText(), ack.patientName());
    expect(problems, "status", view.path("status").asText(), "IN_REVIEW");
    // an eligible intake: the recorded prescreen finds every criterion met (a missing one reads as not met)
    if (!view.path("prescreen").path("meetsCriteria").asBoolean(false)) {
      problems.add("prescreen missing or not met: " + view.path("prescreen"));
    }
    if (view.path("determinationDueAt").asText("").isEmpty()) {
      problems.add("determinationDueAt missing");
    }
    return problems;
  }

  private static void expect(List<String> problems, String field, String actual, String expected) {
    if (!expected.equals(actual)) {
      problems.add(field + "=" + actual + " (expected " + expected + ")");
    }
  }

  /** The packaged jar in the given working directory, default profile, nothing from this environment. */
  private Process start(Path workDir, int port, String name) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx384m", "-jar", JAR.toAbsolutePath().toString(),
        "--server.port=" + port,
        "--va.mail.embedded-sink.smtp-port=" + freePort(),
        "--va.mail.embedded-sink.imap-port=" + freePort())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(OUTPUT.resolve(workDir.getFileName() + "-" + name + ".log").toFile());
    // exercise the shipped configuration, not whatever this shell exports
    builder.environment().keySet().removeIf(key -> key.startsWith("VA_") || key.startsWith("SPRING_"));
    Process process = builder.start();
    processes.add(process);
    // should this JVM itself be stopped before @AfterEach runs
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return process;
  }

  /** Ready when the case API answers an unknown case with 404 for the nurse. */
  private void awaitReady(Process process, int port, String name) throws Exception {
    long started = System.nanoTime();
    long deadline = started + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("The " + name + " application ended with " + process.exitValue() + " before it was ready; see "
            + OUTPUT);
      }
      try {
        int status = get(port, "/api/cases/VA-2000-000001").statusCode();
        if (status == 404) {
          System.out.printf("[crash-test] %s start ready after %d ms%n", name,
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
          return;
        }
        if (status == 401 || status == 403) {
          fail("Readiness check answered " + status + ": the demo user nurse1 is not accepted");
        }
      } catch (ConnectException | java.net.http.HttpConnectTimeoutException notListeningYet) {
        // starting
      } catch (IOException stillStarting) {
        // e.g. connection reset while Tomcat comes up
      }
      Thread.sleep(250);
    }
    fail("The " + name + " application was not ready within " + READY_TIMEOUT + "; see " + OUTPUT);
  }

  private HttpResponse<String> post(int port, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", NURSE)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", NURSE).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The plan's zone of the shipped configuration: the intake's "today" (request date not in the future). */
  private static ZoneId planZone() {
    return ZoneId.of("America/New_York");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
