/**
 * Sends finished notices by e-mail at most once (the sent-mail ledger, stable Message-IDs), renders their
 * templates, and runs the local SMTP sink. Phases build the notice; this package knows only the core.
 */
package com.healthplan.va.notification;
