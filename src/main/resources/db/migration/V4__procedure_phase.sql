-- The procedure phase of a case: pre-procedure documentation, scheduling, the procedure record and its payment
-- findings. One row per case beside va_case; written only by the phase's listeners and delegates in the engine's
-- transaction. Codes and levels are stored comma-separated in the contract's order.
CREATE TABLE va_procedure (
  case_id                               VARCHAR(20)   NOT NULL PRIMARY KEY REFERENCES va_case (case_id),

  -- pre-procedure documentation (seed: "Documentation Requirements Prior to Procedure")
  documentation_confirmed               VARCHAR(400),
  documentation_missing                 VARCHAR(400),
  documentation_note                    VARCHAR(4000),
  documentation_reviewed_by             VARCHAR(64),
  documentation_reviewed_at             TIMESTAMP WITH TIME ZONE,
  documentation_request_count           INTEGER       NOT NULL,
  documentation_requested_at            TIMESTAMP WITH TIME ZONE,
  -- when the provider's answer (or, before any request, the nurse's review) is due; past it coordinators are alerted
  documentation_due_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
  documentation_escalated_at            TIMESTAMP WITH TIME ZONE,

  -- scheduling (the latest; earlier ones are in the engine's history)
  facility_name                         VARCHAR(200),
  scheduled_date                        DATE,
  setting                               VARCHAR(20),
  inpatient_justification               VARCHAR(4000),
  deferred_to_pcp                       VARCHAR(40),
  scheduled_by                          VARCHAR(64),
  scheduled_at                          TIMESTAMP WITH TIME ZONE,
  schedule_count                        INTEGER       NOT NULL,

  -- the procedure record
  procedure_date                        DATE,
  levels_treated                        VARCHAR(200),
  imaging_guidance                      VARCHAR(20),
  trocar_placement_images_retained      BOOLEAN,
  final_vertebral_body_images_retained  BOOLEAN,
  operative_narrative_received          BOOLEAN,
  open_spine_procedure_same_session     BOOLEAN,
  biopsy_levels                         VARCHAR(200),
  early_procedure_rationale             VARCHAR(4000),
  recorded_by                           VARCHAR(64),
  recorded_at                           TIMESTAMP WITH TIME ZONE,

  -- payment findings (decision vaPaymentLimits) and how a coordinator resolved them
  payment_findings                      VARCHAR(1000),
  payment_limits_version                INTEGER,
  payment_findings_note                 VARCHAR(4000),
  payment_findings_resolved             VARCHAR(1000),
  payment_findings_resolved_by          VARCHAR(64),
  payment_findings_resolved_at          TIMESTAMP WITH TIME ZONE,

  -- withdrawal: the procedure will not take place
  withdrawal_reason                     VARCHAR(4000),
  withdrawn_by                          VARCHAR(64),
  withdrawn_at                          TIMESTAMP WITH TIME ZONE,

  updated_at                            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX va_procedure_scheduled ON va_procedure (scheduled_date);
CREATE INDEX va_procedure_performed ON va_procedure (procedure_date);

-- A scheduled date on which the fracture would be older than 4 months sends the case back to criteria review:
-- the prescreen then judges the fracture's age on that date, and the nurse sees why the case came back.
ALTER TABLE va_case ADD COLUMN criteria_as_of DATE;
ALTER TABLE va_case ADD COLUMN returned_to_review_reason VARCHAR(1000);
ALTER TABLE va_case ADD COLUMN review_round INTEGER DEFAULT 1 NOT NULL;
