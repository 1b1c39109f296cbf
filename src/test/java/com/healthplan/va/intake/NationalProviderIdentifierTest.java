package com.healthplan.va.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalProviderIdentifierTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "1234567893, true",    // the CMS example
      "1245319599, true",
      "1234567890, false",   // wrong check digit
      "1234567894, false",
      "123456789, false",    // 9 digits
      "12345678931, false",  // 11 digits
      "123456789X, false",
      "'', false",
  })
  void checksTheLuhnDigitOverThePrefix80840(String npi, boolean valid) {
    assertThat(NationalProviderIdentifier.isValid(npi)).isEqualTo(valid);
  }
}
