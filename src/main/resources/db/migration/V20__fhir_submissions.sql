-- Requests received through the FHIR Prior Authorization API (Claim/$submit): which provider system sent which
-- request (its bundle identifier) and the case it opened. A resubmission of the same identifier by the same system
-- answers with the same case instead of opening another; $inquire answers only the system that submitted.
CREATE TABLE va_fhir_submission (
  submitted_by            VARCHAR(64)   NOT NULL,
  identifier_system       VARCHAR(255)  NOT NULL,
  identifier_value        VARCHAR(255)  NOT NULL,
  case_id                 VARCHAR(20)   NOT NULL REFERENCES va_case (case_id),
  -- SHA-256 of the intake the request mapped to: the same identifier with other content is refused
  content_digest          VARCHAR(64)   NOT NULL,
  -- the Claim's own identifier (system|value), matched by $inquire beside the bundle's
  claim_identifier        VARCHAR(520),
  -- the Claim's items as JSON ([{"sequence", "code", "levels"}]): the response answers item by item
  items                   VARCHAR(4000) NOT NULL,
  submitted_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (submitted_by, identifier_system, identifier_value)
);
CREATE INDEX va_fhir_submission_case ON va_fhir_submission (case_id);
