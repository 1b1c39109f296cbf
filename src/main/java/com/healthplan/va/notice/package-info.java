/**
 * The case's notices of its decisions: the notice process ({@code vertebralAugmentationNotice}) that a decision
 * starts without waiting for it, what the requesting provider's notice and the member's letter of each decision
 * say, and the builder every phase's e-mail goes through (case facts, subject beside its template). Builds on the
 * core, the policy's words (criteria), the letters and the mailer; phases use its builder, it knows no phase.
 */
package com.healthplan.va.notice;
