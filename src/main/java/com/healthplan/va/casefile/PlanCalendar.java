package com.healthplan.va.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plan's clock and time zone. "Today" (the default request date, "not in the future") is a day in the
 * plan's zone; deadlines are instants, shown in the plan's zone in notices and the case API.
 */
@Component
public class PlanCalendar {

  private final Clock clock;

  @Autowired
  public PlanCalendar(@Value("${va.time-zone}") String zone) {
    this(Clock.system(ZoneId.of(zone)));
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
}
