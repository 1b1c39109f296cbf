/**
 * The case API (POST /api/cases, GET /api/cases/{caseId}) and its problem details; it reads the case file.
 */
package com.healthplan.va.caseapi;
