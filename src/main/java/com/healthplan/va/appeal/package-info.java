/**
 * The appeal of a denial ({@code vertebralAugmentationAppeal}): recording it (Tasklist or the case API) within the
 * appeal window, its deadline and due-soon alert, the decision by a physician other than the one who denied, and
 * the notice of the decision. Owns {@code va_appeal}. Builds on the core and the determination phase; the
 * procedure phase follows an overturned appeal.
 */
package com.healthplan.va.appeal;
