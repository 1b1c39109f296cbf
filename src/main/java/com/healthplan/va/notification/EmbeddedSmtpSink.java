package com.healthplan.va.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An SMTP server inside the application for the local default run, so that notices are really sent with no
 * set-up. Mail stays in memory: read it with any IMAP client (any user name and password) or, as an
 * administrator, at {@code GET /api/mail-sink/messages}. Never enabled outside the default profile.
 */
@Component
@ConditionalOnProperty(name = "va.mail.embedded-sink.enabled", havingValue = "true")
class EmbeddedSmtpSink {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSmtpSink.class);
  private final GreenMail greenMail;

  EmbeddedSmtpSink(@Value("${va.mail.embedded-sink.smtp-port}") int smtpPort,
      @Value("${va.mail.embedded-sink.imap-port}") int imapPort) {
    requireFree(smtpPort, "the local mail sink's SMTP port", "VA_SMTP_PORT");
    requireFree(imapPort, "the local mail sink's IMAP port", "VA_IMAP_PORT");
    greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    LOG.info("Embedded SMTP sink on 127.0.0.1:{} (IMAP {}); mail goes nowhere else", smtpPort, imapPort);
  }

  /** A taken port is named with its setting before GreenMail fails on it with a stack trace that says neither. */
  private static void requireFree(int port, String purpose, String setting) {
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
    } catch (java.io.IOException taken) {
      throw new PortTakenException(port, purpose, setting);
    }
  }

  List<MimeMessage> messages() {
    return List.of(greenMail.getReceivedMessages());
  }

  @PreDestroy
  void stop() {
    greenMail.stop();
  }
}
