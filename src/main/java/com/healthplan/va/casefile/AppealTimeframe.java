package com.healthplan.va.casefile;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The appeal's clocks ({@code va.appeal.*}): how long a determination may be appealed, and within which time of its
 * receipt a standard or an expedited appeal is decided. Notices state them from here.
 */
@ConfigurationProperties("va.appeal")
public record AppealTimeframe(Period window, Period standardTurnaround, Duration expeditedTurnaround) {

  /** When an appeal received at the given moment is due. */
  public Instant dueAt(Instant receivedAt, Urgency urgency, ZoneId zone) {
    return urgency == Urgency.EXPEDITED ? receivedAt.plus(expeditedTurnaround)
        : receivedAt.atZone(zone).plus(standardTurnaround).toInstant();
  }
}
