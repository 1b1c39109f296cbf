-- The case file: the facts of a case and what was decided about them, written only by the application's
-- validated code in the same transaction as the engine's step. Process variables hold copies for forms.
-- Lists of codes or levels are stored comma-separated, in the contract's order. Instants are
-- TIMESTAMP WITH TIME ZONE; calendar dates of the case are DATE.
CREATE TABLE va_case (
  case_id                               VARCHAR(20)   NOT NULL PRIMARY KEY,
  process_instance_id                   VARCHAR(64)   NOT NULL,
  status                                VARCHAR(40)   NOT NULL,

  -- intake (contract names in snake case)
  member_id                             VARCHAR(40)   NOT NULL,
  patient_name                          VARCHAR(200)  NOT NULL,
  patient_birth_date                    DATE          NOT NULL,
  requesting_provider_name              VARCHAR(200)  NOT NULL,
  requesting_provider_npi               VARCHAR(10)   NOT NULL,
  requesting_provider_email             VARCHAR(254)  NOT NULL,
  pcp_name                              VARCHAR(200)  NOT NULL,
  pcp_email                             VARCHAR(254)  NOT NULL,
  pcp_phone                             VARCHAR(30),
  member_email                          VARCHAR(254),
  member_address                        VARCHAR(300),
  procedure_type                        VARCHAR(20)   NOT NULL,
  request_date                          DATE          NOT NULL,
  urgency                               VARCHAR(10)   NOT NULL,
  fracture_levels                       VARCHAR(200)  NOT NULL,
  fracture_date                         DATE          NOT NULL,
  imaging_modality                      VARCHAR(10)   NOT NULL,
  imaging_date                          DATE,
  pain_score                            INTEGER       NOT NULL,
  pain_interferes_with_adls             BOOLEAN       NOT NULL,
  adls_previously_independent           BOOLEAN       NOT NULL,
  conservative_care_failed              BOOLEAN       NOT NULL,
  interventions_attempted               VARCHAR(4000),
  unstable_fracture                     BOOLEAN       NOT NULL,
  active_infection                      BOOLEAN       NOT NULL,
  uncorrected_coagulopathy              BOOLEAN       NOT NULL,
  bone_retropulsion                     BOOLEAN       NOT NULL,
  radicular_symptoms                    BOOLEAN       NOT NULL,
  spinal_tumor_or_cord_compression      BOOLEAN       NOT NULL,
  material_allergy_or_contraindication  BOOLEAN       NOT NULL,
  other_spinal_pain_generators          BOOLEAN       NOT NULL,

  -- deadlines
  received_at                           TIMESTAMP WITH TIME ZONE NOT NULL,
  determination_due_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
  determination_escalation_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  determination_escalated               BOOLEAN       NOT NULL,

  -- latest prescreen (decision vcfEligibility)
  prescreened_at                        TIMESTAMP WITH TIME ZONE,
  prescreen_unmet_criteria              VARCHAR(1000),
  criteria_version                      INTEGER,

  -- latest criteria review (nurse) or medical director review
  review_decision                       VARCHAR(40),
  review_confirmed_criteria             VARCHAR(1000),
  review_note                           VARCHAR(4000),
  reviewed_by                           VARCHAR(64),
  reviewed_at                           TIMESTAMP WITH TIME ZONE,

  -- requests for information to the requesting provider
  information_request_count             INTEGER       NOT NULL,
  requested_information                 VARCHAR(4000),
  information_due_at                    TIMESTAMP WITH TIME ZONE,
  information_received_note             VARCHAR(4000),
  information_received_at               TIMESTAMP WITH TIME ZONE,

  -- the determination
  determination_outcome                 VARCHAR(20),
  determination_decided_by              VARCHAR(64),
  determination_decided_at              TIMESTAMP WITH TIME ZONE,
  determination_rationale               VARCHAR(4000),
  determination_unmet_criteria          VARCHAR(1000),

  updated_at                            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX va_case_process_instance ON va_case (process_instance_id);
CREATE INDEX va_case_status_due ON va_case (status, determination_due_at);
CREATE INDEX va_case_received ON va_case (received_at);

-- Sent-mail ledger: a notice is claimed (SENDING) in its own transaction before the SMTP call, marked SENT
-- after it and released on failure, so that two jobs with the same Message-ID can never both send it.
ALTER TABLE va_sent_mail ADD COLUMN state VARCHAR(10) DEFAULT 'SENT' NOT NULL;
ALTER TABLE va_sent_mail ADD COLUMN claimed_at TIMESTAMP;
ALTER TABLE va_sent_mail ALTER COLUMN sent_at DROP NOT NULL;
