package com.healthplan.va.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browsers a person has signed in from before ("device cookies"): after a correct password the browser gets
 * the cookie {@value #COOKIE} with a signed entry for that account, and from then on its attempts for that
 * account pass the throttles that strangers' guesses set off, so a stranger cannot lock the person out. The
 * entries are signed with a key of this node (made at start-up unless {@code va.security.login.device-key} is
 * set, which a cluster needs): a forged or changed entry counts as no entry.
 */
final class SignInDevices {

  static final String COOKIE = "SignInDevices";
  private static final int MAX_ENTRIES = 5;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

  private final byte[] key;
  private final Duration remembered;

  SignInDevices(String configuredKey, Duration remembered) {
    if (configuredKey == null || configuredKey.isBlank()) {
      this.key = new byte[32];
      new SecureRandom().nextBytes(this.key);
    } else {
      this.key = configuredKey.getBytes(StandardCharsets.UTF_8);
    }
    this.remembered = remembered;
  }

  /** Whether the request's browser has signed in to this account before (a valid, unchanged entry). */
  boolean knows(HttpServletRequest request, String userId) {
    String entry = entries(request).get(userId);
    if (entry == null) {
      return false;
    }
    try {
      // compared on the decoded bytes: another spelling of the same base64 text is not another signature
      return MessageDigest.isEqual(B64_DECODER.decode(entry), signature(userId))
          && entry.equals(B64.encodeToString(signature(userId)));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /** Adds this account to the browser's cookie (the newest entries kept). */
  void remember(HttpServletRequest request, HttpServletResponse response, String userId) {
    if (response == null || response.isCommitted() || knows(request, userId)) {
      return;
    }
    Map<String, String> entries = entries(request);
    entries.remove(userId);
    entries.put(userId, B64.encodeToString(signature(userId)));
    List<String> parts = new ArrayList<>();
    entries.forEach((user, signature) -> parts.add(B64.encodeToString(user.getBytes(StandardCharsets.UTF_8))
        + "." + signature));
    while (parts.size() > MAX_ENTRIES) {
      parts.remove(0);
    }
    Cookie cookie = new Cookie(COOKIE, String.join("~", parts));
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, remembered.toSeconds()));
    cookie.setAttribute("SameSite", "Strict");
    response.addCookie(cookie);
  }

  private static Map<String, String> entries(HttpServletRequest request) {
    Map<String, String> entries = new LinkedHashMap<>();
    Cookie[] cookies = request == null ? null : request.getCookies();
    if (cookies == null) {
      return entries;
    }
    for (Cookie cookie : cookies) {
      if (!COOKIE.equals(cookie.getName()) || cookie.getValue() == null) {
        continue;
      }
      for (String part : cookie.getValue().split("~")) {
        int dot = part.indexOf('.');
        if (dot <= 0 || entries.size() >= MAX_ENTRIES * 2) {
          continue;
        }
        try {
          entries.put(new String(B64_DECODER.decode(part.substring(0, dot)), StandardCharsets.UTF_8),
              part.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
          // a changed cookie: that entry is not there
        }
      }
    }
    return entries;
  }

  private byte[] signature(String userId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(("sign-in-device:" + userId).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
