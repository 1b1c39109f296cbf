package com.healthplan.va.caseapi;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The case page at {@code /cases/VA-2026-000042} (every form's heading links there; bookmarkable) and the case
 * search at {@code /cases}: one static page that holds no patient data; it reads the case through
 * {@code GET /api/cases/{caseId}/page} with the webapps' sign-in, which decides what the caller may see.
 */
@Controller
class CasePageController {

  @GetMapping({"/cases", "/cases/", "/cases/{caseId}"})
  String page() {
    return "forward:/case-page/index.html";
  }
}
