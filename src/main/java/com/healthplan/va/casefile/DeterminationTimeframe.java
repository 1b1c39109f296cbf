package com.healthplan.va.casefile;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a determination is owed ({@code va.determination.*}): the standard or the expedited turnaround after receipt
 * (CMS Interoperability and Prior Authorization rule), when coordinators are alerted before that, how long the
 * provider has to send requested information, and how far a nurse may extend the deadline once when information is
 * missing. Notices and forms state these from here.
 */
@ConfigurationProperties("va.determination")
public record DeterminationTimeframe(
    Period standardTurnaround,
    Duration expeditedTurnaround,
    Period maxExtension,
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

  /** The turnaround of a determination of this urgency, in words ("7 days", "72 hours"). */
  public String turnaroundWords(Urgency urgency) {
    return urgency == Urgency.EXPEDITED ? Durations.words(expeditedTurnaround) : Durations.words(standardTurnaround);
  }

  /**
   * The provider's deadline for information requested at the given moment: the response time, and the days of an
   * extension granted for it, never past the determination's due time while that is still ahead. A request that
   * goes out late (mail was down) still gives the provider the whole response time rather than none.
   */
  public Instant informationDueAt(Instant requestedAt, Instant determinationDueAt, int extensionDays, ZoneId zone) {
    Instant deadline = requestedAt.atZone(zone).plus(informationResponseTime).plusDays(extensionDays).toInstant();
    return determinationDueAt.isAfter(requestedAt) && determinationDueAt.isBefore(deadline)
        ? determinationDueAt : deadline;
  }
}
