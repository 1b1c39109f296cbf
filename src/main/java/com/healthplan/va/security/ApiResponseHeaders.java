package com.healthplan.va.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers of the case API and the engine's APIs carry patient data: no cache may keep them
 * ({@code Cache-Control: no-store}, whatever the engine's own filters say) and no browser may guess their type
 * ({@code X-Content-Type-Options: nosniff}). A controller may add more (a download adds its sandbox policy).
 */
final class ApiResponseHeaders extends OncePerRequestFilter {

  private static final String CACHE_CONTROL = "Cache-Control";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(CACHE_CONTROL, "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("X-Content-Type-Options", "nosniff");
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? "no-store" : value);
      }

      @Override
      public void addHeader(String name, String value) {
        if (CACHE_CONTROL.equalsIgnoreCase(name)) {
          super.setHeader(name, "no-store");
        } else {
          super.addHeader(name, value);
        }
      }
    });
  }
}
