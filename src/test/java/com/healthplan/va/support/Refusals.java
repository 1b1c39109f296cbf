package com.healthplan.va.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthplan.va.input.FieldError;
import com.healthplan.va.input.InvalidCaseInputException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Finds the refusal of input in what the engine throws (it may wrap exceptions of listeners). */
public final class Refusals {

  private Refusals() {
  }

  public static List<FieldError> refusedFields(ThrowingCallable call) {
    AtomicReference<List<FieldError>> errors = new AtomicReference<>();
    assertThatThrownBy(call).satisfies(thrown -> {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof InvalidCaseInputException refused) {
          errors.set(refused.errors());
          return;
        }
      }
      throw new AssertionError("not a refusal of input", thrown);
    });
    return errors.get();
  }
}
