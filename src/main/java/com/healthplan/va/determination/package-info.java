/**
 * The determination phase ({@code vertebralAugmentationDetermination}), one round at a time: the prescreen by
 * decision vcfEligibility on the case file's facts, the nurse's criteria review (approve, request information with
 * at most one extension, refer), the medical director's determination (only a physician denies; approvals may be
 * modified), the decision on the information at hand when requested information does not arrive, and the clocks and
 * alerts of the round's deadline. Builds on the core, the policy's words (criteria), notice and security.
 */
package com.healthplan.va.determination;
