/**
 * Letters to the member: one template rendered to PDF (stored with the case's documents as MEMBER_NOTICE, for
 * printing and mailing) and to e-mail when the member's address is known. Knows the core, documents and
 * notification; the phases hand it what each letter says.
 */
package com.healthplan.va.letters;
