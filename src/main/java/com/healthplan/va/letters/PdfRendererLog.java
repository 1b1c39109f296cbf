package com.healthplan.va.letters;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PDF renderer's log through the application's: openhtmltopdf writes to java.util.logging on its own console
 * at INFO for every letter ("Matcher created with 168 selectors"); here its INFO and finer are debug, its warnings
 * warnings, in the application's format and levels.
 */
final class PdfRendererLog implements XRLogger {

  private PdfRendererLog() {
  }

  /** Installs the bridge once for the JVM (the renderer's logger is static). */
  static synchronized void install() {
    if (!(XRLog.getLoggerImpl() instanceof PdfRendererLog)) {
      XRLog.setLoggerImpl(new PdfRendererLog());
    }
  }

  private static Logger logger(String where) {
    return LoggerFactory.getLogger(where == null ? "com.openhtmltopdf" : where);
  }

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable failure) {
    Logger logger = logger(where);
    if (level.intValue() >= Level.SEVERE.intValue()) {
      logger.error(message, failure);
    } else if (level.intValue() >= Level.WARNING.intValue()) {
      logger.warn(message, failure);
    } else {
      logger.debug(message, failure);
    }
  }

  @Override
  public void setLevel(String where, Level level) {
    // levels are the application's logging configuration's
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = logger(diagnostic.getLogMessageId().getWhere());
    int level = diagnostic.getLevel().intValue();
    return level >= Level.WARNING.intValue() ? logger.isWarnEnabled() : logger.isDebugEnabled();
  }
}
