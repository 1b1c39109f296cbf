package com.healthplan.va.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Who calls the case API: the user signed in to the webapps in this browser (their session, so that a link to a
 * document inside a Tasklist form opens without a second sign-in), or else HTTP Basic for machine clients.
 * Browsers are never sent a Basic challenge ({@code WWW-Authenticate}), so they never prompt for credentials and
 * never cache them for later cross-site requests; machine clients (no {@code Sec-Fetch-*} headers) still are.
 * A session's state-changing requests are guarded against cross-site use by {@link CrossSiteWrites}.
 */
public class WebappSessionOrBasic implements AuthenticationProvider {

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    HttpSession session = request.getSession(false);
    if (session != null && request.getHeader("Authorization") == null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication signedIn = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(engine.getName());
      if (signedIn != null && signedIn.getIdentityId() != null) {
        return AuthenticationResult.successful(signedIn.getIdentityId());
      }
    }
    return basic.extractAuthenticatedUser(request, engine);
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    ClientAddress.Exchange exchange = ClientAddress.exchange();
    if (exchange == null || !isBrowser(exchange.request())) {
      basic.augmentResponseByAuthenticationChallenge(response, engine);
    }
  }

  /** Browsers send the Fetch metadata headers with every request (all current ones do); other clients do not. */
  static boolean isBrowser(HttpServletRequest request) {
    return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
        || request.getHeader("Sec-Fetch-Dest") != null;
  }
}
