package com.healthplan.va.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthplan.va.VertebralAugmentationApplication;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.support.Http;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TemporaryPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How much the case API costs over a bare engine start with the same variables, measured in one run on one
 * machine. Not a test: a command (see the {@code benchmark} profile of the pom):
 *
 * <pre>mvn -B -Pbenchmark test-compile exec:java</pre>
 *
 * <p>Starts the application in-process with its shipped configuration (default profile, H2 file database with
 * {@code WRITE_DELAY=0}, job executor on) in a temporary directory, deploys a bare process
 * {@code benchmarkBareStart} (start, user task, end), then, with the same number of concurrent clients,
 * <ol>
 *   <li><b>bare</b>: {@code POST /engine-rest/process-definition/key/benchmarkBareStart/start} as {@code demo}
 *       with the intake as typed engine-REST variables;</li>
 *   <li><b>case</b>: {@code POST /api/cases} as {@code nurse1} with the intake as JSON.</li>
 * </ol>
 * Each measurement has a warm-up (both warm up before either is measured), then a fixed number of requests
 * (or a fixed duration). Prints throughput,
 * p50/p95 latency and the ratio case/bare; always exits normally.
 *
 * <p>Then the coordinators' board with 10,000 open cases against the engine's own instance list
 * ({@link BoardBenchmark}).
 *
 * <p>System properties: {@code bench.clients} (4), {@code bench.warmup} (50 requests),
 * {@code bench.requests} (400), {@code bench.seconds} (0: use {@code bench.requests}; otherwise measure for
 * that many seconds), {@code bench.rounds} (1: bare then case; more rounds alternate again).
 */
public final class IntakeBenchmark {

  static final String BARE_KEY = "benchmarkBareStart";
  private static final String ADMIN = Http.basic("demo", "demo");
  private static final String NURSE = Http.basic("nurse1", "nurse1");

  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private final LocalDate today;

  private IntakeBenchmark(int port, LocalDate today) {
    this.base = "http://127.0.0.1:" + port;
    this.today = today;
  }

  public static void main(String[] args) throws Exception {
    // the letters' PDF renderer logs through java.util.logging, at INFO for every letter
    java.util.logging.Logger.getLogger("com.openhtmltopdf").setLevel(java.util.logging.Level.WARNING);
    LoadSettings settings = LoadSettings.fromSystemProperties();
    Path dataDir = Files.createTempDirectory("va-intake-benchmark-");
    ConfigurableApplicationContext application = null;
    try {
      if ("year".equals(System.getProperty("bench.only"))) {
        year(dataDir);
        return;
      }
      long startedAt = System.nanoTime();
      application = start(dataDir);
      int port = ((WebServerApplicationContext) application).getWebServer().getPort();
      System.out.printf(Locale.ROOT, "Application started in %.1f s on port %d (database %s)%n",
          (System.nanoTime() - startedAt) / 1e9, port, dataDir.resolve("bench"));
      deployBareProcess(application.getBean(RepositoryService.class));

      IntakeBenchmark benchmark = new IntakeBenchmark(port, application.getBean(PlanCalendar.class).today());
      System.out.printf(Locale.ROOT, "%s%n%n", settings);
      List<LoadResult> results = new ArrayList<>();
      LoadRunner bare = LoadRunner.of("bare engine start", 200, benchmark::bareStart);
      LoadRunner cases = LoadRunner.of("case API", 201, benchmark::caseIntake);
      for (int round = 1; round <= settings.rounds(); round++) {
        // both warm up before either is measured: they share the engine's code, which the JIT compiles once, so
        // the one measured first would otherwise pay for the other's warm-up
        bare.warmUp(settings);
        cases.warmUp(settings);
        results.add(bare.measure(settings));
        results.add(cases.measure(settings));
      }
      report(results);
      new BoardBenchmark(application.getBean(JdbcTemplate.class), port,
          application.getBean(PlanCalendar.class).today()).run();
      application.close();
      application = null;
      year(dataDir);
    } catch (Exception e) {
      System.out.println("Benchmark failed: " + e);
      e.printStackTrace(System.out);
    } finally {
      if (application != null) {
        application.close();
      }
      deleteQuietly(dataDir);
    }
  }

