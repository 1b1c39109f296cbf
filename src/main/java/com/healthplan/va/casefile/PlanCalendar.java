package com.healthplan.va.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plan's clock and time zone. "Today" (the default request date, "not in the future") is a day in the
 * plan's zone; deadlines are instants, shown in the plan's zone in notices and the case API.
 */
@Component
public class PlanCalendar {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMM d, uuuu, h:mm a z", Locale.US);

  private final Clock clock;

  /**
   * The engine's clock in the plan's zone: timers, due dates and "today" must agree, so the application reads the
   * time the engine reads (the system's, unless a test or a simulation moves the engine's clock).
   */
  @Autowired
  public PlanCalendar(@Value("${va.time-zone}") String zone) {
    this(new EngineClock(ZoneId.of(zone)));
  }

  /** Camunda's clock ({@code ClockUtil}, the engine's own time source) as a {@link Clock}. */
  private static final class EngineClock extends Clock {
    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new EngineClock(other);
    }

    @Override
    public Instant instant() {
      return org.camunda.bpm.engine.impl.util.ClockUtil.now().toInstant();
    }
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

  /** A calendar day as people read it: "Dec 8, 2026" (empty for none). */
  public String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  /** A moment as people read it, in the plan's zone and labelled with it: "Dec 8, 2026, 11:43 PM EST". */
  public String moment(Instant instant) {
    return instant == null ? "" : MOMENT.format(instant.atZone(zone()));
  }

  /** The day an instant falls on in the plan's zone. */
  public LocalDate dayOf(Instant instant) {
    return instant.atZone(zone()).toLocalDate();
  }
}
