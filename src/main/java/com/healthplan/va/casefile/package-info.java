/**
 * The case core: the case file in the application's tables (va_case) and its repository, the intake facts and
 * their types, statuses, the case's clocks (determination timeframes, the plan's calendar) and the names of the
 * process variables that copy the case file for forms. Every phase builds on it; it knows no phase.
 */
package com.healthplan.va.casefile;
