-- The appeal of a denial (one per determination: a case back in review after an overturn may be denied and
-- appealed again): who asked, why, how urgent, when it is due, and the decision of a physician other than the one
-- who denied. Written only by the appeal's listeners, in the engine's transaction.
CREATE TABLE va_appeal (
  case_id        VARCHAR(20)   NOT NULL REFERENCES va_case (case_id),
  review_round   INTEGER       NOT NULL,
  requested_by   VARCHAR(10)   NOT NULL,
  reason         VARCHAR(4000) NOT NULL,
  urgency        VARCHAR(10)   NOT NULL,
  received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  received_by    VARCHAR(64)   NOT NULL,
  due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  escalation_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  denied_by      VARCHAR(64)   NOT NULL,
  outcome        VARCHAR(10),
  decided_by     VARCHAR(64),
  decided_at     TIMESTAMP WITH TIME ZONE,
  rationale      VARCHAR(4000),
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (case_id, review_round)
);

CREATE INDEX va_appeal_decided ON va_appeal (decided_at);
