package com.healthplan.va.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * One real SMTP server (GreenMail) for the whole test run, on the port the test configuration gives the
 * application ({@code spring.mail.port}). Tests can stop it to see how the application copes with SMTP down.
 */
public final class TestMailServer {

  /** 3925, or VA_TEST_SMTP_PORT: two test runs side by side (two checkouts) each need their own port. */
  public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("VA_TEST_SMTP_PORT", "3925"));
  private static GreenMail server;

  private TestMailServer() {
  }

  public static synchronized GreenMail get() {
    if (server == null) {
      server = create();
      server.start();
    }
    return server;
  }

  /** Stops the server; {@link #restart()} brings a fresh one up on the same port. */
  public static synchronized void stop() {
    get().stop();
    server = null;
  }

  public static synchronized void restart() {
    if (server == null) {
      get();
    }
  }

  public static List<MimeMessage> received() {
    return List.of(get().getReceivedMessages());
  }

  public static void purge() {
    try {
      get().purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail create() {
    return new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }
}
