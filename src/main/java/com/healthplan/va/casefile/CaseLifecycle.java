package com.healthplan.va.casefile;

import static com.healthplan.va.casefile.CaseStatus.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one owner of a case's life: which status may follow which, which phase may start given the determination
 * and appeal on record, what a later phase may do to an earlier decision (nothing but open a new round beside it),
 * what is approved and until when, what may be appealed and until when, and who may not decide. The status
 * updater, the repository's decision writes, every phase's start listener, the appeal paths and the engine's
 * command guard ask it, whatever API the request came by, administrators included.
 */
@Component
public class CaseLifecycle {

  /** Which status may follow which; a status may always be entered again (a new prescreen in review). */
  private static final Map<CaseStatus, Set<CaseStatus>> NEXT = new EnumMap<>(CaseStatus.class);

  static {
    NEXT.put(IN_REVIEW, EnumSet.of(PENDED_FOR_INFORMATION, MEDICAL_DIRECTOR_REVIEW, APPROVED, WITHDRAWN));
    NEXT.put(PENDED_FOR_INFORMATION, EnumSet.of(IN_REVIEW, CLOSED_INCOMPLETE, WITHDRAWN));
    NEXT.put(MEDICAL_DIRECTOR_REVIEW, EnumSet.of(APPROVED, DENIED, WITHDRAWN));
    NEXT.put(APPROVED, EnumSet.of(AWAITING_DOCUMENTATION, READY_TO_SCHEDULE, WITHDRAWN));
    NEXT.put(DENIED, EnumSet.of(APPEAL_IN_REVIEW, WITHDRAWN));
    NEXT.put(CLOSED_INCOMPLETE, EnumSet.of(APPEAL_IN_REVIEW, WITHDRAWN));
    // a decided appeal: overturned (approved) or upheld (back to the round's adverse outcome)
    NEXT.put(APPEAL_IN_REVIEW, EnumSet.of(APPROVED, DENIED, CLOSED_INCOMPLETE, WITHDRAWN));
    NEXT.put(AWAITING_DOCUMENTATION, EnumSet.of(READY_TO_SCHEDULE, WITHDRAWN));
    // a scheduled date after the approval's last day opens a new determination round
    NEXT.put(READY_TO_SCHEDULE, EnumSet.of(SCHEDULED, IN_REVIEW, WITHDRAWN));
    NEXT.put(SCHEDULED, EnumSet.of(IN_FOLLOW_UP, READY_TO_SCHEDULE, WITHDRAWN));
    NEXT.put(IN_FOLLOW_UP, EnumSet.of(CLOSED));
    NEXT.put(CLOSED, EnumSet.noneOf(CaseStatus.class));
    NEXT.put(WITHDRAWN, EnumSet.noneOf(CaseStatus.class));
  }

  private final PlanCalendar calendar;
  private final Period appealWindow;

  CaseLifecycle(PlanCalendar calendar, @Value("${va.appeal.window}") Period appealWindow) {
    this.calendar = calendar;
    this.appealWindow = appealWindow;
  }

  /** Whether the case may go from one status to the other. */
  public static boolean allows(CaseStatus from, CaseStatus to) {
    return from == to || NEXT.get(from).contains(to);
  }

  /** Refuses a status change the case's life does not allow, naming both statuses in words. */
  public void requireTransition(CaseFile file, CaseStatus to) {
    if (!allows(file.status(), to)) {
      throw new CaseConflictException("Case " + file.caseId() + " cannot go from \"" + file.status().label()
          + "\" to \"" + to.label() + "\".");
    }
  }

  /**
   * Refuses the start of a phase that the case's record does not call for: a determination only for a round not
   * decided yet, an appeal only of an adverse determination (in whole or in part) not appealed yet, the procedure
   * only under an approval in force, the follow-ups only after a recorded procedure.
   */
  public void requirePhaseMayStart(CasePhase phase, CaseFile file) {
    String refusal = switch (phase) {
      case DETERMINATION -> file.status() == IN_REVIEW && !file.currentRound().decided() ? null
          : "a determination is made only for a round not yet decided, while the case is in review";
      case APPEAL -> appealWindowFor(file).isPresent() ? null
          : "an appeal is handled only after an adverse determination, in whole or in part, not yet appealed";
      case PROCEDURE -> file.status() == APPROVED && authorization(file).isPresent() ? null
          : "the procedure phase starts only under an approval in force";
      case FOLLOW_UP -> file.status() == IN_FOLLOW_UP ? null
          : "follow-ups start only once the procedure is recorded";
      case NOTICE -> file.latestDecidedRound().isPresent() || file.informationRequest() != null ? null
          : "a notice follows a decision or a request for information";
    };
    if (refusal != null) {
      throw new CaseConflictException("Case " + file.caseId() + " is \"" + file.status().label()
          + "\": " + refusal + ".");
    }
  }

  /** What is approved and until when: the latest decided round's approval, with what an overturned appeal added. */
  public record Authorization(int round, List<String> levels, LocalDate validThrough, Instant authorizedAt) {
  }

