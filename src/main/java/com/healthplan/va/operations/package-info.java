/**
 * Running the application as a plan runs it: on one or more nodes sharing a database. Owns the engine's schema
 * lock for simultaneous first starts, the node's name, how a database outage is answered (503 problem details
 * with {@code Retry-After}), the exit on a database that cannot recover by itself (H2 disk full), and a Cockpit
 * retry that runs at once. Knows no case phase; see docs/operations.md.
 */
package com.healthplan.va.operations;
