-- An appeal the case no longer needs (a new determination round reviews the whole request again, or the procedure
-- was withdrawn) is closed without a decision: when and why, kept beside the appeal, never deleted.
ALTER TABLE va_appeal ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE va_appeal ADD COLUMN closed_reason VARCHAR(1000);
