package com.healthplan.va.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sender address and the domain of the application's stable Message-IDs. */
@ConfigurationProperties("va.mail")
record MailProperties(String from, String messageIdDomain) {
}
