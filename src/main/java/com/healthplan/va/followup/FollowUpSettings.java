package com.healthplan.va.followup;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plan's follow-up settings ({@code va.follow-up.*}): how often an overdue follow-up is chased, how often and
 * how many times the PCP is reminded, how long a PCP's link stays valid, and the address the link points to.
 */
@Component
public class FollowUpSettings {

  private final Period overdueRepeat;
  private final Period pcpReminderInterval;
  private final int pcpMaxReminders;
  private final Period pcpLinkValidity;
  private final String publicBaseUrl;

  FollowUpSettings(@Value("${va.follow-up.overdue-alert-repeat}") Period overdueRepeat,
      @Value("${va.follow-up.pcp-reminder-interval}") Period pcpReminderInterval,
      @Value("${va.follow-up.pcp-max-reminders}") int pcpMaxReminders,
      @Value("${va.follow-up.pcp-link-validity}") Period pcpLinkValidity,
      @Value("${va.public-base-url}") String publicBaseUrl) {
    this.overdueRepeat = overdueRepeat;
    this.pcpReminderInterval = pcpReminderInterval;
    this.pcpMaxReminders = pcpMaxReminders;
    this.pcpLinkValidity = pcpLinkValidity;
    this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
        : publicBaseUrl;
  }

  public Period overdueRepeat() {
    return overdueRepeat;
  }

  public Period pcpReminderInterval() {
    return pcpReminderInterval;
  }

  public int pcpMaxReminders() {
    return pcpMaxReminders;
  }

  public Period pcpLinkValidity() {
    return pcpLinkValidity;
  }

  public String publicBaseUrl() {
    return publicBaseUrl;
  }
}
