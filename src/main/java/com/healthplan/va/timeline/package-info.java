/**
 * A case's timeline: who did what and when, oldest first, in plain words, read from the engine's history of the
 * case and its phases, the case file and the sent-mail ledger. Shown by the case API and the Cockpit case page.
 */
package com.healthplan.va.timeline;
