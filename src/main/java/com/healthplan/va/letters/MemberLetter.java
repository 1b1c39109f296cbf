package com.healthplan.va.letters;

/** The letters a member gets, each with its subject line: plain words, no codes. */
public enum MemberLetter {
  APPROVED("We approved your doctor's request"),
  DENIED("We did not approve your doctor's request"),
  CLOSED_INCOMPLETE("We could not decide on your doctor's request"),
  INFORMATION_REQUESTED("We asked your doctor for more information"),
  EXTENDED("We need more time to decide on your doctor's request"),
  APPEAL_OVERTURNED("Your appeal: we now approve the request"),
  APPEAL_UPHELD("Your appeal: we still do not approve the request");

  private final String subject;

  MemberLetter(String subject) {
    this.subject = subject;
  }

  public String subject() {
    return subject;
  }
}
