package com.healthplan.va.histories;

import com.healthplan.va.appeal.Appeals;
import com.healthplan.va.casefile.Appeal;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CasePhase;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.DeterminationOutcome;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.followup.FollowUpReports;
import com.healthplan.va.followup.FollowUpRepository;
import com.healthplan.va.procedure.ProcedureTestSupport;
import com.healthplan.va.security.CaseRoles;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TestMailServer;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whole case histories, generated: a seeded random walk drives cases through every decision of every phase (approve,
 * approve in part, request information with and without extension, information received or lapsed, refer, deny,
 * appeal overturned or upheld, partial appeal, withdraw, reschedule, a date past the approval, late and early
 * procedure records, follow-ups done, deferred, overdue, PCP reports by fax, an administrator's cancellation),
 * moving the engine's clock, and after every step checks the case's invariants (see {@link #checkInvariants}).
 *
 * <p>As many histories run as fit in {@code va.histories.seconds} (default 240), at most {@code va.histories.max}
 * (default 250, the first 250 seeds, all checked); {@code va.histories.count} runs
 * exactly that many instead, {@code va.histories.seed} starts from another seed. A failure prints the history's
 * seed and its steps; {@code -Dva.histories.seed=S -Dva.histories.count=1} replays it.
 */
class WholeCaseHistoriesTest extends ProcedureTestSupport {

  private static final int MAX_STEPS = 70;
  /** A third physician: with the two demo physicians, two adverse decisions exclude everyone from a new round. */
  private static final String THIRD_PHYSICIAN = "md-histories";
  private static final List<String> PHYSICIANS = List.of("md1", "md2", THIRD_PHYSICIAN);

  @Autowired CaseLifecycle lifecycle;
  @Autowired Appeals appeals;
  @Autowired FollowUpReports reports;
  @Autowired FollowUpRepository followUps;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void generatedHistoriesKeepEveryInvariant() {
    ensureThirdPhysician();
    long firstSeed = Long.getLong("va.histories.seed", 20261203L);
    Integer count = Integer.getInteger("va.histories.count");
    long budget = Duration.ofSeconds(Long.getLong("va.histories.seconds", 240L)).toNanos();
    long started = System.nanoTime();
    int histories = 0;
    int steps = 0;
    Map<String, Integer> endings = new java.util.TreeMap<>();
    int max = Integer.getInteger("va.histories.max", 250);
    while (count != null ? histories < count : histories < max && System.nanoTime() - started < budget) {
      History history = new History(firstSeed + histories);
      try {
        history.run();
      } catch (Throwable failure) {
        throw new AssertionError("History with seed " + history.seed + " (replay: -Dva.histories.seed="
            + history.seed + " -Dva.histories.count=1) failed after its steps:\n  "
            + String.join("\n  ", history.steps) + "\n" + failure.getMessage(), failure);
      } finally {
        ClockUtil.reset();
        identityService.clearAuthentication();
      }
      histories++;
      steps += history.steps.size();
      endings.merge(history.ending(), 1, Integer::sum);
    }
    System.out.printf("Whole case histories: %d histories, %d steps in %d s; final statuses %s%n", histories, steps,
        Duration.ofNanos(System.nanoTime() - started).toSeconds(), endings);
    org.assertj.core.api.Assertions.assertThat(histories).as("histories run").isPositive();
  }

  private void ensureThirdPhysician() {
    if (identityService.createUserQuery().userId(THIRD_PHYSICIAN).count() == 0) {
      User user = identityService.newUser(THIRD_PHYSICIAN);
      user.setFirstName("Ruth");
      user.setLastName("Okafor");
      user.setPassword("histories-" + System.nanoTime());
      identityService.saveUser(user);
      identityService.createMembership(THIRD_PHYSICIAN, CaseRoles.MEDICAL_DIRECTORS);
    }
  }

  /** One generated history: its seed, the case it drives, the steps taken and what was seen so far. */
  private final class History {

    private final long seed;
    private final Random random;
    private final List<String> steps = new ArrayList<>();
    /** Every decision seen, by round: never to disappear or change. */
    private final Map<Integer, String> decisionsSeen = new LinkedHashMap<>();
    private final Map<Integer, String> appealOutcomesSeen = new LinkedHashMap<>();
    private ProcessInstance instance;
    private String caseId;
    private boolean everyPhysicianExcluded;

    History(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
    }

    String ending() {
      return everyPhysicianExcluded ? "EVERY_PHYSICIAN_EXCLUDED" : cases.get(caseId).status().name();
    }

    void run() {
      LocalDate start = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(300));
      ClockUtil.setCurrentTime(Date.from(start.atTime(LocalTime.of(9, 0)).atZone(calendar.zone()).toInstant()));
      Map<String, Object> intake = Intakes.eligible(start);
      intake.put("fractureDate", start.minusDays(7 + random.nextInt(100)).toString());
      intake.put("imagingDate", start.minusDays(random.nextInt(7)).toString());
      if (random.nextInt(3) == 0) {
        intake.put("fractureLevels", new ArrayList<>(List.of("T11", "T12", "L1")));
      }
      if (random.nextInt(4) == 0) {
        intake.put("conservativeCareFailed", false); // the prescreen finds an unmet criterion
      }
      if (random.nextInt(5) == 0) {
        intake.put("urgency", "EXPEDITED");
      }
      caseId = intakeService.open(intake);
      instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
          .processDefinitionKey("vertebralAugmentationCase").singleResult();
      steps.add("opened " + caseId + " on " + start + ": fracture " + intake.get("fractureDate") + ", levels "
          + intake.get("fractureLevels") + ", " + intake.get("urgency")
          + (Boolean.FALSE.equals(intake.get("conservativeCareFailed")) ? ", conservative care not failed" : ""));
      runJobs();
      checkInvariants();
      for (int step = 0; step < MAX_STEPS && !finished() && !everyPhysicianExcluded; step++) {
        List<Action> actions = actions();
        Action action = actions.get(random.nextInt(actions.size()));
        String outcome = action.run();
        steps.add(calendar.moment(calendar.now()) + " " + action.name + ": " + outcome + " -> "
            + cases.get(caseId).status());
        runJobs();
        checkInvariants();
      }
    }

    private boolean finished() {
      return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count() == 0;
    }

    // --- what may be done next ------------------------------------------------------------------------------------

    private record Action(String name, Supplier<String> body) {
      String run() {
        return body.get();
      }
    }

    private List<Action> actions() {
      List<Action> actions = new ArrayList<>();
      CaseFile file = cases.get(caseId);
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(caseId).list()) {
        addTaskActions(actions, task, file);
      }
      if (lifecycle.appealWindowFor(file).isPresent()) {
        actions.add(new Action("appeal (provider)", () -> appeal("PROVIDER")));
        actions.add(new Action("appeal (member, expedited)", () -> appeal("MEMBER")));
      }
      if (file.status() == CaseStatus.IN_FOLLOW_UP || file.status() == CaseStatus.SCHEDULED) {
        for (FollowUpMilestone milestone : FollowUpMilestone.values()) {
          if (milestone.deferrableToPcp()) {
            actions.add(new Action("defer " + milestone + " to the PCP", () -> attempt(() -> reports.defer(caseId,
                milestone))));
          }
          actions.add(new Action("report " + milestone + " received by fax", () -> attempt(() ->
              reports.recordReceivedReport(caseId, milestone, scores("PCP_REPORT"), "coord1"))));
        }
      }
      Job timer = nextTimer();
      if (timer != null) {
        Instant due = timer.getDuedate().toInstant().plusSeconds(1);
        Action toNextTimer = new Action("time passes to " + calendar.moment(due), () -> moveClockTo(due));
        actions.add(toNextTimer);
        actions.add(toNextTimer); // twice as likely as any one decision: deadlines, reminders and lapses get reached
      }
      Instant later = calendar.now().plus(Duration.ofHours(6 + random.nextInt(24 * 10)));
      actions.add(new Action("time passes to " + calendar.moment(later), () -> moveClockTo(later)));
      if (random.nextInt(40) == 0) {
        actions.add(new Action("an administrator cancels the case", this::cancel));
      }
      return actions;
    }

    private void addTaskActions(List<Action> actions, Task task, CaseFile file) {
      String id = task.getId();
      switch (task.getTaskDefinitionKey()) {
        case "UserTask_ReviewCriteria" -> {
          actions.add(complete(task, "nurse1", "approve", Map.of("reviewDecision", "APPROVE",
              "reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()))));
          actions.add(complete(task, "nurse1", "request information", Map.of("reviewDecision",
              "REQUEST_INFORMATION", "requestedInformation", "Physical therapy notes of the last 6 weeks.")));
          actions.add(complete(task, "nurse1", "request information with a 7-day extension", Map.of(
              "reviewDecision", "REQUEST_INFORMATION", "requestedInformation", "The MRI report.",
              "extendDeterminationByDays", 7, "extensionReason", "The MRI report is needed to decide.")));
          actions.add(complete(task, "nurse1", "refer", Map.of("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR",
              "reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()).subList(1,
                  EligibilityCriterion.codes().size()), "reviewNote", "Please review.")));
        }
        case "UserTask_RecordRequestedInformation" -> actions.add(complete(task, "nurse1", "information received",
            Map.of("informationReceivedNote", "Notes received.")));
        case "UserTask_ReviewAsMedicalDirector" -> {
          String physician = physician(file);
          actions.add(complete(task, physician, "approve as " + physician, Map.of("medicalDirectorDecision",
              "APPROVE", "reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()),
              "medicalDirectorRationale", "Criteria met.")));
          List<String> levels = file.intake().fractureLevels();
          if (levels.size() > 1) {
            Map<String, Object> partial = new HashMap<>(Map.of("medicalDirectorDecision", "APPROVE",
                "reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()),
                "medicalDirectorRationale", "Only the acute level.",
                "approvedLevels", new ArrayList<>(levels.subList(0, 1))));
            actions.add(complete(task, physician, "approve one level as " + physician, partial));
          }
          actions.add(complete(task, physician, "deny as " + physician, Map.of("medicalDirectorDecision", "DENY",
              "medicalDirectorRationale", "Conservative care is not exhausted.")));
          excluded(file).stream().findFirst().ifPresent(denier -> actions.add(refusedDecision(task, denier,
              Map.of("medicalDirectorDecision", "APPROVE", "reviewConfirmedCriteria",
                  new ArrayList<>(EligibilityCriterion.codes()), "medicalDirectorRationale", "x"))));
        }
        case "UserTask_ReviewAppeal" -> {
          String physician = physician(file);
          actions.add(complete(task, physician, "overturn as " + physician, Map.of("appealDecision", "OVERTURN",
              "appealRationale", "Met on the new records.")));
          actions.add(complete(task, physician, "uphold as " + physician, Map.of("appealDecision", "UPHOLD",
              "appealRationale", "Still not met.")));
          excluded(file).stream().findFirst().ifPresent(denier -> actions.add(refusedDecision(task, denier,
              Map.of("appealDecision", "OVERTURN", "appealRationale", "x"))));
        }
        case "UserTask_ReviewDocumentation" -> {
          actions.add(complete(task, "nurse1", "documentation complete", documentation(ALL_ITEMS)));
          actions.add(complete(task, "nurse1", "documentation incomplete", documentation(ALL_ITEMS.subList(0,
              2))));
        }
        case "UserTask_ScheduleProcedure" -> {
          LocalDate soon = calendar.today().plusDays(random.nextInt(21));
          actions.add(complete(task, "coord1", "schedule on " + soon, scheduleValues(soon)));
          lifecycle.authorization(file).ifPresent(authorization -> {
            LocalDate late = authorization.validThrough().plusDays(1 + random.nextInt(10));
            actions.add(complete(task, "coord1", "schedule after the approval, on " + late, scheduleValues(late)));
          });
          actions.add(complete(task, "coord1", "withdraw", Map.of("scheduleDecision", "WITHDRAW",
              "withdrawalReason", "The patient chose not to proceed.")));
        }
        case "UserTask_RecordProcedure" -> {
          LocalDate performed = calendar.today().minusDays(random.nextInt(3));
          actions.add(complete(task, "coord1", "record the procedure of " + performed, record(file, performed)));
          actions.add(complete(task, "coord1", "reschedule", Map.of("recordDecision", "RESCHEDULE")));
          actions.add(complete(task, "coord1", "withdraw at the procedure", Map.of("recordDecision", "WITHDRAW",
              "withdrawalReason", "The patient was admitted elsewhere.")));
        }
        case "UserTask_ResolvePaymentFindings" -> actions.add(complete(task, "coord1", "resolve payment findings",
            Map.of("paymentFindingsNote", "Reviewed with the facility.")));
        case "UserTask_FollowUp" -> actions.add(complete(task, "nurse1", "follow up "
            + taskService.getVariable(id, "milestone"), scores("TELEPHONE")));
        case "UserTask_RecordPcpReport" -> actions.add(complete(task, "coord1", "record the PCP's report of "
            + taskService.getVariable(id, "milestone"), scores("PCP_REPORT")));
        default -> { } // "Record appeal" is completed by filing an appeal
      }
    }

    private Map<String, Object> scheduleValues(LocalDate date) {
      Map<String, Object> values = schedule(date, "OUTPATIENT", null);
      if (random.nextBoolean()) {
        values.put("deferredToPcp", new ArrayList<>(random.nextBoolean() ? List.of("THREE_MONTHS")
            : List.of("THREE_MONTHS", "ONE_YEAR")));
      }
      return values;
    }

    private Map<String, Object> record(CaseFile file, LocalDate performed) {
      Map<String, Object> values = cleanRecord();
      values.put("procedureDate", performed.toString());
      values.put("levelsTreated", new ArrayList<>(lifecycle.authorization(file)
          .map(CaseLifecycle.Authorization::levels).orElse(file.intake().fractureLevels())));
      if (random.nextInt(4) == 0) {
        values.put("operativeNarrativeReceived", false);
      }
      values.put("earlyProcedureRationale", "Scheduled before the approval was recorded.");
      return values;
    }

    private Map<String, Object> scores(String contactMethod) {
      Map<String, Object> values = new HashMap<>();
      values.put("contactMethod", contactMethod);
      values.put("painScore", random.nextInt(11));
      values.put("comfortScore", random.nextInt(11));
      values.put("activityScore", random.nextInt(11));
      values.put("followUpNote", "Walking daily.");
      return values;
    }

    /** A physician of the group who may decide: not one excluded by an earlier adverse decision. */
    private String physician(CaseFile file) {
      List<String> eligible = PHYSICIANS.stream().filter(md -> !excluded(file).contains(md)).toList();
      return eligible.isEmpty() ? PHYSICIANS.get(0) : eligible.get(random.nextInt(eligible.size()));
    }

    private Set<String> excluded(CaseFile file) {
      return lifecycle.excludedDeciders(file);
    }

    private Action complete(Task task, String user, String name, Map<String, Object> values) {
      return new Action(name, () -> attempt(() -> {
        taskService.claim(task.getId(), user);
        try {
          taskService.complete(task.getId(), new HashMap<>(values));
        } catch (RuntimeException refused) {
          taskService.setAssignee(task.getId(), null);
          throw refused;
        }
      }));
    }

    /** A physician who denied this request tries to decide it: refused, whatever the decision. */
    private Action refusedDecision(Task task, String denier, Map<String, Object> values) {
      return new Action(denier + " (who denied) tries to decide", () -> {
        String outcome = attempt(() -> {
          taskService.claim(task.getId(), denier);
          try {
            taskService.complete(task.getId(), new HashMap<>(values));
          } catch (RuntimeException refused) {
            taskService.setAssignee(task.getId(), null); // handed back to the group, as a coordinator would
            throw refused;
          }
        });
        if ("done".equals(outcome)) {
          throw new AssertionError(denier + " decided although an earlier adverse decision of theirs excludes them");
        }
        return outcome;
      });
    }

    private String appeal(String by) {
      CaseFile before = cases.get(caseId);
      boolean windowOpen = lifecycle.appealWindowFor(before).map(window -> calendar.now().isBefore(window.closesAt()))
          .orElse(false);
      identityService.setAuthentication("nurse1", List.of(CaseRoles.NURSES));
      String outcome;
      try {
        outcome = attempt(() -> appeals.file(caseId, Map.of("requestedBy", by, "reason", "New records attached.",
            "urgency", "MEMBER".equals(by) ? "EXPEDITED" : "STANDARD")));
      } finally {
        identityService.clearAuthentication();
      }
      if (windowOpen && !"done".equals(outcome)) {
        throw new AssertionError("The notice promised an appeal until " + lifecycle.appealWindowFor(before)
            .map(window -> window.closesAt().toString()).orElse("?") + ", but it was refused: " + outcome);
      }
      if (!windowOpen && "done".equals(outcome)) {
        throw new AssertionError("An appeal was accepted after its window had closed");
      }
      return outcome;
    }

    private String cancel() {
      identityService.setAuthentication("demo", List.of(CaseRoles.ADMINISTRATORS));
      try {
        return attempt(() -> runtimeService.deleteProcessInstance(instance.getId(), "Duplicate request"));
      } finally {
        identityService.clearAuthentication();
      }
    }

    /** Does it; a refusal the application answers with a 4xx is an outcome, anything else fails the history. */
    private String attempt(Runnable action) {
      try {
        action.run();
        return "done";
      } catch (RuntimeException failure) {
        // a listener's refusal reaches the caller wrapped by the engine (the APIs answer it with its 4xx)
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
          if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
            return "refused (" + cause.getMessage().lines().findFirst().orElse("") + ")";
          }
        }
        throw failure;
      }
    }

    // --- the engine's time and jobs -------------------------------------------------------------------------------

    private Job nextTimer() {
      List<Job> timers = jobsOf(instance, query -> query.timers());
      return timers.stream().min(java.util.Comparator.comparing(Job::getDuedate)).orElse(null);
    }

    private String moveClockTo(Instant instant) {
      if (instant.isAfter(calendar.now())) {
        ClockUtil.setCurrentTime(Date.from(instant));
      }
      return "done";
    }

    /** Runs every job of the case that is due (timers included), and what they set off, as a job executor would. */
    private void runJobs() {
      for (int round = 0; round < 200; round++) {
        List<Job> due = jobsOf(instance, query -> query.executable());
        if (due.isEmpty()) {
          return;
        }
        for (Job job : due) {
          try {
            managementService.executeJob(job.getId());
          } catch (RuntimeException failed) {
            throw new AssertionError("A job of the case failed (" + job.getProcessDefinitionKey() + "): "
                + failed.getMessage(), failed);
          }
        }
      }
      throw new AssertionError("The case's jobs never settle");
    }

    // --- the invariants -------------------------------------------------------------------------------------------

    private void checkInvariants() {
      CaseFile file = cases.get(caseId);
      statusMatchesRunningPhases(file);
      noDecisionDisappears(file);
      oneNoticePerDecisionAndItsPromisesHold(file);
      everyTaskCanBeWorked(file);
    }

    /** The status says which phase runs: a determination while in review, the procedure phase once approved... */
    private void statusMatchesRunningPhases(CaseFile file) {
      Set<CasePhase> running = EnumSet.noneOf(CasePhase.class);
      for (CasePhase phase : CasePhase.values()) {
        long count = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
            .processDefinitionKey(phase.processKey()).count();
        if (phase != CasePhase.NOTICE && count > 1) {
          throw new AssertionError(count + " instances of " + phase + " run at once");
        }
        if (count > 0) {
          running.add(phase);
        }
      }
      running.remove(CasePhase.NOTICE);
      boolean caseRuns = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0;
      boolean adverseOpen = lifecycle.appealWindowFor(file).isPresent();
      CaseStatus status = file.status();
      Set<CasePhase> required = switch (status) {
        case IN_REVIEW, PENDED_FOR_INFORMATION, MEDICAL_DIRECTOR_REVIEW -> EnumSet.of(CasePhase.DETERMINATION);
        case APPEAL_IN_REVIEW -> EnumSet.of(CasePhase.APPEAL);
        case AWAITING_DOCUMENTATION, READY_TO_SCHEDULE, SCHEDULED -> EnumSet.of(CasePhase.PROCEDURE);
        default -> EnumSet.noneOf(CasePhase.class);
      };
      Set<CasePhase> allowed = EnumSet.copyOf(required);
      if (status == CaseStatus.IN_FOLLOW_UP) {
        allowed.add(CasePhase.FOLLOW_UP);
      }
      if (status == CaseStatus.APPROVED) {
        allowed.add(CasePhase.PROCEDURE);
      }
      // an appeal still open belongs to the current round: a new round closes an earlier one without a decision
      for (DeterminationRound round : file.rounds()) {
        if (round.appeal() != null && round.appeal().open() && round.number() != file.currentRound().number()) {
          throw new AssertionError("Round " + round.number() + "'s appeal is still open while round "
              + file.currentRound().number() + " is being decided");
        }
      }
      boolean partialAppealOpen = file.appeal().map(Appeal::open).orElse(false);
      if (adverseOpen || partialAppealOpen || status == CaseStatus.APPEAL_IN_REVIEW) {
        // an appeal waits to be filed while its window is open; one of a partial approval runs beside the procedure
        allowed.add(CasePhase.APPEAL);
      }
      if (status == CaseStatus.CLOSED || status == CaseStatus.WITHDRAWN) {
        if (caseRuns || !running.isEmpty()) {
          throw new AssertionError("Case is " + status + " but still runs " + running);
        }
        return;
      }
      if (!caseRuns) {
        boolean windowClosed = lifecycle.appealWindowFor(file).map(window -> !calendar.now().isBefore(
            window.closesAt())).orElse(true);
        if (windowClosed && (status == CaseStatus.DENIED
            || status == CaseStatus.CLOSED_INCOMPLETE)) {
          return; // the adverse determination stands: its appeal window closed
        }
        if (file.cancellation() != null) {
          return;
        }
        throw new AssertionError("Case is " + status + " but its process ended without closing or cancelling it");
      }
      if (!running.containsAll(required) || !allowed.containsAll(running)) {
        throw new AssertionError("Case is " + status + " while these phases run: " + running + " (required "
            + required + ", allowed " + allowed + ")");
      }
    }

    /** Every determination round's decision and every appeal's outcome, once made, stays as it was made. */
    private void noDecisionDisappears(CaseFile file) {
      Map<Integer, String> decisions = new LinkedHashMap<>();
      Map<Integer, String> appealOutcomes = new LinkedHashMap<>();
      for (DeterminationRound round : file.rounds()) {
        if (round.decision() != null) {
          DeterminationRound.Decision decision = round.decision();
          decisions.put(round.number(), decision.outcome() + " by " + decision.decidedBy() + " at "
              + decision.decidedAt() + " levels " + decision.approvedLevels() + " valid through "
              + decision.validThrough());
        }
        Appeal appeal = round.appeal();
        if (appeal != null && appeal.outcome() != null) {
          appealOutcomes.put(round.number(), appeal.outcome() + " by " + appeal.decidedBy() + " at "
              + appeal.decidedAt());
        }
        if (appeal != null && appeal.closedWithoutDecision()) {
          if (appeal.closedReason() == null || appeal.closedReason().isBlank()) {
            throw new AssertionError("Round " + round.number() + "'s appeal was closed without saying why");
          }
          appealOutcomes.put(round.number(), "closed without a decision at " + appeal.closedAt());
        }
      }
      decisionsSeen.forEach((round, decision) -> {
        if (!decision.equals(decisions.get(round))) {
          throw new AssertionError("Round " + round + "'s decision " + decision + " became " + decisions.get(round));
        }
      });
      appealOutcomesSeen.forEach((round, outcome) -> {
        if (!outcome.equals(appealOutcomes.get(round))) {
          throw new AssertionError("Round " + round + "'s appeal outcome " + outcome + " became "
              + appealOutcomes.get(round));
        }
      });
      decisionsSeen.putAll(decisions);
      appealOutcomesSeen.putAll(appealOutcomes);
    }

    /**
     * Once its jobs have run, every decision has exactly one notice to the provider, and what the notice promises
     * (until when to appeal, until when an approval is valid) is what the case's rules say now.
     */
    private void oneNoticePerDecisionAndItsPromisesHold(CaseFile file) {
      Map<String, List<MimeMessage>> byId = new HashMap<>();
      for (MimeMessage mail : TestMailServer.received()) {
        String id = messageId(mail);
        if (id != null && id.startsWith("<" + caseId + ".")) {
          byId.computeIfAbsent(id, key -> new ArrayList<>()).add(mail);
        }
      }
      byId.forEach((id, mails) -> {
        if (mails.size() > 1) {
          throw new AssertionError("Notice " + id + " was sent " + mails.size() + " times");
        }
      });
      for (DeterminationRound round : file.rounds()) {
        DeterminationRound.Decision decision = round.decision();
        if (decision == null) {
          continue;
        }
        String kind = switch (decision.outcome()) {
          case APPROVED, APPROVED_WITH_MODIFICATIONS -> "determination-approved";
          case DENIED -> "determination-denied";
          case CLOSED_INCOMPLETE -> "closed-incomplete";
        };
        List<MimeMessage> notice = byId.get("<" + caseId + "." + kind + "." + round.number() + "@"
            + messageIdDomain() + ">");
        if (notice == null) {
          if (file.cancellation() != null) {
            continue;
          }
          throw new AssertionError("Round " + round.number() + " was decided (" + decision.outcome()
              + ") but no notice went to the provider");
        }
        String body = body(notice.get(0));
        if (decision.outcome().approves() && !body.contains(calendar.day(decision.validThrough()))) {
          throw new AssertionError("The approval notice of round " + round.number() + " does not say it is valid "
              + "through " + calendar.day(decision.validThrough()));
        }
        boolean adverse = decision.outcome() == DeterminationOutcome.DENIED
            || decision.outcome() == DeterminationOutcome.CLOSED_INCOMPLETE || !decision.notApprovedLevels().isEmpty();
        String appealBy = calendar.day(lifecycle.lastDayToAppeal(decision));
        if (adverse && !body.contains(appealBy)) {
          throw new AssertionError("The notice of round " + round.number() + " (" + decision.outcome()
              + ") does not say it may be appealed until " + appealBy);
        }
        Appeal appeal = round.appeal();
        if (appeal != null && appeal.outcome() != null && file.cancellation() == null) {
          String appealKind = appeal.overturned() ? "appeal-overturned" : "appeal-upheld";
          if (!byId.containsKey("<" + caseId + "." + appealKind + "." + round.number() + "@" + messageIdDomain()
              + ">")) {
            throw new AssertionError("Round " + round.number() + "'s appeal was decided (" + appeal.outcome()
                + ") but no notice went to the provider");
          }
        }
      }
    }

    /** Every open task is one somebody may work: assigned, or offered to a group that has members. */
    private void everyTaskCanBeWorked(CaseFile file) {
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(caseId).list()) {
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
            .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
        if (task.getAssignee() == null && groups.isEmpty()) {
          throw new AssertionError("Task \"" + task.getName() + "\" is offered to nobody");
        }
        boolean someoneMay = groups.stream().anyMatch(group -> identityService.createUserQuery().memberOfGroup(group)
            .list().stream().anyMatch(user -> !isPhysicianTask(task) || !excluded(file).contains(user.getId())));
        if (task.getAssignee() == null && !someoneMay) {
          if (isPhysicianTask(task) && groups.stream().anyMatch(group -> identityService.createUserQuery()
              .memberOfGroup(group).count() > 0)) {
            // every physician of the group denied this request before: an administrator is told at once (an
            // incident naming the case); the history cannot go on without a new physician, and the run counts it
            boolean told = runtimeService.createIncidentQuery().incidentType("noPhysicianMayDecide")
                .processInstanceId(task.getProcessInstanceId()).count() > 0;
            if (!told) {
              throw new AssertionError("Nobody may decide \"" + task.getName() + "\" and no administrator was told");
            }
            everyPhysicianExcluded = true;
            return;
          }
          throw new AssertionError("Task \"" + task.getName() + "\" has nobody who may work it");
        }
      }
    }

    private boolean isPhysicianTask(Task task) {
      return task.getTaskDefinitionKey().equals("UserTask_ReviewAsMedicalDirector")
          || task.getTaskDefinitionKey().equals("UserTask_ReviewAppeal");
    }
  }

  private String messageIdDomain() {
    return "va.healthplan.example";
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage mail) {
    return GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=").replace("=2C", ",");
  }
}
