package com.healthplan.va.determination;

/** The e-mails a case sends, each with its template under {@code templates/mail/} and its recipients. */
public enum CaseNotice {
  /** To the requesting provider: what is missing, and by when. */
  INFORMATION_REQUEST("information-request", Recipient.REQUESTING_PROVIDER),
  /** Determination notice to the requesting provider: approved. */
  DETERMINATION_APPROVED("determination-approved", Recipient.REQUESTING_PROVIDER),
  /** Determination notice to the requesting provider: denied, with the unmet criteria and the rationale. */
  DETERMINATION_DENIED("determination-denied", Recipient.REQUESTING_PROVIDER),
  /** To the requesting provider: closed because the requested information did not arrive in time. */
  CLOSED_INCOMPLETE("closed-incomplete", Recipient.REQUESTING_PROVIDER),
  /** To the follow-up coordinators: a determination falls due soon. */
  DETERMINATION_DUE_SOON("determination-due-soon", Recipient.COORDINATORS);

  enum Recipient {
    REQUESTING_PROVIDER, COORDINATORS
  }

  private final String template;
  private final Recipient recipient;

  CaseNotice(String template, Recipient recipient) {
    this.template = template;
    this.recipient = recipient;
  }

  String template() {
    return template;
  }

  Recipient recipient() {
    return recipient;
  }
}
