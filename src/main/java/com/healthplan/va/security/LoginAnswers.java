package com.healthplan.va.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a sign-in is answered, on every path: an attempt the {@link LoginThrottle} held back is answered
 * {@code 429 Too Many Requests} with {@code Retry-After} (not 401, so that a person knows to wait), and the
 * webapps' login answers a correct password of a user without that webapp like a wrong one (401, not 403), so
 * that no answer tells which user names exist.
 */
final class LoginAnswers extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/.*");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean webappLogin = WEBAPP_LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length()))
        .matches();
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void setStatus(int status) {
        super.setStatus(answer(status));
      }

      @Override
      public void sendError(int status) throws IOException {
        super.sendError(answer(status));
      }

      @Override
      public void sendError(int status, String message) throws IOException {
        int answer = answer(status);
        super.sendError(answer, answer == status ? message : null);
      }

      private int answer(int status) {
        if (status == HttpServletResponse.SC_FORBIDDEN && webappLogin) {
          status = HttpServletResponse.SC_UNAUTHORIZED;
        }
        Object retryAfter = request.getAttribute(LoginThrottle.RETRY_AFTER);
        if (status == HttpServletResponse.SC_UNAUTHORIZED && retryAfter != null) {
          setHeader("Retry-After", String.valueOf(retryAfter));
          // a held-back attempt was never checked: no credential prompt, the client is told to wait
          setHeader("WWW-Authenticate", null);
          return 429;
        }
        return status;
      }
    });
  }
}
