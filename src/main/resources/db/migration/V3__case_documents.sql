-- Documents of a case (provider uploads through the case API; later the application's member letters).
-- The content is kept in the row: BYTEA is PostgreSQL's binary string type, and H2 2.x reads it as
-- BINARY VARYING (at most 1,000,000,000 bytes), so one DDL serves both; the application refuses files over 20 MB.
-- The media type is decided from the content, never from the file name or the declared Content-Type.
CREATE TABLE va_document (
  document_id   VARCHAR(36)   NOT NULL PRIMARY KEY,
  case_id       VARCHAR(20)   NOT NULL REFERENCES va_case (case_id),
  kind          VARCHAR(40)   NOT NULL,
  file_name     VARCHAR(200)  NOT NULL,
  media_type    VARCHAR(60)   NOT NULL,
  size_bytes    BIGINT        NOT NULL,
  sha256        CHAR(64)      NOT NULL,
  uploaded_by   VARCHAR(64)   NOT NULL,
  uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  content       BYTEA         NOT NULL
);

-- a case's documents, newest first
CREATE INDEX va_document_case ON va_document (case_id, uploaded_at);
