package com.healthplan.va.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.procedure.DocumentationItem;
import com.healthplan.va.security.CaseRoles;
import com.healthplan.va.support.Http;
import com.healthplan.va.support.Intakes;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of a plan's work on one node, in the run of {@link IntakeBenchmark}: {@code bench.year.cases} (10,000) cases
 * arrive through {@code POST /api/cases} spread over 365 days of the engine's clock, each taken through the mix a
 * plan sees (approvals, partial approvals, requests for information, referrals, denials, appeals), documented,
 * scheduled and recorded; the clock then runs on, day by day, until every follow-up (1 week, 1 month, 3 months,
 * 1 year) has fallen due and been done, a third of the 3-month and 1-year ones by the patient's PCP (e-mail,
 * reminders, the report recorded days later). The job executor does the work: notices, timers, mails (to the
 * embedded SMTP sink). People's work is done through the engine's Java API (claim, complete) by four workers.
 *
 * <p>The baseline in the same run: a bare process with as many user tasks and timers per case (review,
 * documentation, schedule, record, then four timers each followed by a task), started through the engine REST and
 * driven by the same day loop. The last line reads {@code year: N cases in S s, R× bare}: the application's year
 * takes R times as long as the bare engine's.
 */
final class YearBenchmark {

  static final String BARE_YEAR_KEY = "benchmarkBareYear";
  private static final List<String> PHYSICIANS = List.of("md1", "md2");
  private static final int WORKERS = 4;

  private final ConfigurableApplicationContext application;
  private final String database;
  private final LongSupplier databaseBytes;
  private final int port;
  private final int cases;
  /** Each demo user's password on this database: the user name in the local run, a deployment's otherwise. */
  private final java.util.function.UnaryOperator<String> passwords;
  private final ProcessEngine engine;
  private final TaskService tasks;
  private final ManagementService management;
  private final JdbcTemplate jdbc;
  private final PlanCalendar calendar;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
  /** What each case's people decide, by case id: drawn once per case from the seed. */
  private final Map<String, Plan> plans = new ConcurrentHashMap<>();
  /** When a PCP report task was first seen, by task id: the report comes back some days later. */
  private final Map<String, LocalDate> pcpTaskSeen = new ConcurrentHashMap<>();
  /** Tasks the application refused: reported once, not tried again. */
  private final Map<String, Boolean> refusedTasks = new ConcurrentHashMap<>();
  private final Random random = new Random(Long.getLong("bench.year.seed", 20270101L));

  private final List<Long> postMillis = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> getMillis = Collections.synchronizedList(new ArrayList<>());
  private long intakeNanos;
  private long drainNanos;
  private long completions;
  private long failures;

  YearBenchmark(ConfigurableApplicationContext application, String database, LongSupplier databaseBytes, int port,
      int cases, java.util.function.UnaryOperator<String> passwords) {
    this.passwords = passwords;
    this.application = application;
    this.database = database;
    this.databaseBytes = databaseBytes;
    this.port = port;
    this.cases = cases;
    this.engine = application.getBean(ProcessEngine.class);
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.jdbc = application.getBean(JdbcTemplate.class);
    this.calendar = application.getBean(PlanCalendar.class);
  }

  /** A case's decisions: how the nurse reviews, what a physician decides, whether the denial is appealed. */
  private record Plan(String review, String physician, boolean appeal, boolean overturn, boolean deferToPcp,
      int scheduleInDays, int pcpReportAfterDays) {
  }

  private Plan draw() {
    int review = random.nextInt(100);
    int physician = random.nextInt(100);
    return new Plan(review < 72 ? "APPROVE" : review < 82 ? "REQUEST_INFORMATION" : "REFER",
        physician < 60 ? "APPROVE" : physician < 80 ? "APPROVE_ONE_LEVEL" : "DENY", random.nextBoolean(),
        random.nextBoolean(), random.nextInt(3) == 0, 1 + random.nextInt(14), 2 + random.nextInt(12));
  }

  /** The figures of one year. */
  record Figures(String label, int cases, double seconds, double intakePerSecond, long[] post, long[] get,
      double jobsPerSecond, double followUpJobsPerSecond, double mailsPerSecond, long mails, long jobs,
      Map<String, Long> statuses, long incidents, long heapAfter1000, long heapAfterAll, long bytesAfterAll,
      Map<String, long[]> queries) {
  }

