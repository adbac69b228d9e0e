package org.hybridonboarding.transfer;

import static org.hybridonboarding.transfer.TransferProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.hybridonboarding.process.Var;

/**
 * A mover as HR asks for it: the same fields over /api and /engine-rest. Each of department,
 * jobTitle, managerEmployeeId, usageLocation, licenseSku, givenName and surname is changed when
 * given and left as it is when not.
 *
 * @param effectiveDate the day the change takes effect, at its start in the person's time zone
 * @param timeZone the person's IANA time zone, or null for onboarding.time-zone
 */
public record TransferRequest(
    String employeeId,
    String effectiveDate,
    String department,
    String jobTitle,
    String managerEmployeeId,
    String usageLocation,
    String licenseSku,
    String givenName,
    String surname,
    String timeZone,
    String reason) {

  /** NFC, as onboarding requests are. */
  public TransferRequest normalized() {
    return new TransferRequest(nfc(employeeId), nfc(effectiveDate), nfc(department), nfc(jobTitle), nfc(managerEmployeeId),
        nfc(usageLocation), nfc(licenseSku), nfc(givenName), nfc(surname), nfc(timeZone), nfc(reason));
  }

  /** Whether the request asks for any change at all. */
  public boolean asksForChange() {
    return department != null || jobTitle != null || managerEmployeeId != null || usageLocation != null
        || licenseSku != null || givenName != null || surname != null;
  }

  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(EMPLOYEE_ID.name(), employeeId);
    variables.put(EFFECTIVE_DATE.name(), effectiveDate);
    variables.put(DEPARTMENT.name(), department);
    variables.put(JOB_TITLE.name(), jobTitle);
    variables.put(MANAGER_EMPLOYEE_ID.name(), managerEmployeeId);
    variables.put(USAGE_LOCATION.name(), usageLocation);
    variables.put(LICENSE_SKU.name(), licenseSku);
    variables.put(GIVEN_NAME.name(), givenName);
    variables.put(SURNAME.name(), surname);
    variables.put(TIME_ZONE.name(), timeZone);
    variables.put(REASON.name(), reason);
    return variables;
  }

  /** Reads the request from process variables; values of another type are read as text, so validation can name them. */
  public static TransferRequest from(VariableScope scope) {
    return new TransferRequest(EMPLOYEE_ID.text(scope), EFFECTIVE_DATE.text(scope), DEPARTMENT.text(scope),
        JOB_TITLE.text(scope), MANAGER_EMPLOYEE_ID.text(scope), USAGE_LOCATION.text(scope), LICENSE_SKU.text(scope),
        GIVEN_NAME.text(scope), SURNAME.text(scope), TIME_ZONE.text(scope), REASON.text(scope));
  }

  private static String nfc(String value) {
    return Var.nfc(value);
  }
}
