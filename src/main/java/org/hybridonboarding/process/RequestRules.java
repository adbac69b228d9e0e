package org.hybridonboarding.process;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UScript;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\x{80}-\\x{9F}]");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> TIME_ZONES = ZoneId.getAvailableZoneIds();

  static final int MAX_NAME = 64;
  public static final int MAX_DEPARTMENT = 64;
  public static final int MAX_JOB_TITLE = 128;
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
  private final NamingRules naming;

  public RequestRules(Clock clock, NamingRules naming) {
    this.clock = clock;
    this.naming = naming;
  }

  /** Whether the value is an IANA time zone id (Europe/Berlin), not an offset or an abbreviation. */
  public static boolean isTimeZone(String value) {
    return TIME_ZONES.contains(value);
  }

  public List<Violation> check(OnboardingRequest request) {
    List<Violation> violations = new ArrayList<>();
    employeeId(violations, "employeeId", request.employeeId(), true);
    name(violations, "givenName", request.givenName(), "latinGivenName", request.latinGivenName(), request.usageLocation());
    name(violations, "surname", request.surname(), "latinSurname", request.latinSurname(), request.usageLocation());
    text(violations, "department", request.department(), MAX_DEPARTMENT, true);
    text(violations, "jobTitle", request.jobTitle(), MAX_JOB_TITLE, false);
    employeeId(violations, "managerEmployeeId", request.managerEmployeeId(), false);
    if (request.managerEmployeeId() != null && request.managerEmployeeId().equals(request.employeeId())) {
      violations.add(new Violation("managerEmployeeId", "must not be the new hire's own employeeId"));
    }
    country(violations, "usageLocation", request.usageLocation(), true);
    sku(violations, "licenseSku", request.licenseSku());
    startDate(violations, request.startDate());
    if (request.timeZone() != null && !TIME_ZONES.contains(request.timeZone())) {
      violations.add(new Violation("timeZone", "must be an IANA time zone such as Europe/Berlin or Australia/Sydney"));
    }
    return violations;
  }

  /** A new given name or surname (a transfer's name change), checked as a hire's; null: not changed. */
  public void newName(List<Violation> violations, String field, String value, String country) {
    if (value != null) {
      name(violations, field, value, field.equals("givenName") ? "latinGivenName" : "latinSurname", null, country);
    }
  }

  /** An ISO 3166-1 alpha-2 country, as usageLocation takes it. */
  public static void country(List<Violation> violations, String field, String value, boolean required) {
    if (value == null && !required) {
      return;
    }
    if (isBlank(value)) {
      violations.add(new Violation(field, "is required"));
    } else if (!COUNTRIES.contains(value)) {
      violations.add(new Violation(field, "must be an upper-case ISO 3166-1 alpha-2 country code such as DE or US"));
    }
  }

  public static void sku(List<Violation> violations, String field, String value) {
    if (value != null && !SKU_PART_NUMBER.matcher(value).matches()) {
      violations.add(new Violation(field, "must be a skuPartNumber such as SPE_E3 (letters, digits and _ only)"));
    }
  }

  public static void employeeId(List<Violation> violations, String field, String value, boolean required) {
    if (value == null) {
      if (required) {
        violations.add(new Violation(field, "is required"));
      }
    } else if (!EMPLOYEE_ID.matcher(value).matches()) {
      violations.add(new Violation(field,
          "must be 1 to 16 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
  }

  /**
   * A name as HR writes it, in any script; account names are made from its Latin form when HR
   * sends one, else from its transliteration, which must leave some ASCII letters.
   */
  private void name(List<Violation> violations, String field, String value, String latinField, String latin,
      String country) {
    if (latin != null && text(violations, latinField, latin, MAX_NAME, false)) {
      if (latin.codePoints().anyMatch(cp -> UCharacter.isLetter(cp) && UScript.getScript(cp) != UScript.LATIN)) {
        violations.add(new Violation(latinField, "must be written in Latin letters (it is the Latin form of " + field + ")"));
      } else if (naming.accountPart(latin, country).isEmpty()) {
        violations.add(new Violation(latinField, "must contain Latin letters or digits: account names are made from it"));
      }
    }
    if (text(violations, field, value, MAX_NAME, true)) {
      if (!LETTER.matcher(value).find()) {
        violations.add(new Violation(field, "must contain at least one letter"));
      } else if (latin == null && naming.accountPart(value, country).isEmpty()) {
        violations.add(new Violation(field, "yields no letters for account names (nothing of it transliterates to ASCII); "
            + "send its Latin form as " + latinField));
      }
    }
  }

  /** Returns true when the value is present and passed. */
  public static boolean text(List<Violation> violations, String field, String value, int max, boolean required) {
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
    neverInText(value).ifPresent(problem -> violations.add(new Violation(field, problem)));
    if (!value.equals(value.strip())) {
      violations.add(new Violation(field, "must not start or end with white space"));
    }
    return violations.size() == before;
  }

  /**
   * Characters that are never part of a name or a department, but can make one text look like
   * another: bidirectional overrides and isolates (a name that reads backwards), zero-width
   * characters (two "equal" names that differ), unassigned and private-use code points. The
   * zero-width (non-)joiner stays allowed between letters of a script that needs it (Persian,
   * the Indic scripts).
   */
  static Optional<String> neverInText(String value) {
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      String problem = neverInText(cp, value, i);
      if (problem != null) {
        return Optional.of("must not contain " + problem + " (" + String.format("U+%04X", cp) + ")");
      }
      i += Character.charCount(cp);
    }
    return Optional.empty();
  }

  /** What the code point at that index is, if it is never part of a text; null when it may be. */
  private static String neverInText(int cp, String value, int index) {
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
        || cp == 0x061C) {
      return "bidirectional control characters";
    }
    if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x180E
        || ((cp == 0x200C || cp == 0x200D) && !betweenLettersOfJoiningScript(value, index))) {
      return "zero-width characters";
    }
    int type = UCharacter.getType(cp);
    if (type == UCharacterCategory.UNASSIGNED || type == UCharacterCategory.SURROGATE) {
      return "unassigned code points";
    }
    return type == UCharacterCategory.PRIVATE_USE ? "private-use characters" : null;
  }

  private static boolean betweenLettersOfJoiningScript(String value, int index) {
    if (index == 0 || index + 1 >= value.length()) {
      return false;
    }
    int before = value.codePointBefore(index);
    int after = value.codePointAt(index + 1);
    return isLetterOrMark(before) && isLetterOrMark(after) && !isLatinOrCommon(before) && !isLatinOrCommon(after);
  }

  private static boolean isLetterOrMark(int cp) {
    int type = UCharacter.getType(cp);
    return UCharacter.isLetter(cp) || (type >= UCharacterCategory.NON_SPACING_MARK
        && type <= UCharacterCategory.COMBINING_SPACING_MARK);
  }

  private static boolean isLatinOrCommon(int cp) {
    int script = UScript.getScript(cp);
    return script == UScript.LATIN || script == UScript.COMMON || script == UScript.INHERITED;
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