  /**
   * A year of {@code bench.year.cases} cases (10,000; 0 skips it) on a new H2 file database, then on a temporary
   * PostgreSQL when Debian's package is installed ({@code bench.year.databases}, default {@code h2,postgres}), each
   * against the bare engine's year in the same application.
   */
  private static void year(Path dataDir) throws Exception {
    int cases = Integer.getInteger("bench.year.cases", 10_000);
    if (cases <= 0) {
      return;
    }
    List<String> databases = List.of(System.getProperty("bench.year.databases", "h2,postgres").split(","));
    if (databases.contains("h2")) {
      Path h2 = dataDir.resolve("year-h2");
      ConfigurableApplicationContext application = start(h2, "jdbc:h2:file:" + h2.toAbsolutePath().resolve("year")
          + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
      try {
        yearOn(application, "embedded H2", () -> directorySize(h2), cases, user -> user);
      } finally {
        application.close();
      }
    }
    if (!databases.contains("postgres") || TemporaryPostgres.binaries().isEmpty()) {
      System.out.println("Year on PostgreSQL skipped (not in bench.year.databases, or no Debian postgresql package)");
      return;
    }
    // PostgreSQL is a deployment, not the local run: its own users and passwords, an SMTP server of its own
    java.util.function.UnaryOperator<String> deployed = user -> "Year-Benchmark-" + user + "-Password-42";
    int smtpPort = freePort();
    com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
        new com.icegreen.greenmail.util.ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    smtp.start();
    try (TemporaryPostgres postgres = TemporaryPostgres.start()) {
      String url = postgres.createDatabase("year");
      List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=postgres",
          "--spring.datasource.username=" + TemporaryPostgres.USER, "--spring.datasource.password=",
          "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
          "--va.public-base-url=https://va.benchmark.example",
          "--va.follow-up.pcp-link-signing-key=a-benchmark-key-of-at-least-32-characters",
          "--va.security.admin.id=demo", "--va.security.admin.password=" + deployed.apply("demo"),
          "--va.security.admin.email=demo@healthplan.example"));
      String[][] users = {{"nurse1", "um-nurses"}, {"coord1", "follow-up-coordinators"},
          {"md1", "medical-directors"}, {"md2", "medical-directors"}};
      for (int i = 0; i < users.length; i++) {
        String prefix = "--va.security.users[" + i + "].";
        settings.addAll(List.of(prefix + "id=" + users[i][0], prefix + "password=" + deployed.apply(users[i][0]),
            prefix + "first-name=Year", prefix + "last-name=" + users[i][0], prefix + "group=" + users[i][1],
            prefix + "email=" + users[i][0] + "@healthplan.example"));
      }
      ConfigurableApplicationContext onPostgres = start(dataDir.resolve("year-pg"), url,
          settings.toArray(String[]::new));
      try {
        JdbcTemplate jdbc = onPostgres.getBean(JdbcTemplate.class);
        yearOn(onPostgres, "PostgreSQL", () -> jdbc.queryForObject("SELECT pg_database_size(current_database())",
            Long.class), cases, deployed);
      } finally {
        onPostgres.close();
      }
    } finally {
      smtp.stop();
    }
  }

  private static void yearOn(ConfigurableApplicationContext application, String database,
      java.util.function.LongSupplier bytes, int cases, java.util.function.UnaryOperator<String> passwords)
      throws Exception {
    int port = ((WebServerApplicationContext) application).getWebServer().getPort();
    YearBenchmark.deployBareYear(application.getBean(RepositoryService.class));
    YearBenchmark year = new YearBenchmark(application, database, bytes, port, cases, passwords);
    try {
      YearBenchmark.Figures bare = year.bare();
      YearBenchmark.Figures app = year.application();
      YearBenchmark.report(bare, app);
    } finally {
      year.close();
    }
  }

  private static long directorySize(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      if (Boolean.getBoolean("bench.year.listFiles")) {
        Files.walk(dir).filter(Files::isRegularFile).forEach(p -> System.out.println("  " + p + " "
            + p.toFile().length()));
      }
      return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The application as shipped, on a database of its own and free ports. */
  private static ConfigurableApplicationContext start(Path dataDir) {
    return start(dataDir, "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("bench")
        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
  }

  private static ConfigurableApplicationContext start(Path dataDir, String databaseUrl, String... more) {
    SpringApplication application = new SpringApplication(VertebralAugmentationApplication.class);
    int smtpPort = freePort();
    List<String> arguments = new ArrayList<>(List.of(
        // only the shipped application.yaml: the test classpath's config/application.yaml would otherwise switch
        // to an in-memory database and turn the job executor off
        "--spring.config.location=classpath:/application.yaml",
        "--server.port=0",
        "--spring.datasource.url=" + databaseUrl,
        "--va.mail.embedded-sink.smtp-port=" + smtpPort,
        "--va.mail.embedded-sink.imap-port=" + freePort(),
        "--spring.mail.port=" + smtpPort,
        "--logging.level.root=WARN"));
    for (String setting : more) {
      // a setting given again replaces the default above (Spring would join the two with a comma)
      String name = setting.substring(0, setting.indexOf('=') + 1);
      arguments.removeIf(argument -> argument.startsWith(name));
      arguments.add(setting);
    }
    return application.run(arguments.toArray(String[]::new));
  }

  private static void deployBareProcess(RepositoryService repository) {
    BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE_KEY).camundaHistoryTimeToLive(1)
        .startEvent().userTask().endEvent().done();
    repository.createDeployment().name("intake-benchmark").addModelInstance(BARE_KEY + ".bpmn", bare)
        .enableDuplicateFiltering(false).deploy();
  }

  /** The intake of request {@code n}: an eligible case with its own member id and patient name. */
  private Map<String, Object> intake(int n) {
    Map<String, Object> intake = Intakes.eligible(today);
    intake.put("memberId", "M-BENCH-" + n);
    intake.put("patientName", "Bench Patient " + n);
    return intake;
  }

  HttpRequest caseIntake(int n) {
    return post("/api/cases", NURSE, write(intake(n)));
  }

  /** The same intake as typed engine-REST variables. */
  HttpRequest bareStart(int n) {
    ObjectNode body = json.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    intake(n).forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      if (value instanceof String text) {
        variable.put("value", text).put("type", "String");
      } else if (value instanceof Integer number) {
        variable.put("value", number).put("type", "Integer");
      } else if (value instanceof Boolean flag) {
        variable.put("value", flag).put("type", "Boolean");
      } else if (value instanceof List<?> list) {
        variable.put("value", write(list)).put("type", "Object");
        variable.putObject("valueInfo").put("objectTypeName", "java.util.ArrayList")
            .put("serializationDataFormat", "application/json");
      } else {
        throw new IllegalArgumentException("No engine-REST type for " + name + " = " + value);
      }
    });
    return post("/engine-rest/process-definition/key/" + BARE_KEY + "/start", ADMIN, write(body));
  }

  private HttpRequest post(String path, String authorization, String body) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void report(List<LoadResult> results) {
    System.out.println();
    System.out.println(LoadResult.HEADER);
    results.forEach(result -> System.out.println(result.row()));
    double bare = LoadResult.throughput(results, "bare engine start");
    double cases = LoadResult.throughput(results, "case API");
    double ratio = bare == 0 ? 0 : cases / bare;
    System.out.println();
    System.out.printf(Locale.ROOT, "throughput bare engine start: %.1f starts/s; case API: %.1f cases/s%n", bare,
        cases);
    System.out.printf(Locale.ROOT, "ratio case/bare (throughput): %.2f%n", ratio);
    if (ratio < 0.5) {
      System.out.println("ratio below 0.5");
    }
    long errors = results.stream().mapToLong(LoadResult::errors).sum();
    if (errors > 0) {
      System.out.println("WARNING: " + errors + " request(s) failed; the figures above exclude them");
    }
    System.out.printf(Locale.ROOT, "machine: %d cores, load average now %.2f, Java %s, max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.out.println("Could not delete " + dir + ": " + e);
    }
  }
}
