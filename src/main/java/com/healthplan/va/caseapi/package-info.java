/**
 * The case API (POST /api/cases, GET /api/cases/{caseId}, the documents of a case under
 * /api/cases/{caseId}/documents) and its problem details; it reads the case file and the case's documents.
 */
package com.healthplan.va.caseapi;
