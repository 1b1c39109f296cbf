package com.healthplan.va.notification;

import java.time.Instant;

/** A notice the SMTP server accepted: which kind, to whom, when, and its Message-ID. */
public record SentNotice(String kind, String to, Instant sentAt, String messageId) {
}
