/**
 * Intake: the contract's intake rules (IntakeValidator), case ids, the case process's start listener that opens
 * the case file, and opening a case from the case API.
 */
package com.healthplan.va.intake;
