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

  private CaseRoles() {
  }
}
