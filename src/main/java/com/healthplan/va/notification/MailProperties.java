package com.healthplan.va.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sender address, the domain of the application's stable Message-IDs, and after how long a claimed but
 * unconfirmed send counts as cut off (in doubt) rather than still under way.
 */
@ConfigurationProperties("va.mail")
record MailProperties(String from, String messageIdDomain, Duration inDoubtAfter) {

  MailProperties {
    inDoubtAfter = inDoubtAfter == null ? Duration.ofSeconds(20) : inDoubtAfter;
  }
}
