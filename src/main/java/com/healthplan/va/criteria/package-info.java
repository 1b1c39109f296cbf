/**
 * The policy's patient criteria and exclusions as a vocabulary: the contract's unmet-criteria codes in decision
 * order, with their wording for reviewers and providers, and lists of them as submitted and stored. When a
 * criterion is met is decided by the DMN table vcfEligibility only.
 */
package com.healthplan.va.criteria;
