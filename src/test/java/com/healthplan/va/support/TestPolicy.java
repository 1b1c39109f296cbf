package com.healthplan.va.support;

import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.criteria.PolicyTermsReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/** The policy as the repository's DMN file states it, for tests that check wording without an engine. */
public final class TestPolicy {

  public static final String DMN = "/bpmn/vertebralAugmentationPolicy.dmn";
  /** The numbers of the policy file on the classpath, read from their cells. */
  public static final PolicyTerms TERMS = PolicyTermsReader.read(1, model());

  private TestPolicy() {
  }

  public static DmnModelInstance model() {
    try (InputStream in = TestPolicy.class.getResourceAsStream(DMN)) {
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
