/**
 * Refusing bad input on every path: reading submitted values into the case's types with plain-language errors, the
 * kinds and sizes of value the engine accepts from a person, and turning refusals inside the engine into a 400
 * with one quiet log line.
 */
package com.healthplan.va.input;
