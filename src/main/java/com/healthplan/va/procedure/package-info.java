/**
 * The procedure phase: pre-procedure documentation, scheduling, the procedure record and its payment limits.
 */
package com.healthplan.va.procedure;
