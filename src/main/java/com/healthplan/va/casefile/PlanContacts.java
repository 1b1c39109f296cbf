package com.healthplan.va.casefile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What notices and letters tell members and providers about the plan ({@code va.plan.*}): its name, postal
 * address, the utilization-management telephone line, the line for a peer-to-peer discussion with the reviewing
 * physician, the name of the criteria policy (its version is the decision's), and the language-assistance and
 * non-discrimination statements every member letter carries.
 */
@Component
public class PlanContacts {

  private final String planName;
  private final String address;
  private final String umPhone;
  private final String peerToPeerPhone;
  private final String criteriaPolicy;
  private final String languageAssistance;
  private final String nonDiscrimination;

  PlanContacts(@Value("${va.plan.name}") String planName, @Value("${va.plan.address}") String address,
      @Value("${va.plan.um-phone}") String umPhone, @Value("${va.plan.peer-to-peer-phone}") String peerToPeerPhone,
      @Value("${va.plan.criteria-policy}") String criteriaPolicy,
      @Value("${va.plan.language-assistance}") String languageAssistance,
      @Value("${va.plan.non-discrimination}") String nonDiscrimination) {
    this.planName = planName;
    this.address = address;
    this.umPhone = umPhone;
    this.peerToPeerPhone = peerToPeerPhone;
    this.criteriaPolicy = criteriaPolicy;
    this.languageAssistance = languageAssistance;
    this.nonDiscrimination = nonDiscrimination;
  }

  public String planName() {
    return planName;
  }

  /** Where members and providers write to, one line per line of the address. */
  public String address() {
    return address;
  }

  public String umPhone() {
    return umPhone;
  }

  public String peerToPeerPhone() {
    return peerToPeerPhone;
  }

  public String criteriaPolicy() {
    return criteriaPolicy;
  }

  public String languageAssistance() {
    return languageAssistance;
  }

  public String nonDiscrimination() {
    return nonDiscrimination;
  }
}
