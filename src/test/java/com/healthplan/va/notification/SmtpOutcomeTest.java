package com.healthplan.va.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** Only a failure before the server could have accepted the mail releases its claim; anything else is in doubt. */
class SmtpOutcomeTest {

  static MailSendException failed(Exception perMessage) {
    return new MailSendException(Map.of(new Object(), perMessage));
  }

  @Test
  void aServerThatCannotBeReachedSentNothing() {
    var connect = new MailConnectException(new SocketConnectException("refused", new ConnectException(), "smtp", 25, 1));
    assertThat(SmtpOutcome.definitelyNotSent(failed(connect))).isTrue();
    assertThat(SmtpOutcome.definitelyNotSent(failed(new MessagingException("x", new ConnectException())))).isTrue();
    assertThat(SmtpOutcome.definitelyNotSent(new MailAuthenticationException("bad login"))).isTrue();
  }

  @Test
  void anErrorReplyOfTheServerSentNothing() {
    assertThat(SmtpOutcome.definitelyNotSent(failed(
        new SMTPSendFailedException("DATA", 554, "554 rejected", null, null, null, null)))).isTrue();
    assertThat(SmtpOutcome.definitelyNotSent(failed(new SendFailedException("recipient refused")))).isTrue();
  }

  @Test
  void aTimeoutOrDroppedConnectionDuringTheTransferIsInDoubt() {
    assertThat(SmtpOutcome.definitelyNotSent(failed(new MessagingException("read timed out",
        new SocketTimeoutException("Read timed out"))))).isFalse();
    assertThat(SmtpOutcome.definitelyNotSent(failed(new MessagingException("connection dropped")))).isFalse();
    assertThat(SmtpOutcome.definitelyNotSent(new MailSendException("unknown"))).isFalse();
  }
}
