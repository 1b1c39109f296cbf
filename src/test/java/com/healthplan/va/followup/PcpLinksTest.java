package com.healthplan.va.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The PCP's signed links: what verifies, what does not, and when the application refuses to start. */
class PcpLinksTest {

  private static final String KEY = "a-deployment-key-of-at-least-32-characters";
  private final PlanCalendar calendar = new PlanCalendar(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"),
      ZoneId.of("America/New_York")));
  private final FollowUpSettings settings = new FollowUpSettings(Period.ofDays(2), Period.ofDays(7), 3,
      Period.ofDays(60), "https://va.plan.example/");

  private PcpLinks links(String key, String... profiles) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(profiles);
    return new PcpLinks(key, environment, settings, calendar);
  }

  private static String tokenOf(String link) {
    return link.substring(link.indexOf("token=") + 6);
  }

  @Test
  void aLinkVerifiesWithItsCaseMilestoneNonceAndExpiry() {
    PcpLinks links = links(KEY, "prod");
    String nonce = links.newNonce();
    String link = links.link("VA-2026-000042", FollowUpMilestone.THREE_MONTHS, nonce, calendar.now());

    assertThat(link).startsWith("https://va.plan.example/pcp/follow-up?token=");
    PcpLinks.Claims claims = links.verify(tokenOf(link)).orElseThrow();
    assertThat(claims.caseId()).isEqualTo("VA-2026-000042");
    assertThat(claims.milestone()).isEqualTo(FollowUpMilestone.THREE_MONTHS);
    assertThat(claims.nonce()).isEqualTo(nonce).matches("[0-9a-f]{32}");
    assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2027-01-24T12:00:00Z"));
  }

  @Test
  void forgedAlteredOrMalformedTokensDoNotVerify() {
    PcpLinks links = links(KEY, "prod");
    String token = tokenOf(links.link("VA-2026-000042", FollowUpMilestone.ONE_YEAR, links.newNonce(),
        calendar.now()));
    String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
        StandardCharsets.UTF_8);
    String otherCase = Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.replace("VA-2026-000042", "VA-2026-000043").getBytes(StandardCharsets.UTF_8));

    assertThat(links.verify(otherCase + token.substring(token.indexOf('.')))).isEmpty();
    assertThat(links.verify(token.substring(0, token.length() - 2) + "AA")).isEmpty();
    assertThat(links(KEY.replace('a', 'b'), "prod").verify(token)).isEmpty();
    assertThat(links.verify(null)).isEmpty();
    assertThat(links.verify("")).isEmpty();
    assertThat(links.verify("no-dot")).isEmpty();
    assertThat(links.verify("a.b.c")).isEmpty();
    assertThat(links.verify("%%%.***")).isEmpty();
    assertThat(links.verify("x".repeat(500))).isEmpty();
    // the same bytes spelled otherwise: padding added, or the unused low bits of the last character changed
    assertThat(links.verify(token + "=")).isEmpty();
    // (a 32-byte signature is 43 characters, whose last carries 2 unused bits, written as zero: one more is the
    // next character, the same bytes)
    char last = token.charAt(token.length() - 1);
    String sameBytes = token.substring(0, token.length() - 1) + (char) (last + 1);
    assertThat(Base64.getUrlDecoder().decode(sameBytes.substring(sameBytes.indexOf('.') + 1)))
        .isEqualTo(Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1)));
    assertThat(links.verify(sameBytes)).isEmpty();
    assertThat(links.verify(token)).isPresent();
  }

  @Test
  void outsideTheLocalRunTheApplicationRefusesToStartWithoutAStrongKey() {
    assertThatThrownBy(() -> links("", "prod")).hasMessageContaining("VA_PCP_LINK_SIGNING_KEY");
    assertThatThrownBy(() -> links("short", "prod")).hasMessageContaining("at least 32 characters");
    // a deployment's PCP links must point at its https address, not the local default
    FollowUpSettings plainHttp = new FollowUpSettings(Period.ofDays(2), Period.ofDays(7), 3, Period.ofDays(60),
        "http://localhost:8080");
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");
    assertThatThrownBy(() -> new PcpLinks(KEY, prod, plainHttp, calendar)).hasMessageContaining("VA_PUBLIC_BASE_URL");
    // the local run (no profile) makes a random key: its links verify until it stops
    PcpLinks local = links("");
    String link = local.link("VA-2026-000042", FollowUpMilestone.ONE_WEEK, local.newNonce(), calendar.now());
    assertThat(local.verify(tokenOf(link))).isPresent();
    assertThat(links("").verify(tokenOf(link))).isEmpty();
  }
}
