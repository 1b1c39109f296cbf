package com.healthplan.va.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Guessing is slowed per client; no number of failures locks anyone out for good. */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
  final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(5), now::get);
  final AtomicInteger checked = new AtomicInteger();

  /** A password check from the given client address, as the engine's guard runs it. */
  Boolean attempt(String client, boolean correct) throws Exception {
    AtomicReference<Boolean> answer = new AtomicReference<>();
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(client);
    new ClientAddress().doFilter(request, new MockHttpServletResponse(), new MockFilterChain(
        new jakarta.servlet.http.HttpServlet() {
          @Override
          protected void service(jakarta.servlet.http.HttpServletRequest req,
              jakarta.servlet.http.HttpServletResponse res) {
            answer.set(throttle.check(() -> {
              checked.incrementAndGet();
              return correct;
            }));
          }
        }));
    return answer.get();
  }

  @Test
  void theFirstFailuresCostNothing() throws Exception {
    for (int i = 0; i < 4; i++) {
      assertThat(attempt("203.0.113.7", false)).isFalse();
    }
    assertThat(attempt("203.0.113.7", true)).isTrue();
    assertThat(checked).hasValue(5);
  }

  @Test
  void aGuesserWaitsLongerAfterEachFailureAndItsPasswordsAreNotEvenChecked() throws Exception {
    for (int i = 0; i < 5; i++) {
      attempt("203.0.113.7", false);
    }
    assertThat(throttle.isSlowed("203.0.113.7")).isTrue();

    assertThat(attempt("203.0.113.7", true)).as("even the right password waits").isFalse();
    assertThat(checked).hasValue(5);

    now.set(now.get().plusSeconds(2));
    assertThat(attempt("203.0.113.7", true)).isTrue();
    assertThat(throttle.isSlowed("203.0.113.7")).isFalse();
  }

  @Test
  void theDelayDoublesWithEachCheckedFailureUpToItsLimit() throws Exception {
    for (int i = 0; i < 4; i++) {
      attempt("203.0.113.7", false);
    }
    for (long delay : new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300}) {
      attempt("203.0.113.7", false);
      Instant failedAt = now.get();
      now.set(failedAt.plusSeconds(delay).minusMillis(1));
      assertThat(throttle.isSlowed("203.0.113.7")).as("%d s", delay).isTrue();
      now.set(failedAt.plusSeconds(delay));
      assertThat(throttle.isSlowed("203.0.113.7")).as("%d s", delay).isFalse();
    }
  }

  @Test
  void anotherClientIsNotSlowedSoAStrangerCannotLockAUserOut() throws Exception {
    for (int i = 0; i < 50; i++) {
      attempt("203.0.113.7", false);
    }
    assertThat(attempt("198.51.100.2", true)).isTrue();
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() throws Exception {
    for (int i = 0; i < 4; i++) {
      attempt("203.0.113.7", false);
    }
    now.set(now.get().plus(Duration.ofMinutes(16)));
    attempt("203.0.113.7", false);
    assertThat(throttle.isSlowed("203.0.113.7")).isFalse();
  }

  @Test
  void aBurstAlertsAdministratorsOnceWithoutNamingAnyone(CapturedOutput output) throws Exception {
    for (int i = 0; i < 40; i++) {
      now.set(now.get().plusSeconds(1));
      attempt("203.0.113.7", false);
    }
    String log = output.getOut();
    assertThat(log.split("SECURITY ALERT", -1)).hasSize(2);
    assertThat(log).contains("203.0.113.7");
  }

  @Test
  void theApplicationsOwnPasswordChecksAreNotThrottled() {
    for (int i = 0; i < 50; i++) {
      assertThat(throttle.check(() -> false)).isFalse();
    }
    assertThat(throttle.<Boolean>check(() -> true)).isTrue();
  }
}
