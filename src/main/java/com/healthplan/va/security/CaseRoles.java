package com.healthplan.va.security;

import java.util.List;

/** The groups of the case contract and what each stands for. */
public final class CaseRoles {

  /** Administrators: Admin, Cockpit, Tasklist. */
  public static final String ADMINISTRATORS = "camunda-admin";
  /** Utilization-management nurses: intake, criteria review, follow-up calls. */
  public static final String NURSES = "um-nurses";
  /** Follow-up coordinators: scheduling, PCP hand-off, tracking in Cockpit. */
  public static final String COORDINATORS = "follow-up-coordinators";
  /** Physician reviewers: only a physician may deny. */
  public static final String MEDICAL_DIRECTORS = "medical-directors";

  /**
   * Providers' systems (EHRs, practice systems) of the FHIR Prior Authorization API: they submit requests and read
   * their own requests' status and decision there, and nothing else (no webapp, no case API, no other case).
   */
  public static final String PROVIDER_SYSTEMS = "provider-systems";

  /** Every group that works on cases. */
  public static final List<String> ALL = List.of(ADMINISTRATORS, NURSES, COORDINATORS, MEDICAL_DIRECTORS);

  /**
   * Whether these groups read the patient's identity (name, birth date) on pages and searches: the roles that work
   * with the patient. Coordinators see initials and the member id (minimum necessary for scheduling and tracking).
   */
  public static boolean seeThePatient(java.util.Collection<String> groups) {
    return groups.contains(NURSES) || groups.contains(MEDICAL_DIRECTORS) || groups.contains(ADMINISTRATORS);
  }

  /** Whether these groups read the patient's telephone: the nurses who make the follow-up calls, administrators. */
  public static boolean callThePatient(java.util.Collection<String> groups) {
    return groups.contains(NURSES) || groups.contains(ADMINISTRATORS);
  }

  private CaseRoles() {
  }
}
