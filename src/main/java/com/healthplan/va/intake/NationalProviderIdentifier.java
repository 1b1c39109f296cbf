package com.healthplan.va.intake;

/**
 * The NPI check digit: the Luhn formula over the prefix 80840 followed by the ten digits of the NPI
 * (CMS, "Requirements for National Provider Identifier Check Digit").
 */
final class NationalProviderIdentifier {

  private static final String HEALTH_INDUSTRY_PREFIX = "80840";

  private NationalProviderIdentifier() {
  }

  static boolean isValid(String npi) {
    if (npi == null || !npi.matches("[0-9]{10}")) {
      return false;
    }
    String digits = HEALTH_INDUSTRY_PREFIX + npi;
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }
}
