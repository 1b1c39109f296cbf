-- The one extension of a determination's deadline a nurse may grant when asking the provider for information
-- (up to 14 calendar days, with a reason). determination_due_at holds the extended deadline; the original stays here.
ALTER TABLE va_case ADD COLUMN extension_days INTEGER;
ALTER TABLE va_case ADD COLUMN extension_reason VARCHAR(4000);
ALTER TABLE va_case ADD COLUMN extended_by VARCHAR(64);
ALTER TABLE va_case ADD COLUMN extended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE va_case ADD COLUMN original_determination_due_at TIMESTAMP WITH TIME ZONE;
