package com.healthplan.va.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request being served, for the {@link LoginThrottle} inside the engine: the client's network address and
 * the browser's {@link SignInDevices} cookie are read from it, and a sign-in's cookie is written to its response.
 * Set for every request, whatever its path, and cleared after it. Behind a reverse proxy, configure Spring Boot's
 * {@code server.forward-headers-strategy} so that the address is the client's, not the proxy's.
 */
public final class ClientAddress extends OncePerRequestFilter {

  private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

  /** The request and its response. */
  record Exchange(HttpServletRequest request, HttpServletResponse response) {
  }

  /** The current request's client, or {@code null} outside a request (the application's own work). */
  public static String current() {
    Exchange exchange = CURRENT.get();
    return exchange == null ? null : exchange.request().getRemoteAddr();
  }

  /** The current request and response, or {@code null} outside a request. */
  static Exchange exchange() {
    return CURRENT.get();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CURRENT.set(new Exchange(request, response));
    try {
      chain.doFilter(request, response);
    } finally {
      CURRENT.remove();
    }
  }
}
