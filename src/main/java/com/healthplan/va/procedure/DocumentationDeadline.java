package com.healthplan.va.procedure;

import com.healthplan.va.casefile.PlanCalendar;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When missing pre-procedure documentation is due: the plan's response time ({@code
 * va.procedure.documentation-response-time}, 14 days by default) in calendar days of the plan's zone, counted from
 * the request (or, before any request, from the start of the phase: a review left undone is chased too).
 */
@Component
class DocumentationDeadline {

  private final PlanCalendar calendar;
  private final Period responseTime;

  DocumentationDeadline(PlanCalendar calendar,
      @Value("${va.procedure.documentation-response-time}") Period responseTime) {
    this.calendar = calendar;
    this.responseTime = responseTime;
  }

  /** Whole seconds: the engine's timers and task due dates keep milliseconds, the tables microseconds. */
  Instant from(Instant start) {
    return start.atZone(calendar.zone()).plus(responseTime).toInstant().truncatedTo(ChronoUnit.SECONDS);
  }
}
