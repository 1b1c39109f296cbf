package com.healthplan.va.notice;

/** The decisions that notify provider and member, each through its own notice process. */
enum NoticeKind {
  /** A round's determination: approved (in whole or in part), denied, or closed for missing information. */
  DETERMINATION,
  /** An appeal's decision: overturned or upheld. */
  APPEAL_DECISION,
  /** A request for information sent to the provider, and an extension granted with it: the member is told. */
  INFORMATION_REQUEST
}
