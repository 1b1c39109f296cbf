package com.healthplan.va.input;

/** One refused value: the variable name and what is wrong with it, in words a nurse understands. */
public record FieldError(String field, String message) {
}
