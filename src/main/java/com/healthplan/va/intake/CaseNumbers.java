package com.healthplan.va.intake;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case ids, {@code VA-<year>-<6 digits>}, numbered per receipt year, never twice.
 *
 * <p>Each number is taken in a short transaction of its own, committed before the case is written: concurrent
 * intakes (on one node or several) hold the counter row's lock for one update, not for the whole start of a
 * case. A case whose start fails leaves its number unused (a gap); a number is never given to a second case,
 * even after a crash, because it is on disk before the case that uses it.
 */
@Component
class CaseNumbers {

  private static final int MAX_NUMBER = 999_999;
  private static final String INCREMENT = "UPDATE va_case_number SET last_number = last_number + 1 WHERE case_year = ?";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  String next(int year) {
    Integer number = ownTransaction.execute(status -> {
      if (jdbc.update(INCREMENT, year) == 0) {
        startYear(year);
        jdbc.update(INCREMENT, year);
      }
      return jdbc.queryForObject("SELECT last_number FROM va_case_number WHERE case_year = ?", Integer.class, year);
    });
    if (number == null || number > MAX_NUMBER) {
      throw new IllegalStateException("No case number left for " + year);
    }
    return String.format("VA-%d-%06d", year, number);
  }

  /**
   * The first case of a year creates its counter in a transaction of its own: a concurrent first case on
   * another node then fails only that small insert (PostgreSQL would abort the surrounding transaction).
   */
  private void startYear(int year) {
    try {
      ownTransaction.executeWithoutResult(status ->
          jdbc.update("INSERT INTO va_case_number (case_year, last_number) VALUES (?, 0)", year));
    } catch (DuplicateKeyException alreadyStarted) {
      // another case started the year first
    }
  }
}
