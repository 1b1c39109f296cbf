package com.healthplan.va.input;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the engine's ERROR and WARN logs (with stack traces) of input the application refused on purpose: a
 * refused submission is routine, not an operations problem, and its one WARN line is written where the refusal
 * is answered ({@link RefusedInputResponseFilter}, the case API). Recognized by the refusal in the exception's
 * causes, or, for the engine REST API (which logs its 500s with the stack trace as text), by the refusal
 * recorded for the request being served. Real failures are logged as before.
 * Configured in {@code logback-spring.xml}.
 */
public class RefusedInputLogFilter extends TurboFilter {

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable thrown) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    if (isRefusal(thrown) || RefusedInput.isRecorded()) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable throwable && isRefusal(throwable)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean isRefusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidCaseInputException) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
