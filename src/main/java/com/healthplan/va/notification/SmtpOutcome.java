package com.healthplan.va.notification;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * What a failed SMTP call says about the mail: definitely not sent, or in doubt. Only a failure before the
 * message could have been accepted is definite: the server could not be reached or refused the login, or it
 * answered the envelope or the message with an error reply. A timeout or a dropped connection while the message
 * was being transferred may come after the server accepted it, so such a mail is in doubt and is never sent
 * again without a person deciding.
 */
final class SmtpOutcome {

  private SmtpOutcome() {
  }

  static boolean definitelyNotSent(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof MailAuthenticationException || cause instanceof AuthenticationFailedException
          || cause instanceof ConnectException || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException
          || cause.getClass().getName().equals("org.eclipse.angus.mail.util.MailConnectException")) {
        return true;
      }
      // an error reply of the server to MAIL FROM, RCPT TO or the message (SMTPSendFailedException and
      // SMTPAddressFailedException are SendFailedExceptions)
      if (cause instanceof SendFailedException) {
        return true;
      }
      if (cause instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null
          && definitelyNotSent(messaging.getNextException())) {
        return true;
      }
      // Spring reports each failed message's exception beside, not as, its cause
      if (cause instanceof MailSendException send) {
        for (Exception perMessage : send.getMessageExceptions()) {
          if (definitelyNotSent(perMessage)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