  public Optional<Authorization> authorization(CaseFile file) {
    Optional<DeterminationRound> latest = file.latestDecidedRound();
    if (latest.isEmpty() || latest.get().number() != file.currentRound().number()) {
      return Optional.empty(); // a new round is being decided: the earlier approval lapsed
    }
    DeterminationRound round = latest.get();
    DeterminationRound.Decision decision = round.decision();
    Appeal appeal = round.appeal();
    boolean overturned = appeal != null && appeal.overturned();
    if (decision.outcome().approves()) {
      Set<String> levels = new LinkedHashSet<>(decision.approvedLevels());
      if (overturned) {
        levels.addAll(appeal.appealedLevels());
      }
      return Optional.of(new Authorization(round.number(), SpinalLevel.inSpinalOrder(levels),
          decision.validThrough(), decision.decidedAt()));
    }
    if (overturned) {
      return Optional.of(new Authorization(round.number(), appeal.appealedLevels(), appeal.approvalValidThrough(),
          appeal.decidedAt()));
    }
    return Optional.empty();
  }

  /** What an appeal of a round may concern and until when it may be filed. */
  public record AppealWindow(int round, List<String> levels, boolean partial, Instant closesAt) {
  }

  /**
   * The appeal the latest decided round is open to, whatever jobs are still running: an adverse determination (the
   * whole request) or an approval with modifications (the levels not approved), not appealed yet, while no newer
   * round is open and the case goes on. The window may have passed: {@link #requireAppealable} checks it.
   */
  public Optional<AppealWindow> appealWindowFor(CaseFile file) {
    Optional<DeterminationRound> latest = file.latestDecidedRound();
    if (latest.isEmpty() || latest.get().number() != file.currentRound().number()
        || latest.get().appeal() != null || file.status() == WITHDRAWN || file.status() == CLOSED) {
      return Optional.empty();
    }
    DeterminationRound round = latest.get();
    DeterminationRound.Decision decision = round.decision();
    if (decision.outcome().adverse()) {
      return Optional.of(new AppealWindow(round.number(), file.intake().fractureLevels(), false,
          appealWindowClosesAt(decision)));
    }
    if (!decision.notApprovedLevels().isEmpty()) {
      return Optional.of(new AppealWindow(round.number(), decision.notApprovedLevels(), true,
          appealWindowClosesAt(decision)));
    }
    return Optional.empty();
  }

  /**
   * The end of a decision's appeal window: the end of the day printed in the notices (the decision's day plus the
   * plan's window, in the plan's zone).
   */
  public Instant appealWindowClosesAt(DeterminationRound.Decision decision) {
    return lastDayToAppeal(decision).plusDays(1).atStartOfDay(calendar.zone()).toInstant();
  }

  /** The last day on which a decision may be appealed, as the notices print it. */
  public LocalDate lastDayToAppeal(DeterminationRound.Decision decision) {
    return decision.decidedAt().atZone(calendar.zone()).toLocalDate().plus(appealWindow);
  }

  /** The appeal a case may take now, or a conflict saying why not. */
  public AppealWindow requireAppealable(CaseFile file, Instant now) {
    Optional<DeterminationRound> latest = file.latestDecidedRound();
    if (latest.isPresent() && latest.get().appeal() != null && latest.get().number() == file.currentRound().number()) {
      Appeal appeal = latest.get().appeal();
      throw new CaseConflictException(appeal.open() ? "An appeal of this determination is already open."
          : appeal.closedWithoutDecision() ? "This determination was already appealed; the appeal was closed "
              + "without a decision. " + appeal.closedReason()
          : "This determination was already appealed, and the appeal was decided ("
              + appeal.outcome().name().toLowerCase() + ").");
    }
    AppealWindow window = appealWindowFor(file).orElseThrow(() -> new CaseConflictException(
        "Only an adverse determination, in whole or in part, can be appealed; this case is \""
            + file.status().label() + "\"."));
    if (!now.isBefore(window.closesAt())) {
      throw new CaseConflictException("The time to appeal this determination ended on "
          + calendar.day(lastDayToAppeal(file.currentRound().decision())) + ".");
    }
    return window;
  }

  /**
   * The physicians who may not decide the current round or the appeal of the latest decided round: everyone who
   * denied this request, in whole or in part, in any round, or upheld such a denial.
   */
  public Set<String> excludedDeciders(CaseFile file) {
    Set<String> excluded = new LinkedHashSet<>();
    for (DeterminationRound round : file.rounds()) {
      DeterminationRound.Decision decision = round.decision();
      if (decision != null && decision.decidedBy() != null
          && (decision.outcome() == DeterminationOutcome.DENIED || !decision.notApprovedLevels().isEmpty())) {
        excluded.add(decision.decidedBy());
      }
      if (round.appeal() != null && round.appeal().outcome() == AppealOutcome.UPHELD) {
        excluded.add(round.appeal().decidedBy());
      }
    }
    return excluded;
  }

  /** The statuses a case may still leave: everything but closed and withdrawn. */
  public static List<CaseStatus> openStatuses() {
    List<CaseStatus> open = new ArrayList<>(List.of(CaseStatus.values()));
    open.removeAll(List.of(CLOSED, WITHDRAWN));
    return open;
  }
}
