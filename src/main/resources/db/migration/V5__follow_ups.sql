-- Follow-ups of a recorded procedure (policy: "Plan for F/U patient assessment at 1 week, 1 month, 3 months and
-- 1 year"), one row per case and milestone, opened when the procedure is recorded. Written only by the follow-up
-- phase's listeners, delegates and the PCP's report, in the engine's transaction.
CREATE TABLE va_follow_up (
  case_id               VARCHAR(20)   NOT NULL REFERENCES va_case (case_id),
  milestone             VARCHAR(20)   NOT NULL,
  due_date              DATE          NOT NULL,
  deferred_to_pcp       BOOLEAN       NOT NULL,
  -- SCHEDULED, DUE, OVERDUE, DEFERRED_TO_PCP, COMPLETED
  status                VARCHAR(20)   NOT NULL,
  contact_method        VARCHAR(20),
  pain_score            INTEGER,
  comfort_score         INTEGER,
  activity_score        INTEGER,
  note                  VARCHAR(4000),
  recorded_by           VARCHAR(64),
  completed_at          TIMESTAMP WITH TIME ZONE,
  overdue_alerts        INTEGER       NOT NULL,
  -- the PCP's hand-off: the link's nonce (one per milestone), when it was e-mailed, reminders, acknowledgement
  pcp_link_nonce        VARCHAR(64),
  pcp_requested_at      TIMESTAMP WITH TIME ZONE,
  pcp_reminders         INTEGER       NOT NULL,
  pcp_acknowledged_at   TIMESTAMP WITH TIME ZONE,
  pcp_overdue_alerted   BOOLEAN       NOT NULL,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (case_id, milestone)
);

-- the coordinators' board: open follow-ups by status and due date
CREATE INDEX va_follow_up_status_due ON va_follow_up (status, due_date);

-- the case's outcome once every follow-up is completed
ALTER TABLE va_case ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE va_case ADD COLUMN outcome_summary VARCHAR(2000);
