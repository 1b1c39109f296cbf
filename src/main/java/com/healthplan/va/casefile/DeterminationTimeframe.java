package com.healthplan.va.casefile;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a determination is owed: 7 calendar days after receipt for a standard request, 72 hours for an expedited
 * one (CMS Interoperability and Prior Authorization rule), and when coordinators are alerted before that.
 */
@ConfigurationProperties("va.determination")
public record DeterminationTimeframe(
    Period standardTurnaround,
    Duration expeditedTurnaround,
    Duration standardEscalationLead,
    Duration expeditedEscalationLead,
    Period informationResponseTime) {

  /** Calendar days are counted in the plan's zone, so a daylight-saving change does not move the due hour. */
  public Instant dueAt(Instant receivedAt, Urgency urgency, ZoneId zone) {
    return switch (urgency) {
      case STANDARD -> receivedAt.atZone(zone).plus(standardTurnaround).toInstant();
      case EXPEDITED -> receivedAt.plus(expeditedTurnaround);
    };
  }

  public Instant escalateAt(Instant dueAt, Urgency urgency) {
    return dueAt.minus(urgency == Urgency.EXPEDITED ? expeditedEscalationLead : standardEscalationLead);
  }

  /**
   * The provider's deadline for information requested at the given moment: the response time, but not past the
   * determination's due time while that is still ahead. A request that goes out late (mail was down) still
   * gives the provider the whole response time rather than none.
   */
  public Instant informationDueAt(Instant requestedAt, Instant determinationDueAt, ZoneId zone) {
    Instant deadline = requestedAt.atZone(zone).plus(informationResponseTime).toInstant();
    return determinationDueAt.isAfter(requestedAt) && determinationDueAt.isBefore(deadline)
        ? determinationDueAt : deadline;
  }
}