  /** The bare engine's year: the same days, the same number of tasks and timers per case, no application. */
  static void deployBareYear(RepositoryService repository) {
    BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE_YEAR_KEY).camundaHistoryTimeToLive(1)
        .startEvent().userTask("review").userTask("documentation").userTask("schedule").userTask("record")
        .intermediateCatchEvent("week").timerWithDuration("P7D").userTask("followUpWeek")
        .intermediateCatchEvent("month").timerWithDuration("P23D").userTask("followUpMonth")
        .intermediateCatchEvent("quarter").timerWithDuration("P61D").userTask("followUpQuarter")
        .intermediateCatchEvent("year").timerWithDuration("P274D").userTask("followUpYear")
        .endEvent().done();
    repository.createDeployment().name("year-benchmark").addModelInstance(BARE_YEAR_KEY + ".bpmn", bare)
        .enableDuplicateFiltering(false).deploy();
  }

  Figures bare() throws Exception {
    return run("bare engine", true);
  }

  Figures application() throws Exception {
    return run("application (" + database + ")", false);
  }

  private Figures run(String label, boolean bare) throws Exception {
    Instant started = Instant.now();
    ZoneId zone = calendar.zone();
    LocalDate first = LocalDate.now(zone).plusDays(1);
    long mailsBefore = count("SELECT COUNT(*) FROM va_sent_mail");
    long jobsBefore = successfulJobs(null);
    long followUpJobsBefore = successfulJobs("vertebralAugmentationFollowUp");
    long heapAfter1000 = -1;
    int taken = 0;
    Map<String, long[]> queries = new TreeMap<>();
    long yearStart = System.nanoTime();
    // every case arrives within 365 days; the last one's 1-year follow-up, its PCP and reminders need 400 more
    for (int day = 0; day < 365 + 400; day++) {
      LocalDate today = first.plusDays(day);
      setClock(today.atTime(9, 0).atZone(zone).toInstant());
      int arriving = (int) ((long) cases * Math.min(day + 1, 365) / 365) - taken;
      if (day < 365 && arriving > 0) {
        taken += intake(taken, arriving, bare);
        if (heapAfter1000 < 0 && taken >= Math.min(1000, cases)) {
          heapAfter1000 = usedHeap();
        }
      }
      settle(today, bare);
      if (day == 364) {
        queries = bare ? Map.of() : peakQueries();
      }
      if (day >= 365 && openInstances(bare) == 0) {
        break;
      }
    }
    double seconds = (System.nanoTime() - yearStart) / 1e9;
    long mails = count("SELECT COUNT(*) FROM va_sent_mail") - mailsBefore;
    long jobs = successfulJobs(null) - jobsBefore;
    long followUpJobs = successfulJobs("vertebralAugmentationFollowUp") - followUpJobsBefore;
    double drainSeconds = Math.max(drainNanos / 1e9, 1e-3);
    Map<String, Long> statuses = new TreeMap<>();
    if (!bare) {
      jdbc.queryForList("SELECT status, COUNT(*) AS n FROM va_case GROUP BY status").forEach(row ->
          statuses.put(String.valueOf(row.get("status")), ((Number) row.get("n")).longValue()));
    } else {
      statuses.put("bare instances ended", engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(BARE_YEAR_KEY).finished().count());
    }
    Figures figures = new Figures(label, taken, seconds, taken / Math.max(intakeNanos / 1e9, 1e-3),
        sorted(postMillis), sorted(getMillis), jobs / drainSeconds, followUpJobs / drainSeconds,
        mails / drainSeconds, mails, jobs, statuses, engine.getRuntimeService().createIncidentQuery().count(), heapAfter1000,
        usedHeap(), databaseBytes.getAsLong(), queries);
    postMillis.clear();
    getMillis.clear();
    intakeNanos = 0;
    drainNanos = 0;
    System.out.printf(Locale.ROOT, "[year] %s done in %.0f s (started %s), %d task completions, %d refused%n", label,
        seconds, started, completions, failures);
    completions = 0;
    failures = 0;
    return figures;
  }

  // --- intake -----------------------------------------------------------------------------------------------------

  /** Takes in {@code count} cases with four clients, measuring each POST and one GET of what it made. */
  private int intake(int offset, int count, boolean bare) throws Exception {
    long started = System.nanoTime();
    List<Future<Boolean>> done = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = offset + i;
      done.add(workers.submit(() -> bare ? bareStart(n) : caseIntake(n)));
    }
    int taken = 0;
    for (Future<Boolean> one : done) {
      taken += one.get() ? 1 : 0;
    }
    intakeNanos += System.nanoTime() - started;
    return taken;
  }

  private boolean caseIntake(int n) throws Exception {
    Map<String, Object> intake = Intakes.eligible(calendar.today());
    intake.put("memberId", "M-YEAR-" + n);
    intake.put("patientName", "Year Patient " + n);
    if (n % 3 == 0) {
      intake.put("fractureLevels", new ArrayList<>(List.of("T11", "T12", "L1")));
    }
    HttpResponse<String> created = timed(postMillis, post("/api/cases", auth("nurse1"),
        json.writeValueAsString(intake)));
    if (created.statusCode() != 201) {
      System.out.println("[year] intake refused: HTTP " + created.statusCode());
      return false;
    }
    String caseId = json.readTree(created.body()).path("caseId").asText();
    plans.put(caseId, draw());
    timed(getMillis, HttpRequest.newBuilder(URI.create(base() + "/api/cases/" + caseId))
        .header("Authorization", auth("nurse1")).GET().build());
    return true;
  }

  private boolean bareStart(int n) throws Exception {
    String body = "{\"businessKey\": \"BARE-" + n + "\", \"variables\": {\"memberId\": {\"value\": \"M-YEAR-" + n
        + "\", \"type\": \"String\"}}}";
    HttpResponse<String> started = timed(postMillis, post("/engine-rest/process-definition/key/" + BARE_YEAR_KEY
        + "/start", auth("demo"), body));
    if (started.statusCode() != 200) {
      return false;
    }
    String id = json.readTree(started.body()).path("id").asText();
    timed(getMillis, HttpRequest.newBuilder(URI.create(base() + "/engine-rest/process-instance/" + id))
        .header("Authorization", auth("demo")).GET().build());
    return true;
  }

  // --- the day's work ---------------------------------------------------------------------------------------------

  /** Runs the day: jobs due, then every task people would do today, until nothing more is to be done today. */
  private void settle(LocalDate today, boolean bare) throws Exception {
    for (int round = 0; round < 20; round++) {
      drainJobs();
      List<Future<Boolean>> work = new ArrayList<>();
      for (Task task : tasks.createTaskQuery().active().list()) {
        if (bare != BARE_YEAR_KEY.equals(definitionKey(task)) || refusedTasks.containsKey(task.getId())) {
          continue;
        }
        Map<String, Object> values = bare ? Map.of() : decide(task, today);
        if (values == null) {
          continue;
        }
        String user = bare ? "demo" : userFor(task);
        work.add(workers.submit(() -> complete(task, user, values)));
      }
      if (work.isEmpty()) {
        return;
      }
      for (Future<Boolean> done : work) {
        if (done.get()) {
          completions++;
        } else {
          failures++;
        }
      }
    }
  }

  private final Map<String, String> definitionKeys = new ConcurrentHashMap<>();

  private String definitionKey(Task task) {
    return definitionKeys.computeIfAbsent(task.getProcessDefinitionId(),
        id -> engine.getRepositoryService().getProcessDefinition(id).getKey());
  }

  /** The values the person completes the task with today, or null when it waits for another day. */
  private Map<String, Object> decide(Task task, LocalDate today) {
    String caseId = caseIdOf(task);
    Plan plan = plans.computeIfAbsent(caseId, id -> draw());
    Map<String, Object> values = new HashMap<>();
    switch (task.getTaskDefinitionKey()) {
      case "UserTask_ReviewCriteria" -> {
        boolean askedBefore = count("SELECT information_request_count FROM va_case WHERE case_id = '"
            + caseId.replace("'", "") + "'") > 0;
        String review = "REQUEST_INFORMATION".equals(plan.review()) && askedBefore ? "APPROVE" : plan.review();
        switch (review) {
          case "APPROVE" -> {
            values.put("reviewDecision", "APPROVE");
            values.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()));
          }
          case "REQUEST_INFORMATION" -> {
            values.put("reviewDecision", "REQUEST_INFORMATION");
            values.put("requestedInformation", "Physical therapy notes of the last 6 weeks.");
          }
          default -> {
            values.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
            values.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()));
            values.put("reviewNote", "Please review the levels.");
          }
        }
      }
      case "UserTask_RecordRequestedInformation" -> values.put("informationReceivedNote", "Notes received.");
      case "UserTask_ReviewAsMedicalDirector" -> {
        values.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()));
        values.put("medicalDirectorRationale", "Reviewed against the policy.");
        List<String> levels = application.getBean(com.healthplan.va.casefile.CaseRepository.class).get(caseId)
            .intake().fractureLevels();
        if ("DENY".equals(plan.physician())) {
          values.put("medicalDirectorDecision", "DENY");
          values.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes().stream()
              .filter(code -> !code.equals("NOT_REFRACTORY_TO_CONSERVATIVE_CARE")).toList()));
        } else {
          values.put("medicalDirectorDecision", "APPROVE");
          if ("APPROVE_ONE_LEVEL".equals(plan.physician()) && levels.size() > 1) {
            values.put("approvedLevels", new ArrayList<>(levels.subList(0, 1)));
          }
        }
      }
      case "UserTask_RecordAppeal" -> {
        return null; // an appeal is filed by the nurse when the plan says so (below), not by completing this task
      }
      case "UserTask_ReviewAppeal" -> {
        values.put("appealDecision", plan.overturn() ? "OVERTURN" : "UPHOLD");
        values.put("appealRationale", plan.overturn() ? "Met on the new records." : "Still not met.");
      }
      case "UserTask_ReviewDocumentation" -> values.put("documentationConfirmed",
          new ArrayList<>(Arrays.stream(DocumentationItem.values()).map(Enum::name).toList()));
      case "UserTask_ScheduleProcedure" -> {
        values.put("scheduleDecision", "SCHEDULE");
        values.put("facilityName", "Riverside Surgical Center");
        values.put("scheduledDate", today.plusDays(plan.scheduleInDays()).toString());
        values.put("setting", "OUTPATIENT");
        values.put("inpatientJustification", null);
        if (plan.deferToPcp()) {
          values.put("deferredToPcp", new ArrayList<>(List.of("THREE_MONTHS", "ONE_YEAR")));
        }
      }
      case "UserTask_RecordProcedure" -> {
        Object date = tasks.getVariable(task.getId(), "scheduledDate");
        LocalDate scheduled = date == null ? today : LocalDate.parse(date.toString());
        if (today.isBefore(scheduled)) {
          return null;
        }
        values.put("recordDecision", "RECORD");
        values.put("procedureDate", scheduled.toString());
        Object approved = tasks.getVariable(task.getId(), "approvedLevels");
        values.put("levelsTreated", approved instanceof List<?> list ? new ArrayList<>(list)
            : new ArrayList<>(List.of("T12", "L1")));
        values.put("imagingGuidance", "FLUOROSCOPY");
        values.put("trocarPlacementImagesRetained", true);
        values.put("finalVertebralBodyImagesRetained", true);
        values.put("operativeNarrativeReceived", true);
        values.put("openSpineProcedureSameSession", false);
        values.put("biopsyLevels", new ArrayList<>());
        values.put("earlyProcedureRationale", null);
      }
      case "UserTask_ResolvePaymentFindings" -> values.put("paymentFindingsNote", "Reviewed with the facility.");
      case "UserTask_FollowUp" -> scores(values, "TELEPHONE");
      case "UserTask_RecordPcpReport" -> {
        LocalDate seen = pcpTaskSeen.computeIfAbsent(task.getId(), id -> today);
        if (today.isBefore(seen.plusDays(plan.pcpReportAfterDays()))) {
          return null;
        }
        scores(values, "PCP_REPORT");
      }
      default -> {
        return null;
      }
    }
    return values;
  }

  private void scores(Map<String, Object> values, String contactMethod) {
    values.put("contactMethod", contactMethod);
    values.put("painScore", random.nextInt(5));
    values.put("comfortScore", 5 + random.nextInt(6));
    values.put("activityScore", 5 + random.nextInt(6));
    values.put("followUpNote", "Walking daily.");
  }

  private String userFor(Task task) {
    return switch (task.getTaskDefinitionKey()) {
      case "UserTask_ReviewAsMedicalDirector" -> "md1";
      case "UserTask_ReviewAppeal" -> "md2";
      case "UserTask_ScheduleProcedure", "UserTask_RecordProcedure", "UserTask_ResolvePaymentFindings",
          "UserTask_RecordPcpReport" -> "coord1";
      default -> "nurse1";
    };
  }

  private String caseIdOf(Task task) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
  }

  /** Claims and completes as the user; a denial the plan appeals is appealed right after its notice. */
  private boolean complete(Task task, String user, Map<String, Object> values) {
    // the phase may end with the task, so its case is looked up first
    String caseId = "DENY".equals(values.get("medicalDirectorDecision")) ? caseIdOf(task) : null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        if (task.getAssignee() == null || attempt > 0) {
          tasks.setAssignee(task.getId(), user);
        }
        tasks.complete(task.getId(), new HashMap<>(values));
        if (caseId != null) {
          appealIfPlanned(caseId);
        }
        return true;
      } catch (OptimisticLockingException concurrent) {
        // another worker touched the same case; try again
      } catch (RuntimeException refused) {
        refusedTasks.put(task.getId(), true);
        if (failures < 5) {
          System.out.println("[year] " + task.getTaskDefinitionKey() + " refused: "
              + String.valueOf(refused.getMessage()).lines().findFirst().orElse(""));
        }
        return false;
      }
    }
    return false;
  }

  private void appealIfPlanned(String caseId) {
    Plan plan = plans.get(caseId);
    if (plan == null || !plan.appeal()) {
      return;
    }
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication("nurse1", List.of(CaseRoles.NURSES));
    try {
      application.getBean(com.healthplan.va.appeal.Appeals.class).file(caseId, Map.of("requestedBy", "PROVIDER",
          "reason", "New records attached.", "urgency", "STANDARD"));
    } catch (RuntimeException refused) {
      failures++;
    } finally {
      identity.clearAuthentication();
    }
  }

  // --- the engine's clock and job executor ------------------------------------------------------------------------

  private void setClock(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
    // the executor sleeps between acquisitions; a moved clock makes timers due that it does not know of
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
  }

  /** Waits until the job executor has run every job due now. */
  private void drainJobs() throws InterruptedException {
    long started = System.nanoTime();
    var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    while (management.createJobQuery().executable().count() > 0) {
      executor.jobWasAdded();
      Thread.sleep(20);
      if (System.nanoTime() - started > 120e9) {
        System.out.println("[year] jobs still due after 120 s: "
            + management.createJobQuery().executable().count());
        break;
      }
    }
    drainNanos += System.nanoTime() - started;
  }

  private long openInstances(boolean bare) {
    RuntimeService runtime = engine.getRuntimeService();
    return bare ? runtime.createProcessInstanceQuery().processDefinitionKey(BARE_YEAR_KEY).count()
        : runtime.createProcessInstanceQuery().processDefinitionKey("vertebralAugmentationCase").count();
  }

  private long successfulJobs(String processDefinitionKey) {
    HistoryService history = engine.getHistoryService();
    var query = history.createHistoricJobLogQuery().successLog();
    return processDefinitionKey == null ? query.count() : query.processDefinitionKey(processDefinitionKey).count();
  }

  // --- queries at the year's peak ---------------------------------------------------------------------------------

  /** Tasklist's follow-up filters as a coordinator, and the board, with the year's cases open: p50 and p95. */
  private Map<String, long[]> peakQueries() {
    Map<String, long[]> figures = new TreeMap<>();
    FilterService filters = engine.getFilterService();
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication("coord1", List.of(CaseRoles.COORDINATORS));
    try {
      for (String name : List.of("Follow-ups due today", "Overdue follow-ups")) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter != null) {
          figures.put("Tasklist filter \"" + name + "\"", measure(() -> filters.list(filter.getId()).size()));
        }
      }
    } finally {
      identity.clearAuthentication();
    }
    Http coordinator = new Http(port);
    if (coordinator.loginToWebapp("cockpit", "coord1", passwords.apply("coord1")) == 200) {
      figures.put("Cockpit board, every open case", measure(() -> coordinator.get(
          "/camunda/api/cockpit/plugin/vertebral-augmentation/default/board").body().length()));
    }
    figures.put("open cases", new long[] {count("SELECT COUNT(*) FROM va_case WHERE status NOT IN ('CLOSED', "
        + "'DENIED', 'CLOSED_INCOMPLETE', 'WITHDRAWN')")});
    return figures;
  }

  private static long[] measure(java.util.function.IntSupplier query) {
    for (int i = 0; i < 3; i++) {
      query.getAsInt();
    }
    long[] millis = new long[20];
    for (int i = 0; i < millis.length; i++) {
      long started = System.nanoTime();
      query.getAsInt();
      millis[i] = (System.nanoTime() - started) / 1_000_000;
    }
    Arrays.sort(millis);
    return new long[] {millis[10], millis[18]};
  }

  // --- helpers ----------------------------------------------------------------------------------------------------

  private String auth(String user) {
    return Http.basic(user, passwords.apply(user));
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private HttpRequest post(String path, String authorization, String body) {
    return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpResponse<String> timed(List<Long> into, HttpRequest request) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    into.add((System.nanoTime() - started) / 1_000_000);
    return response;
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }

  private static long[] sorted(List<Long> millis) {
    long[] values = millis.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(values);
    return values;
  }

  static long usedHeap() {
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  void close() {
    workers.shutdownNow();
    ClockUtil.reset();
  }

  // --- the report -------------------------------------------------------------------------------------------------

  static void report(Figures bare, Figures app) {
    System.out.println();
    System.out.printf(Locale.ROOT, "Year on %s: %d cases%n", app.label(), app.cases());
    row("time of the year (s)", bare.seconds(), app.seconds(), bare.seconds() / Math.max(app.seconds(), 1e-3));
    row("intake (cases/s; bare: starts/s)", bare.intakePerSecond(), app.intakePerSecond(),
        app.intakePerSecond() / Math.max(bare.intakePerSecond(), 1e-3));
    percentiles("POST p50/p95/p99 ms", bare.post(), app.post());
    percentiles("GET p50/p95/p99 ms", bare.get(), app.get());
    row("jobs/s while the executor works", bare.jobsPerSecond(), app.jobsPerSecond(),
        app.jobsPerSecond() / Math.max(bare.jobsPerSecond(), 1e-3));
    System.out.printf(Locale.ROOT, "  %-40s %10s %10.1f%n", "follow-up jobs/s", "-", app.followUpJobsPerSecond());
    System.out.printf(Locale.ROOT, "  %-40s %10s %10.1f  (%d mails, %d jobs in all)%n", "mails/s", "-",
        app.mailsPerSecond(), app.mails(), app.jobs());
    app.queries().forEach((what, millis) -> System.out.printf(Locale.ROOT, "  %-40s %s%n", what,
        millis.length == 1 ? String.valueOf(millis[0]) : "p50 " + millis[0] + " ms, p95 " + millis[1] + " ms"));
    System.out.printf(Locale.ROOT, "  heap after %,d cases %d MB, after %,d cases %d MB (%.2f×)%n",
        Math.min(1000, app.cases()), app.heapAfter1000() >> 20, app.cases(), app.heapAfterAll() >> 20,
        app.heapAfterAll() / (double) Math.max(app.heapAfter1000(), 1));
    System.out.printf(Locale.ROOT, "  database %d MB, %.1f MB per 1,000 cases (engine history included, no clean-up)"
        + "%n", app.bytesAfterAll() >> 20, app.bytesAfterAll() / 1048576.0 / Math.max(app.cases(), 1) * 1000);
    System.out.println("  final statuses " + app.statuses() + "; incidents " + app.incidents());
    System.out.printf(Locale.ROOT, "year: %d cases in %.0f s, %.2f× bare%n", app.cases(), app.seconds(),
        app.seconds() / Math.max(bare.seconds(), 1e-3));
  }

  private static void row(String what, double bare, double app, double ratio) {
    System.out.printf(Locale.ROOT, "  %-40s %10.1f %10.1f  ratio %.2f%n", what, bare, app, ratio);
  }

  private static void percentiles(String what, long[] bare, long[] app) {
    System.out.printf(Locale.ROOT, "  %-40s %10s %10s%n", what, p(bare), p(app));
  }

  private static String p(long[] millis) {
    if (millis.length == 0) {
      return "-";
    }
    return millis[millis.length / 2] + "/" + millis[(int) Math.min(millis.length - 1, Math.ceil(millis.length * 0.95)
        - 1)] + "/" + millis[(int) Math.min(millis.length - 1, Math.ceil(millis.length * 0.99) - 1)];
  }
}
