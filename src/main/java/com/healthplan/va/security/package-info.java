/**
 * Who may do what: users, groups and authorizations created at start-up, Tasklist filters, HTTP Basic for the
 * APIs, the demo-password and administrator guard, the per-client login throttle, and the case's rules inside the
 * engine (CaseEnginePlugin, CaseCommandGuard).
 */
package com.healthplan.va.security;
