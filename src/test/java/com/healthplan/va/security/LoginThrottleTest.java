package com.healthplan.va.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Guessing is slowed per account and per client; one account's sign-in never erases another's failures; a
 * browser that signed in before is never held by a stranger's guesses; no number of failures locks anyone out.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
  final LoginThrottle throttle = new LoginThrottle(5, 20, 20, Duration.ofMinutes(15), Duration.ofMinutes(5),
      now::get, new SignInDevices("a test key that is long enough to sign", Duration.ofDays(180)));
  final AtomicInteger checked = new AtomicInteger();
  /** The cookies of the one browser these tests sign in from. */
  final List<Cookie> browser = new ArrayList<>();
  MockHttpServletRequest lastRequest;

  /** A password check of the user from the given client address (without the browser's cookies). */
  Boolean attempt(String client, String user, boolean correct) throws Exception {
    return attempt(client, user, correct, false);
  }

  Boolean attempt(String client, String user, boolean correct, boolean withBrowserCookies) throws Exception {
    AtomicReference<Boolean> answer = new AtomicReference<>();
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(client);
    if (withBrowserCookies && !browser.isEmpty()) {
      request.setCookies(browser.toArray(Cookie[]::new));
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    new ClientAddress().doFilter(request, response, new MockFilterChain(
        new jakarta.servlet.http.HttpServlet() {
          @Override
          protected void service(jakarta.servlet.http.HttpServletRequest req,
              jakarta.servlet.http.HttpServletResponse res) {
            answer.set(throttle.check(user, correct ? "right" : "wrong", () -> {
              checked.incrementAndGet();
              return correct;
            }));
          }
        }));
    if (withBrowserCookies && response.getCookie(SignInDevices.COOKIE) != null) {
      browser.clear();
      browser.add(response.getCookie(SignInDevices.COOKIE));
    }
    lastRequest = request;
    return answer.get();
  }

  @Test
  void theFirstFailuresCostNothing() throws Exception {
    for (int i = 0; i < 4; i++) {
      assertThat(attempt("203.0.113.7", "md1", false)).isFalse();
    }
    assertThat(attempt("203.0.113.7", "md1", true)).isTrue();
    assertThat(checked).hasValue(5);
  }

  /** Found 1: four guesses at md1, then nurse1's correct sign-in, ten rounds: md1's record must survive. */
  @Test
  void anotherAccountsCorrectSignInNeverErasesTheFailuresOfAnAccount() throws Exception {
    for (int round = 0; round < 10; round++) {
      for (int i = 0; i < 4; i++) {
        attempt("203.0.113.7", "md1", false);
      }
      attempt("203.0.113.7", "nurse1", true);
    }
    assertThat(throttle.isAccountSlowed("md1")).isTrue();
    int before = checked.get();
    assertThat(attempt("203.0.113.7", "md1", true)).as("the right password waits too").isFalse();
    assertThat(lastRequest.getAttribute(LoginThrottle.RETRY_AFTER)).isNotNull();
    assertThat(checked).as("a held-back password is not checked").hasValue(before);
  }

  @Test
  void guessesAtOneAccountFromManyClientsSlowThatAccount() throws Exception {
    for (int i = 0; i < 6; i++) {
      attempt("203.0.113." + i, "md1", false);
    }
    assertThat(throttle.isAccountSlowed("md1")).isTrue();
    assertThat(attempt("198.51.100.9", "md1", true)).isFalse();
  }

  @Test
  void theWaitDoublesWithEachCheckedFailureUpToItsLimit() throws Exception {
    for (int i = 0; i < 4; i++) {
      attempt("203.0.113.7", "md1", false);
    }
    for (long delay : new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300}) {
      attempt("203.0.113.7", "md1", false);
      Instant failedAt = now.get();
      now.set(failedAt.plusSeconds(delay).minusMillis(1));
      assertThat(throttle.isAccountSlowed("md1")).as("%d s", delay).isTrue();
      now.set(failedAt.plusSeconds(delay));
      assertThat(throttle.isAccountSlowed("md1")).as("%d s", delay).isFalse();
    }
  }

  /** Found 2: a stranger behind the same proxy guesses at everyone; a user who signed in here before is not held. */
  @Test
  void aStrangerOnTheSameAddressNeverLocksOutABrowserThatSignedInBefore() throws Exception {
    assertThat(attempt("10.0.0.1", "nurse1", true, true)).isTrue();
    assertThat(browser).as("the browser is remembered").hasSize(1);
    for (int i = 0; i < 60; i++) {
      attempt("10.0.0.1", "user" + (i % 15), false);
    }
    for (int i = 0; i < 6; i++) {
      attempt("10.0.0.1", "nurse1", false);
    }
    assertThat(throttle.isClientSlowed("10.0.0.1")).isTrue();
    assertThat(attempt("10.0.0.1", "nurse1", true, true)).as("the known browser signs in").isTrue();
    assertThat(attempt("10.0.0.1", "md1", true)).as("an unknown browser on that address waits").isFalse();
    assertThat(attempt("198.51.100.2", "md1", true)).as("another address does not").isTrue();
  }

  @Test
  void aChangedSignInCookieCountsAsNone() throws Exception {
    attempt("10.0.0.1", "nurse1", true, true);
    for (int i = 0; i < 6; i++) {
      attempt("10.0.0.1", "md1", false);
    }
    Cookie real = browser.get(0);
    String forged = real.getValue().replaceFirst("^[^.]+", java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("md1".getBytes()));
    browser.set(0, new Cookie(SignInDevices.COOKIE, forged));
    assertThat(attempt("10.0.0.1", "md1", true, true)).isFalse();
    String respelled = real.getValue() + "=";
    browser.set(0, new Cookie(SignInDevices.COOKIE, respelled));
    assertThat(throttle.isAccountSlowed("md1")).isTrue();
  }

  @Test
  void aKnownBrowserHasItsOwnBudget() throws Exception {
    attempt("10.0.0.1", "nurse1", true, true);
    for (int i = 0; i < 5; i++) {
      attempt("10.0.0.1", "nurse1", false, true);
    }
    assertThat(attempt("10.0.0.1", "nurse1", true, true)).as("even a known browser waits after its own guesses")
        .isFalse();
  }

  @Test
  void anotherClientAndAnotherAccountAreNotSlowed() throws Exception {
    for (int i = 0; i < 50; i++) {
      attempt("203.0.113.7", "md1", false);
    }
    assertThat(attempt("198.51.100.2", "nurse1", true)).isTrue();
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() throws Exception {
    for (int i = 0; i < 4; i++) {
      attempt("203.0.113.7", "md1", false);
    }
    now.set(now.get().plus(Duration.ofMinutes(16)));
    attempt("203.0.113.7", "md1", false);
    assertThat(throttle.isAccountSlowed("md1")).isFalse();
  }

  @Test
  void aBurstAlertsAdministratorsOnce(CapturedOutput output) throws Exception {
    for (int i = 0; i < 40; i++) {
      now.set(now.get().plusSeconds(1));
      attempt("203.0.113.7", "md1", false);
    }
    String log = output.getOut();
    assertThat(log.split("SECURITY ALERT", -1)).as("one for the account, one for the client").hasSize(3);
    assertThat(log).contains("203.0.113.7").doesNotContain("wrong");
  }

  @Test
  void theApplicationsOwnPasswordChecksAreNotThrottled() {
    for (int i = 0; i < 50; i++) {
      assertThat(throttle.check("md1", "x", () -> false)).isFalse();
    }
    assertThat(throttle.<Boolean>check("md1", "x", () -> true)).isTrue();
  }
}
