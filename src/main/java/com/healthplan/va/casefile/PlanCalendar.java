package com.healthplan.va.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The plan's calendar. A date of the case (birth, fracture, request) is a day in the plan's time zone; it is
 * stored as a Camunda {@code Date} at the start of that day, so that decisions and timers can compute with it.
 *
 * <p>The plan's zone is the JVM's default zone, because the DMN engine's FEEL turns a {@code Date} into a day
 * in that zone: run the application with {@code TZ} or {@code -Duser.timezone} set to the plan's zone.
 */
@Component
public class PlanCalendar {

  private final Clock clock;

  public PlanCalendar() {
    this(Clock.systemDefaultZone());
  }

  public PlanCalendar(Clock clock) {
    this.clock = clock;
  }

  public ZoneId zone() {
    return clock.getZone();
  }

  public Instant now() {
    return clock.instant();
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(zone()).toInstant());
  }

  public LocalDate dayOf(Date date) {
    return date.toInstant().atZone(zone()).toLocalDate();
  }

  public OffsetDateTime dateTimeOf(Date date) {
    return date.toInstant().atZone(zone()).toOffsetDateTime();
  }
}
