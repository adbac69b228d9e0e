package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.DEPARTMENT;
import static org.hybridonboarding.process.OnboardingProcess.EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.GIVEN_NAME;
import static org.hybridonboarding.process.OnboardingProcess.JOB_TITLE;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU;
import static org.hybridonboarding.process.OnboardingProcess.MANAGER_EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.START_DATE;
import static org.hybridonboarding.process.OnboardingProcess.SURNAME;
import static org.hybridonboarding.process.OnboardingProcess.USAGE_LOCATION;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A new hire as HR or ITSM asks for it: the same fields over /api and /engine-rest. */
public record OnboardingRequest(
    String employeeId,
    String givenName,
    String surname,
    String department,
    String jobTitle,
    String managerEmployeeId,
    String usageLocation,
    String licenseSku,
    String startDate) {

  /**
   * Reads the request from process variables. Values of another type than String (a number,
   * a date sent over /engine-rest) are read as text, so validation can name them.
   */
  public static OnboardingRequest from(VariableScope scope) {
    return new OnboardingRequest(
        text(scope, EMPLOYEE_ID),
        text(scope, GIVEN_NAME),
        text(scope, SURNAME),
        text(scope, DEPARTMENT),
        text(scope, JOB_TITLE),
        text(scope, MANAGER_EMPLOYEE_ID),
        text(scope, USAGE_LOCATION),
        text(scope, LICENSE_SKU),
        text(scope, START_DATE));
  }

  private static String text(VariableScope scope, Var<String> var) {
    Object value = scope.getVariable(var.name());
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
    return String.valueOf(value);
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
    return variables;
  }

  private static void put(Map<String, Object> variables, Var<String> var, String value) {
    if (value != null) {
      variables.put(var.name(), value);
    }
  }
}
