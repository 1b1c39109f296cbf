package com.healthplan.va.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which browser requests count as coming from another site: the filter's rule alone, without a server. */
class CrossSiteWritesTest {

  private final CrossSiteWrites filter = new CrossSiteWrites("https://va.healthplan.example");

  @ParameterizedTest(name = "Sec-Fetch-Site {0}, Origin {1} -> cross-site {2}")
  @CsvSource(nullValues = "-", value = {
      // the PCP page's own form under Referrer-Policy: no-referrer: Chromium sends Origin null and same-origin
      "same-origin, null,                             false",
      "same-origin, http://localhost:8080,            false",
      "none,        -,                                false",
      "cross-site,  http://localhost:8080,            true",
      "same-site,   https://other.healthplan.example, true",
      "cross-site,  -,                                true",
      // a browser without Sec-Fetch-Site: its Origin decides
      "-,           null,                             true",
      "-,           https://evil.example,             true",
      "-,           http://localhost:8080,            false",
      "-,           https://va.healthplan.example,    false",
      "-,           -,                                false"})
  void aBrowserSaysWhereItsRequestCameFrom(String site, String origin, boolean crossSite) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/pcp/follow-up/acknowledge");
    request.setScheme("http");
    request.setServerName("localhost");
    request.setServerPort(8080);
    if (site != null) {
      request.addHeader("Sec-Fetch-Site", site);
    }
    if (origin != null) {
      request.addHeader("Origin", origin);
    }
    assertThat(filter.isCrossSite(request)).isEqualTo(crossSite);
  }
}
