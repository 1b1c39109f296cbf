package com.healthplan.va.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds cases, open or finished, by what a caller has at hand: the case id (whole, or its last digits), the member
 * id, the patient's birth date ({@code 1941-03-12} or {@code 03/12/1941}) or the patient's name (every word typed
 * is part of the name, in any order, any case). Newest first, at most {@link #MAX_MATCHES}.
 */
@Component
public class CaseSearch {

  /** Enough for a person to pick from; a search that finds more says so and asks for more of the name. */
  public static final int MAX_MATCHES = 50;

  /** The longest search accepted: a name, an id or a date is far shorter. */
  public static final int MAX_LENGTH = 100;

  private static final Pattern CASE_ID = Pattern.compile("VA-[0-9]{4}-[0-9]{6}", Pattern.CASE_INSENSITIVE);
  private static final Pattern CASE_NUMBER = Pattern.compile("[0-9]{1,6}");
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.US);

  /** One case found: enough to tell it from the others; each role's page decides what of it to show. */
  public record Match(String caseId, CaseStatus status, Urgency urgency, String patientName, LocalDate birthDate,
      String memberId, LocalDate requestDate) {

    public String patientInitials() {
      return CaseIntake.initialsOf(patientName);
    }
  }

  /** What was found, and whether there were more than could be listed. */
  public record Result(List<Match> matches, boolean more) {
  }

  private static final String COLUMNS = "SELECT case_id, status, urgency, patient_name, patient_birth_date, "
      + "member_id, request_date FROM va_case WHERE ";
  private static final String ORDER = " ORDER BY received_at DESC, case_id DESC";

  private final JdbcTemplate jdbc;

  CaseSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The cases matching the text; an empty text finds nothing (the board lists open cases without a search). */
  public Result find(String text) {
    String typed = text == null ? "" : text.strip();
    if (typed.isEmpty()) {
      return new Result(List.of(), false);
    }
    if (typed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("A search is at most " + MAX_LENGTH + " characters.");
    }
    List<Match> found;
    if (CASE_ID.matcher(typed).matches()) {
      found = query("case_id = ?", typed.toUpperCase(Locale.ROOT));
    } else if (CASE_NUMBER.matcher(typed).matches()) {
      // the last digits of the number, as people read it out ("case 42")
      found = query("case_id LIKE ?", "VA-%-" + "0".repeat(6 - typed.length()) + typed);
    } else {
      Optional<LocalDate> day = dayOf(typed);
      if (day.isPresent()) {
        found = query("patient_birth_date = ?", day.get());
      } else {
        found = new ArrayList<>(query("UPPER(member_id) = ?", typed.toUpperCase(Locale.ROOT)));
        if (found.isEmpty()) {
          found = byName(typed);
        }
      }
    }
    boolean more = found.size() > MAX_MATCHES;
    return new Result(more ? found.subList(0, MAX_MATCHES) : found, more);
  }

  private List<Match> byName(String typed) {
    List<String> words = List.of(typed.toUpperCase(Locale.ROOT).split("[\\s,]+"));
    StringBuilder where = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      where.append(where.length() == 0 ? "" : " AND ").append("UPPER(patient_name) LIKE ? ESCAPE '\\'");
      args.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    return where.length() == 0 ? List.of() : query(where.toString(), args.toArray());
  }

  private List<Match> query(String where, Object... args) {
    return jdbc.query(COLUMNS + where + ORDER + " LIMIT " + (MAX_MATCHES + 1), (row, n) -> new Match(
        row.getString("case_id"), CaseStatus.valueOf(row.getString("status")),
        Urgency.valueOf(row.getString("urgency")), row.getString("patient_name"),
        row.getObject("patient_birth_date", LocalDate.class), row.getString("member_id"),
        row.getObject("request_date", LocalDate.class)), args);
  }

  private static Optional<LocalDate> dayOf(String typed) {
    for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, US_DATE)) {
      try {
        return Optional.of(LocalDate.parse(typed, format));
      } catch (DateTimeParseException notThisFormat) {
        // try the next
      }
    }
    return Optional.empty();
  }
}
