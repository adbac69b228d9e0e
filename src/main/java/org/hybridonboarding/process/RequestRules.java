package org.hybridonboarding.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.hybridonboarding.directory.NamingRules;
import org.springframework.stereotype.Component;

/**
 * The one set of rules for an onboarding request, used by the REST API (400 naming every bad
 * field) and by the process's validation step (requests started over /engine-rest).
 */
@Component
public class RequestRules {

  /** AD's employeeID holds at most 16 characters; keep to characters safe in URLs and LDAP. */
  private static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,15}");
  private static final Pattern SKU_PART_NUMBER = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  static final int MAX_NAME = 64;
  static final int MAX_DEPARTMENT = 64;
  static final int MAX_JOB_TITLE = 128;
  static final int MAX_DAYS_IN_PAST = 30;
  static final int MAX_DAYS_AHEAD = 366;

  /** One bad field and what is wrong with it. */
  public record Violation(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final Clock clock;

  public RequestRules(Clock clock) {
    this.clock = clock;
  }

  public List<Violation> check(OnboardingRequest request) {
    List<Violation> violations = new ArrayList<>();
    employeeId(violations, "employeeId", request.employeeId(), true);
    name(violations, "givenName", request.givenName(), MAX_NAME, true);
    name(violations, "surname", request.surname(), MAX_NAME, true);
    text(violations, "department", request.department(), MAX_DEPARTMENT, true);
    text(violations, "jobTitle", request.jobTitle(), MAX_JOB_TITLE, false);
    employeeId(violations, "managerEmployeeId", request.managerEmployeeId(), false);
    if (request.managerEmployeeId() != null && request.managerEmployeeId().equals(request.employeeId())) {
      violations.add(new Violation("managerEmployeeId", "must not be the new hire's own employeeId"));
    }
    if (isBlank(request.usageLocation())) {
      violations.add(new Violation("usageLocation", "is required"));
    } else if (!COUNTRIES.contains(request.usageLocation())) {
      violations.add(new Violation("usageLocation",
          "must be an upper-case ISO 3166-1 alpha-2 country code such as DE or US"));
    }
    if (request.licenseSku() != null && !SKU_PART_NUMBER.matcher(request.licenseSku()).matches()) {
      violations.add(new Violation("licenseSku",
          "must be a skuPartNumber such as SPE_E3 (letters, digits and _ only)"));
    }
    startDate(violations, request.startDate());
    return violations;
  }

  private static void employeeId(List<Violation> violations, String field, String value, boolean required) {
    if (value == null) {
      if (required) {
        violations.add(new Violation(field, "is required"));
      }
    } else if (!EMPLOYEE_ID.matcher(value).matches()) {
      violations.add(new Violation(field,
          "must be 1 to 16 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
  }

  private static void name(List<Violation> violations, String field, String value, int max, boolean required) {
    if (text(violations, field, value, max, required)) {
      if (!LETTER.matcher(value).find()) {
        violations.add(new Violation(field, "must contain at least one letter"));
      } else if (NamingRules.asciiPart(value).isEmpty()) {
        violations.add(new Violation(field,
            "must contain Latin letters: account names are derived from it and this script cannot be transliterated"));
      }
    }
  }

  /** Returns true when the value is present and passed. */
  private static boolean text(List<Violation> violations, String field, String value, int max, boolean required) {
    if (isBlank(value)) {
      if (required) {
        violations.add(new Violation(field, "is required"));
      } else if (value != null) {
        violations.add(new Violation(field, "must not be blank when given"));
      }
      return false;
    }
    int before = violations.size();
    if (value.codePointCount(0, value.length()) > max) {
      violations.add(new Violation(field, "must be at most " + max + " characters"));
    }
    if (CONTROL.matcher(value).find()) {
      violations.add(new Violation(field, "must not contain control characters"));
    }
    if (!value.equals(value.strip())) {
      violations.add(new Violation(field, "must not start or end with white space"));
    }
    return violations.size() == before;
  }

  private void startDate(List<Violation> violations, String value) {
    if (isBlank(value)) {
      violations.add(new Violation("startDate", "is required"));
      return;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      violations.add(new Violation("startDate", "must be an ISO date such as 2026-12-01"));
      return;
    }
    LocalDate today = LocalDate.now(clock);
    if (date.isBefore(today.minusDays(MAX_DAYS_IN_PAST))) {
      violations.add(new Violation("startDate", "must not be more than " + MAX_DAYS_IN_PAST + " days in the past"));
    } else if (date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
      violations.add(new Violation("startDate", "must not be more than " + MAX_DAYS_AHEAD + " days ahead"));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
