package com.healthplan.va.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that a browser sends on behalf of another
 * site, on every path of the application: the case API, the engine REST API and the webapps' API. A browser says
 * so itself: {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}, or, from a browser too old to
 * send that header, an {@code Origin} that is neither this request's own origin nor the configured public base
 * URL's. Machine clients send neither header and are not affected; a browser's credentials (a session cookie or
 * cached Basic credentials) cannot be used from another site. Answered 403 in the problem shape.
 */
final class CrossSiteWrites extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(CrossSiteWrites.class);
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

  private final String publicOrigin;

  CrossSiteWrites(String publicBaseUrl) {
    this.publicOrigin = originOf(publicBaseUrl);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT)) || !isCrossSite(request)) {
      chain.doFilter(request, response);
      return;
    }
    LOG.warn("Refused a cross-site {} request (Origin {}, Sec-Fetch-Site {})", request.getMethod(),
        printable(request.getHeader("Origin")), printable(request.getHeader("Sec-Fetch-Site")));
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write("{\"type\":\"https://healthplan.example/problems/cross-site-request\","
        + "\"title\":\"Cross-site request refused\",\"status\":403,"
        + "\"detail\":\"This request came from another web site. Open the application itself and do it there.\"}");
  }

  boolean isCrossSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      // a browser that sends it says where the request came from; its Origin may be "null" on the application's
      // own pages (the PCP page's no-referrer policy makes Chromium send Origin: null with its own form posts)
      return !OWN_SITE.contains(site.trim().toLowerCase(Locale.ROOT));
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    String normalized = originOf(origin);
    return normalized == null || !(normalized.equals(ownOrigin(request)) || normalized.equals(publicOrigin));
  }

  private static String ownOrigin(HttpServletRequest request) {
    return originOf(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
  }

  /** scheme://host:port in lower case with the default port spelled out; {@code null} for "null" or junk. */
  static String originOf(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (IllegalArgumentException junk) {
      return null;
    }
  }

  private static String printable(String header) {
    return header == null ? "-" : header.replaceAll("[^\\x20-\\x7e]", "?").substring(0, Math.min(100, header.length()));
  }
}
