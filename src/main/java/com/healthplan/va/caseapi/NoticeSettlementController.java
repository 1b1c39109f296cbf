package com.healthplan.va.caseapi;

import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.notification.NoticeSettlements;
import com.healthplan.va.notification.NoticeToSettle;
import com.healthplan.va.security.ApiCaller;
import com.healthplan.va.security.CaseRoles;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators settle notices whose send was cut off (docs/operations.md): the list of notices in doubt or
 * possibly sent twice, and the settlement of one of them as delivered or to be sent again.
 */
@RestController
@RequestMapping("/api/operations/notices")
class NoticeSettlementController {

  private static final List<String> ADMINISTRATORS = List.of(CaseRoles.ADMINISTRATORS);

  private final NoticeSettlements settlements;
  private final ApiCaller caller;

  NoticeSettlementController(NoticeSettlements settlements, ApiCaller caller) {
    this.settlements = settlements;
    this.caller = caller;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  List<NoticeToSettle> toSettle() {
    caller.requireAnyOf(ADMINISTRATORS);
    return settlements.toSettle();
  }

  /** Body: {@code {"messageId": "<...>", "outcome": "DELIVERED" | "RESEND"}}. */
  @PostMapping(path = "/settlement", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> settle(@RequestBody Map<String, Object> body) {
    caller.requireAnyOf(ADMINISTRATORS);
    Object messageId = body.get("messageId");
    if (!(messageId instanceof String id) || id.isBlank() || id.length() > 255) {
      throw FieldErrors.refusal("messageId", "messageId is required: the notice's Message-ID as listed by "
          + "GET /api/operations/notices.");
    }
    NoticeSettlements.Outcome outcome = outcome(body.get("outcome"));
    int released = settlements.settle(id, outcome, caller.userId());
    return Map.of("messageId", id, "outcome", outcome.name(), "jobsRunNow", released);
  }

  private static NoticeSettlements.Outcome outcome(Object value) {
    if (value instanceof String text) {
      try {
        return NoticeSettlements.Outcome.valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        // answered below
      }
    }
    throw FieldErrors.refusal("outcome", "outcome is required: DELIVERED (it arrived; record it as sent) or "
        + "RESEND (it did not arrive; send it now).");
  }
}
