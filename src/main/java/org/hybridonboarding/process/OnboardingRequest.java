package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.DEPARTMENT;
import static org.hybridonboarding.process.OnboardingProcess.EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.GIVEN_NAME;
import static org.hybridonboarding.process.OnboardingProcess.JOB_TITLE;
import static org.hybridonboarding.process.OnboardingProcess.LATIN_GIVEN_NAME;
import static org.hybridonboarding.process.OnboardingProcess.LATIN_SURNAME;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU;
import static org.hybridonboarding.process.OnboardingProcess.MANAGER_EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.START_DATE;
import static org.hybridonboarding.process.OnboardingProcess.SURNAME;
import static org.hybridonboarding.process.OnboardingProcess.TIME_ZONE;
import static org.hybridonboarding.process.OnboardingProcess.USAGE_LOCATION;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A new hire as HR or ITSM asks for it: the same fields over /api and /engine-rest.
 *
 * @param timeZone the person's IANA time zone (Europe/Berlin), or null for onboarding.time-zone
 * @param latinGivenName HR's Latin form of a given name in another script, or null
 */
public record OnboardingRequest(
    String employeeId,
    String givenName,
    String surname,
    String department,
    String jobTitle,
    String managerEmployeeId,
    String usageLocation,
    String licenseSku,
    String startDate,
    String timeZone,
    String latinGivenName,
    String latinSurname) {

  /** A request without the optional time zone and Latin names. */
  public OnboardingRequest(String employeeId, String givenName, String surname, String department, String jobTitle,
      String managerEmployeeId, String usageLocation, String licenseSku, String startDate) {
    this(employeeId, givenName, surname, department, jobTitle, managerEmployeeId, usageLocation, licenseSku,
        startDate, null, null, null);
  }

  /**
   * Reads the request from process variables. Values of another type than String (a number,
   * a date sent over /engine-rest) are read as text, so validation can name them.
   */
  public static OnboardingRequest from(VariableScope scope) {
    return new OnboardingRequest(
        EMPLOYEE_ID.text(scope),
        GIVEN_NAME.text(scope),
        SURNAME.text(scope),
        DEPARTMENT.text(scope),
        JOB_TITLE.text(scope),
        MANAGER_EMPLOYEE_ID.text(scope),
        USAGE_LOCATION.text(scope),
        LICENSE_SKU.text(scope),
        START_DATE.text(scope),
        TIME_ZONE.text(scope),
        LATIN_GIVEN_NAME.text(scope),
        LATIN_SURNAME.text(scope));
  }

  /**
   * The same request with every text in Unicode's composed form (NFC): "é" typed as e + ◌́
   * and "é" as one character are one name in AD, in the cloud and in comparisons.
   */
  public OnboardingRequest normalized() {
    return new OnboardingRequest(nfc(employeeId), nfc(givenName), nfc(surname), nfc(department), nfc(jobTitle),
        nfc(managerEmployeeId), nfc(usageLocation), nfc(licenseSku), nfc(startDate), nfc(timeZone),
        nfc(latinGivenName), nfc(latinSurname));
  }

  private static String nfc(String value) {
    return Var.nfc(value);
  }

  /** The variables a process instance starts with; absent optional fields are left out. */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    put(variables, EMPLOYEE_ID, employeeId);
    put(variables, GIVEN_NAME, givenName);
    put(variables, SURNAME, surname);
    put(variables, DEPARTMENT, department);
    put(variables, JOB_TITLE, jobTitle);
    put(variables, MANAGER_EMPLOYEE_ID, managerEmployeeId);
    put(variables, USAGE_LOCATION, usageLocation);
    put(variables, LICENSE_SKU, licenseSku);
    put(variables, START_DATE, startDate);
    put(variables, TIME_ZONE, timeZone);
    put(variables, LATIN_GIVEN_NAME, latinGivenName);
    put(variables, LATIN_SURNAME, latinSurname);
    return variables;
  }

  private static void put(Map<String, Object> variables, Var<String> var, String value) {
    if (value != null) {
      variables.put(var.name(), value);
    }
  }
}
