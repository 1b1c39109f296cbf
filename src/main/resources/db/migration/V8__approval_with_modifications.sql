-- An approval may cover fewer levels than requested, or carry conditions; it records which criteria the physician
-- overrode. Later phases check the treated levels against the approved ones.
ALTER TABLE va_case ADD COLUMN determination_approved_levels VARCHAR(200);
ALTER TABLE va_case ADD COLUMN determination_conditions VARCHAR(4000);
ALTER TABLE va_case ADD COLUMN determination_overridden_criteria VARCHAR(1000);
