package org.hybridonboarding.offboarding;

import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.hybridonboarding.process.Var;

/**
 * A leaver as HR asks for it: the same fields over /api and /engine-rest.
 *
 * @param mailbox SHARED (the default: kept as a shared mailbox) or REMOVE
 * @param mailboxAccess employeeIds given FullAccess to the shared mailbox; null: the manager
 * @param immediate cut access now instead of at the end of the last working day
 * @param timeZone the person's IANA time zone, or null for onboarding.time-zone
 */
public record OffboardingRequest(
    String employeeId,
    String lastWorkingDay,
    String mailbox,
    List<String> mailboxAccess,
    String autoReply,
    Boolean immediate,
    String reason,
    String timeZone) {

  public enum Mailbox { SHARED, REMOVE }

  /** NFC, as onboarding requests are. */
  public OffboardingRequest normalized() {
    return new OffboardingRequest(nfc(employeeId), nfc(lastWorkingDay), nfc(mailbox),
        mailboxAccess == null ? null : mailboxAccess.stream().map(OffboardingRequest::nfc).toList(),
        nfc(autoReply), immediate, nfc(reason), nfc(timeZone));
  }

  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(EMPLOYEE_ID.name(), employeeId);
    variables.put(LAST_WORKING_DAY.name(), lastWorkingDay);
    variables.put(MAILBOX.name(), mailbox == null ? Mailbox.SHARED.name() : mailbox);
    variables.put(MAILBOX_ACCESS.name(), mailboxAccess == null ? null : String.join(",", mailboxAccess));
    variables.put(AUTO_REPLY.name(), autoReply);
    variables.put(IMMEDIATE.name(), Boolean.TRUE.equals(immediate));
    variables.put(REASON.name(), reason);
    variables.put(TIME_ZONE.name(), timeZone);
    return variables;
  }

  /** Reads the request from process variables; values of another type are read as text, so validation can name them. */
  public static OffboardingRequest from(VariableScope scope) {
    Object access = scope.getVariable(MAILBOX_ACCESS.name());
    Object immediate = scope.getVariable(IMMEDIATE.name());
    return new OffboardingRequest(EMPLOYEE_ID.text(scope), LAST_WORKING_DAY.text(scope),
        MAILBOX.text(scope),
        access == null ? null : List.of(String.valueOf(access).split("\\s*,\\s*", -1)).stream()
            .filter(id -> !id.isEmpty()).toList(),
        AUTO_REPLY.text(scope),
        immediate == null ? Boolean.FALSE : immediate instanceof Boolean b ? b : null,
        REASON.text(scope), TIME_ZONE.text(scope));
  }

  private static String nfc(String value) {
    return Var.nfc(value);
  }
}
