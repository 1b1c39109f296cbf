-- A notice resent after its first send was cut off (in doubt) may have reached its recipients twice: flagged here
-- until an administrator settles it (docs/operations.md); who settled it and when.
ALTER TABLE va_sent_mail ADD COLUMN possible_duplicate BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE va_sent_mail ADD COLUMN settled_by VARCHAR(64);
ALTER TABLE va_sent_mail ADD COLUMN settled_at TIMESTAMP;
