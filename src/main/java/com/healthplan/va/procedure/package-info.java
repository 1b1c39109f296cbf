/**
 * The procedure phase ({@code vertebralAugmentationProcedure}) and the payment findings that follow it: the
 * pre-procedure documentation review and requests to the provider with their deadline, scheduling with the
 * fracture-age recheck that can send a case back to criteria review, the procedure record (Tasklist, engine REST
 * or the case API, all through one listener), decision {@code vaPaymentLimits} and the wording of its findings,
 * withdrawal, and the phase's table ({@code va_procedure}). Builds on the core, the determination phase (task
 * submissions, notice facts), documents and notification; nothing earlier depends on it.
 */
package com.healthplan.va.procedure;
