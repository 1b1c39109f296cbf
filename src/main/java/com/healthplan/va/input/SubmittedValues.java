package com.healthplan.va.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads submitted values, whatever path they came by (case API JSON, a Tasklist form, engine REST variables),
 * into the types of the case, recording a plain-language error for each value that does not fit.
 * Every reader returns {@code null} for a value that is missing or refused.
 */
public class SubmittedValues {

  private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  /**
   * Control characters other than tab, line feed and carriage return, and the bidirectional overrides and
   * isolates, which can make a text display other than it reads.
   */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]|[\\u202A-\\u202E\\u2066-\\u2069]");
  private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");

  private final Map<String, ?> values;
  private final FieldErrors errors;

  public SubmittedValues(Map<String, ?> values, FieldErrors errors) {
    this.values = values;
    this.errors = errors;
  }

  public FieldErrors errors() {
    return errors;
  }

  public boolean isPresent(String field) {
    Object value = values.get(field);
    return value != null && !(value instanceof String s && s.isBlank());
  }

  /** A single line of text; blank counts as missing. */
  public String text(String field, String label, int maxLength, boolean required) {
    String text = anyText(field, label, maxLength, required);
    if (text != null && LINE_BREAK.matcher(text).find()) {
      errors.add(field, label + " must be on one line.");
      return null;
    }
    return text;
  }

  /** Text over several lines, such as a postal address; blank counts as missing. */
  public String lines(String field, String label, int maxLength, boolean required) {
    return anyText(field, label, maxLength, required);
  }

  /** The longest note, rationale or narrative a person may write. */
  public static final int MAX_NOTE = 4000;

  /** A note: free text over several lines (reviews, rationales, what was requested or received). */
  public String note(String field, String label, boolean required) {
    return anyText(field, label, MAX_NOTE, required);
  }

  private String anyText(String field, String label, int maxLength, boolean required) {
    Object value = values.get(field);
    if (!isPresent(field)) {
      if (required) {
        errors.add(field, label + " is required.");
      }
      return null;
    }
    if (!(value instanceof String text)) {
      errors.add(field, label + " must be text.");
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.length() > maxLength) {
      errors.add(field, label + " must be at most " + maxLength + " characters long.");
      return null;
    }
    if (CONTROL.matcher(trimmed).find() || trimmed.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
      errors.add(field, label + " contains characters that are not allowed.");
      return null;
    }
    return trimmed;
  }

  public Boolean yesNo(String field, String label) {
    Object value = values.get(field);
    if (value == null) {
      errors.add(field, label + " must be answered yes or no.");
      return null;
    }
    if (value instanceof Boolean answer) {
      return answer;
    }
    errors.add(field, label + " must be answered yes or no.");
    return null;
  }

  /** A whole number within bounds; 7 and 7.0 are the same number, 7.5 and "7" are refused. */
  public Integer wholeNumber(String field, String label, int min, int max) {
    Object value = values.get(field);
    String problem = label + " must be a whole number from " + min + " to " + max + ".";
    if (value == null) {
      errors.add(field, label + " is required.");
      return null;
    }
    if (!(value instanceof Number number)) {
      errors.add(field, problem);
      return null;
    }
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(number.toString());
    } catch (NumberFormatException e) {
      errors.add(field, problem);
      return null;
    }
    if (decimal.stripTrailingZeros().scale() > 0
        || decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
      errors.add(field, problem);
      return null;
    }
    return decimal.intValueExact();
  }

  /**
   * A calendar day, written {@code yyyy-MM-dd}. A {@code Date} value (an instant) is refused: which day it
   * means depends on a time zone the sender did not say.
   */
  public LocalDate day(String field, String label, boolean required) {
    Object value = values.get(field);
    if (!isPresent(field)) {
      if (required) {
        errors.add(field, label + " is required.");
      }
      return null;
    }
    if (value instanceof LocalDate day) {
      return day;
    }
    if (value instanceof String text) {
      try {
        return LocalDate.parse(text.strip(), ISO_DAY);
      } catch (DateTimeParseException e) {
        errors.add(field, label + " must be a real calendar date written as yyyy-MM-dd.");
        return null;
      }
    }
    errors.add(field, label + " must be a date written as yyyy-MM-dd.");
    return null;
  }

  /** One of the names of an enumeration; blank counts as missing. */
  public <E extends Enum<E>> E choice(String field, String label, Class<E> type, boolean required) {
    Object value = values.get(field);
    String choices = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    if (!isPresent(field)) {
      if (required) {
        errors.add(field, label + " is required (one of " + choices + ").");
      }
      return null;
    }
    if (value instanceof String text) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(text.strip())) {
          return constant;
        }
      }
    }
    errors.add(field, label + " must be one of " + choices + ".");
    return null;
  }

  /**
   * A list of texts: a JSON array from the case API, a {@code Json} value from a Tasklist checklist or taglist,
   * or a list object. Returns {@code null} when missing or not a list of texts.
   */
  public List<String> textList(String field, String label) {
    Object value = values.get(field);
    if (value == null) {
      return null;
    }
    List<?> items;
    if (value instanceof Collection<?> collection) {
      items = new ArrayList<>(collection);
    } else if (value instanceof SpinJsonNode json && json.isArray()) {
      items = json.elements().stream().map(e -> e.isString() ? e.stringValue() : e).toList();
    } else {
      errors.add(field, label + " must be a list.");
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String text)) {
        errors.add(field, label + " must be a list of texts.");
        return null;
      }
      texts.add(text.strip());
    }
    return texts;
  }
}
