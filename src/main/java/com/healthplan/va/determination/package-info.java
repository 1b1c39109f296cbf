/**
 * The determination phase (process vertebralAugmentationDetermination, called by the case): the prescreen by
 * vcfEligibility, the nurse's criteria review, requests for information, the medical director's review, the
 * determination, its deadlines and alerts, and its notices.
 */
package com.healthplan.va.determination;
