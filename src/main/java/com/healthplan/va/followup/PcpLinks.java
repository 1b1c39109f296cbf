package com.healthplan.va.followup;

import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.security.LocalRun;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The PCP's link: a token naming one case and one milestone, with an expiry and the milestone's nonce, signed with
 * HMAC-SHA256 under {@code va.follow-up.pcp-link-signing-key}. A forged or altered token fails the signature; an
 * expired one its date; one of an earlier request its nonce. Outside the local run the application does not
 * start without a key of at least 32 characters; the local run makes a random one (its links die with it).
 */
@Component
public class PcpLinks {

  static final String PATH = "/pcp/follow-up";
  private static final Pattern CASE_ID = Pattern.compile("VA-[0-9]{4}-[0-9]{6}");
  private static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;
  private final FollowUpSettings settings;
  private final PlanCalendar calendar;
  private final SecureRandom random = new SecureRandom();

  PcpLinks(@Value("${va.follow-up.pcp-link-signing-key:}") String configuredKey, Environment environment,
      FollowUpSettings settings, PlanCalendar calendar) {
    boolean localRun = LocalRun.is(environment);
    if (configuredKey == null || configuredKey.isBlank()) {
      if (!localRun) {
        throw new IllegalStateException("Set VA_PCP_LINK_SIGNING_KEY (va.follow-up.pcp-link-signing-key, at least "
            + "32 characters): it signs the links in the e-mails to PCPs.");
      }
      byte[] generated = new byte[32];
      random.nextBytes(generated);
      this.key = generated;
    } else {
      if (configuredKey.length() < 32) {
        throw new IllegalStateException("va.follow-up.pcp-link-signing-key must have at least 32 characters.");
      }
      this.key = configuredKey.getBytes(StandardCharsets.UTF_8);
    }
    if (!localRun && !settings.publicBaseUrl().startsWith("https://")) {
      throw new IllegalStateException("Set VA_PUBLIC_BASE_URL (va.public-base-url) to the https address PCPs "
          + "reach this application at: the links in their e-mails would point at " + settings.publicBaseUrl()
          + ".");
    }
    this.settings = settings;
    this.calendar = calendar;
  }

  /** A fresh random nonce (tests: a newer request's). */
  String newNonce() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The nonce of a milestone's request, derived from the key: the same on a retried job, so the link in a mail
   * that went out before the job's transaction failed stays valid.
   */
  String nonceFor(String caseId, FollowUpMilestone milestone) {
    return HexFormat.of().formatHex(sign("nonce|" + caseId + "|" + milestone.name())).substring(0, 32);
  }

  /** The link to the PCP's page, valid for {@code va.follow-up.pcp-link-validity} from {@code issuedAt}. */
  String link(String caseId, FollowUpMilestone milestone, String nonce, Instant issuedAt) {
    Instant expires = issuedAt.atZone(calendar.zone()).plus(settings.pcpLinkValidity()).toInstant();
    String payload = caseId + "|" + milestone.name() + "|" + expires.getEpochSecond() + "|" + nonce;
    String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return settings.publicBaseUrl() + PATH + "?token=" + encoded + "." + ENCODER.encodeToString(sign(encoded));
  }

  /** What a token says, once its signature holds; its expiry and nonce are the caller's to check. */
  record Claims(String caseId, FollowUpMilestone milestone, Instant expiresAt, String nonce) {
  }

  /** The token's claims if it was signed here and is well formed; empty for anything forged or altered. */
  Optional<Claims> verify(String token) {
    if (token == null || token.length() > 400) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return Optional.empty();
    }
    String encoded = token.substring(0, dot);
    byte[] signature;
    String payload;
    try {
      signature = DECODER.decode(token.substring(dot + 1));
      payload = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    // only the one encoding this class writes: another spelling of the same bytes (a changed unused last bit,
    // padding added) is not this link
    if (!ENCODER.encodeToString(signature).equals(token.substring(dot + 1))
        || !ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)).equals(encoded)
        || !MessageDigest.isEqual(signature, sign(encoded))) {
      return Optional.empty();
    }
    String[] parts = payload.split("\\|", -1);
    if (parts.length != 4 || !CASE_ID.matcher(parts[0]).matches() || !NONCE.matcher(parts[3]).matches()) {
      return Optional.empty();
    }
    try {
      FollowUpMilestone milestone = FollowUpMilestone.valueOf(parts[1]);
      return Optional.of(new Claims(parts[0], milestone, Instant.ofEpochSecond(Long.parseLong(parts[2])), parts[3]));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private byte[] sign(String encoded) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
