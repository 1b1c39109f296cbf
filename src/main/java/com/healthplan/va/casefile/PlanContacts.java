package com.healthplan.va.casefile;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What notices tell members and providers about the plan ({@code va.plan.*}): its name, the utilization-management
 * telephone line, the line for a peer-to-peer discussion with the reviewing physician, the name of the criteria
 * policy (its version is the decision's), and how long a denial may be appealed ({@code va.appeal.window}).
 */
@Component
public class PlanContacts {

  private final String planName;
  private final String umPhone;
  private final String peerToPeerPhone;
  private final String criteriaPolicy;
  private final Period appealWindow;

  PlanContacts(@Value("${va.plan.name}") String planName, @Value("${va.plan.um-phone}") String umPhone,
      @Value("${va.plan.peer-to-peer-phone}") String peerToPeerPhone,
      @Value("${va.plan.criteria-policy}") String criteriaPolicy, @Value("${va.appeal.window}") Period appealWindow) {
    this.planName = planName;
    this.umPhone = umPhone;
    this.peerToPeerPhone = peerToPeerPhone;
    this.criteriaPolicy = criteriaPolicy;
    this.appealWindow = appealWindow;
  }

  public String planName() {
    return planName;
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

  public Period appealWindow() {
    return appealWindow;
  }
}
