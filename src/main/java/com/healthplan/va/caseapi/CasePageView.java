package com.healthplan.va.caseapi;

import java.util.List;

/**
 * A case as its page shows it to one person: everything in words, people by name, every moment in the plan's
 * zone and labelled with it; what the caller's role may not read is left out, not masked on the screen. Sections
 * are lists of label and value, so that the page only lays them out.
 */
record CasePageView(
    String caseId,
    String status,
    String statusText,
    String nextStep,
    String summary,
    List<Line> patient,
    List<Line> request,
    List<Section> determinations,
    List<Line> procedure,
    List<FollowUpRow> followUps,
    Scores scores,
    List<DocumentRow> documents,
    List<NoticeRow> notices,
    List<TimelineRow> timeline,
    Actions actions,
    String zone) {

  /** One fact: what it is, and its value in words. */
  record Line(String label, String value) {
  }

  /** A titled group of facts (a determination round, an appeal). */
  record Section(String title, List<Line> lines) {
  }

  record FollowUpRow(String milestone, String due, String status, String withPcp, String contact, Integer pain,
      Integer comfort, Integer activity) {
  }

  /** The patient's scores from intake on, for the chart: only the points that were recorded. */
  record Scores(List<String> labels, List<Integer> pain, List<Integer> comfort, List<Integer> activity) {
  }

  /** A document with the links that open it: {@code view} in the browser (PDFs), {@code download} always. */
  record DocumentRow(String fileName, String kind, String uploaded, String view, String download) {
  }

  record NoticeRow(String what, String to, String sent) {
  }

  record TimelineRow(String at, String who, String what, String detail) {
  }

  /** What the caller may do from the page: hand a follow-up to the PCP, upload a document of these kinds. */
  record Actions(List<Deferral> deferrals, List<UploadKind> uploadKinds) {
  }

  /** A kind of document the caller may upload: its code (for the request) and its name. */
  record UploadKind(String kind, String label) {
  }

  /** A follow-up the caller may hand to the PCP now: its code (for the request) and its name. */
  record Deferral(String milestone, String label) {
  }
}
