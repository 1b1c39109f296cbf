-- Finding a case by the member id or the patient's birth date (the case search of the board and the case page).
CREATE INDEX va_case_member ON va_case (member_id);
CREATE INDEX va_case_birth_date ON va_case (patient_birth_date);
