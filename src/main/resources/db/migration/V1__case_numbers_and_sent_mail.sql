-- Tables of the application itself; Camunda creates and upgrades its own ACT_* tables.
-- Portable between H2 and PostgreSQL. IF NOT EXISTS: databases of the first release had these tables before
-- Flyway managed them (baseline-on-migrate adopts such a database at version 0, then runs this).

-- Last case number handed out per receipt year: VA-<year>-<number>
CREATE TABLE IF NOT EXISTS va_case_number (
  case_year   INTEGER     NOT NULL PRIMARY KEY,
  last_number INTEGER     NOT NULL
);

-- One row per e-mail handed to the SMTP server, committed on its own right after sending,
-- so that a retried job never sends the same message twice
CREATE TABLE IF NOT EXISTS va_sent_mail (
  message_id  VARCHAR(255) NOT NULL PRIMARY KEY,
  case_id     VARCHAR(20)  NOT NULL,
  notice_kind VARCHAR(60)  NOT NULL,
  recipients  VARCHAR(2000) NOT NULL,
  subject     VARCHAR(400) NOT NULL,
  sent_at     TIMESTAMP    NOT NULL
);

CREATE INDEX IF NOT EXISTS va_sent_mail_case ON va_sent_mail (case_id);
