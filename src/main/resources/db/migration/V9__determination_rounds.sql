-- Determination rounds: the first opens at intake; a new one opens when an approval lapses before the procedure.
-- Each keeps its deadline, extension, decision and appeal, so that no decision is ever overwritten. va_case keeps
-- the case's status, its facts, the latest prescreen, review and information request, and the current round's number.
CREATE TABLE va_determination (
  case_id                 VARCHAR(20)   NOT NULL REFERENCES va_case (case_id),
  round                   INTEGER       NOT NULL,
  -- RECEIVED or APPROVAL_LAPSED, and why in words
  opening                 VARCHAR(20)   NOT NULL,
  opening_reason          VARCHAR(1000),
  opened_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  -- the day the criteria are judged on (null: the request date)
  criteria_as_of          DATE,
  due_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
  escalation_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  escalated               BOOLEAN       NOT NULL,
  extension_days          INTEGER,
  extension_reason        VARCHAR(4000),
  extended_by             VARCHAR(64),
  extended_at             TIMESTAMP WITH TIME ZONE,
  original_due_at         TIMESTAMP WITH TIME ZONE,
  -- APPROVED, APPROVED_WITH_MODIFICATIONS, DENIED, CLOSED_INCOMPLETE; null while the round is open
  outcome                 VARCHAR(30),
  decided_by              VARCHAR(64),
  decided_at              TIMESTAMP WITH TIME ZONE,
  rationale               VARCHAR(4000),
  unmet_criteria          VARCHAR(1000),
  approved_levels         VARCHAR(200),
  not_approved_levels     VARCHAR(200),
  conditions              VARCHAR(4000),
  overridden_criteria     VARCHAR(1000),
  -- an approval covers a procedure performed on or before this day (decision vcfFractureAgeLimit)
  valid_through           DATE,
  PRIMARY KEY (case_id, round)
);

CREATE INDEX va_determination_decided ON va_determination (decided_at);
CREATE INDEX va_determination_due ON va_determination (due_at);

-- the current round of every existing case, with what va_case held of it
INSERT INTO va_determination (case_id, round, opening, opening_reason, opened_at, criteria_as_of, due_at,
    escalation_at, escalated, extension_days, extension_reason, extended_by, extended_at, original_due_at, outcome,
    decided_by, decided_at, rationale, unmet_criteria, approved_levels, not_approved_levels, conditions,
    overridden_criteria, valid_through)
SELECT case_id, review_round,
    CASE WHEN review_round > 1 THEN 'APPROVAL_LAPSED' ELSE 'RECEIVED' END, returned_to_review_reason, received_at,
    criteria_as_of, determination_due_at, determination_escalation_at, determination_escalated, extension_days,
    extension_reason, extended_by, extended_at, original_determination_due_at,
    CASE
      WHEN determination_outcome = 'APPROVED' AND (determination_conditions IS NOT NULL
          OR (determination_approved_levels IS NOT NULL AND determination_approved_levels <> ''
              AND determination_approved_levels <> fracture_levels)) THEN 'APPROVED_WITH_MODIFICATIONS'
      WHEN determination_outcome IS NOT NULL THEN determination_outcome
      WHEN status = 'CLOSED_INCOMPLETE' THEN 'CLOSED_INCOMPLETE'
      ELSE NULL
    END,
    determination_decided_by,
    CASE WHEN determination_outcome IS NULL AND status = 'CLOSED_INCOMPLETE' THEN information_due_at
      ELSE determination_decided_at END,
    CASE WHEN determination_outcome IS NULL AND status = 'CLOSED_INCOMPLETE'
      THEN 'The requested information did not arrive by its deadline.' ELSE determination_rationale END,
    determination_unmet_criteria,
    CASE WHEN determination_approved_levels IS NULL OR determination_approved_levels = '' THEN
      CASE WHEN determination_outcome = 'APPROVED' THEN fracture_levels ELSE NULL END
      ELSE determination_approved_levels END,
    NULL, determination_conditions, determination_overridden_criteria, NULL
FROM va_case;

DROP INDEX va_case_status_due;
ALTER TABLE va_case DROP COLUMN determination_due_at;
ALTER TABLE va_case DROP COLUMN determination_escalation_at;
ALTER TABLE va_case DROP COLUMN determination_escalated;
ALTER TABLE va_case DROP COLUMN determination_outcome;
ALTER TABLE va_case DROP COLUMN determination_decided_by;
ALTER TABLE va_case DROP COLUMN determination_decided_at;
ALTER TABLE va_case DROP COLUMN determination_rationale;
ALTER TABLE va_case DROP COLUMN determination_unmet_criteria;
ALTER TABLE va_case DROP COLUMN determination_approved_levels;
ALTER TABLE va_case DROP COLUMN determination_conditions;
ALTER TABLE va_case DROP COLUMN determination_overridden_criteria;
ALTER TABLE va_case DROP COLUMN extension_days;
ALTER TABLE va_case DROP COLUMN extension_reason;
ALTER TABLE va_case DROP COLUMN extended_by;
ALTER TABLE va_case DROP COLUMN extended_at;
ALTER TABLE va_case DROP COLUMN original_determination_due_at;
ALTER TABLE va_case DROP COLUMN criteria_as_of;
ALTER TABLE va_case DROP COLUMN returned_to_review_reason;
CREATE INDEX va_case_status ON va_case (status);

-- when the latest request for information went out (its deadline counts from then)
ALTER TABLE va_case ADD COLUMN information_requested_at TIMESTAMP WITH TIME ZONE;
-- an administrator's cancellation of the case (its process instance deleted), with the reason
ALTER TABLE va_case ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE va_case ADD COLUMN cancelled_by VARCHAR(64);
ALTER TABLE va_case ADD COLUMN cancellation_reason VARCHAR(1000);
-- the patient's telephone (optional): follow-ups are by telephone
ALTER TABLE va_case ADD COLUMN patient_phone VARCHAR(30);

-- an appeal concerns the levels of its round that were not approved (all of them after a denial); an overturn
-- approves them, valid through the day the approval covers
ALTER TABLE va_appeal ADD COLUMN appealed_levels VARCHAR(200);
ALTER TABLE va_appeal ADD COLUMN approval_valid_through DATE;
UPDATE va_appeal SET appealed_levels = (SELECT c.fracture_levels FROM va_case c WHERE c.case_id = va_appeal.case_id);
