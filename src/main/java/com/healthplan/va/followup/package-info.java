/**
 * The follow-up phase ({@code vertebralAugmentationFollowUp}): the four milestones due from the procedure date,
 * the nurse's follow-up task with its overdue alerts, the PCP hand-off (deferral, e-mail with a signed link,
 * reminders, the PCP's own page), reports received by fax or phone, and closing the case with its outcome. Owns
 * {@code va_follow_up}. Builds on the core, the determination phase (task submissions, notice facts), the
 * procedure phase (the record it follows up), notification and security; nothing earlier depends on it.
 */
package com.healthplan.va.followup;
