package org.hybridonboarding.offboarding;

import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.naming.ldap.LdapName;
import org.hybridonboarding.directory.LeaverDirectory;
import org.hybridonboarding.process.RequestRules;
import org.springframework.ldap.support.LdapUtils;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The first step: the request's rules (as over /api), then the account: one with the employeeID
 * in the OUs this product manages, people who were there before it included. Records who the
 * person is, who the manager is, and when the notice and the cut are due.
 */
@Component
class ValidateOffboardingDelegate implements JavaDelegate {

  private final OffboardingRules rules;
  private final LeaverDirectory directory;
  private final OffboardingSettings settings;

  ValidateOffboardingDelegate(OffboardingRules rules, LeaverDirectory directory, OffboardingSettings settings) {
    this.rules = rules;
    this.directory = directory;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffboardingRequest request = OffboardingRequest.from(execution);
    List<RequestRules.Violation> violations = rules.check(request);
    if (!violations.isEmpty()) {
      invalid(execution, violations.stream().map(RequestRules.Violation::toString).collect(Collectors.joining("; ")));
      return;
    }
    Optional<LeaverDirectory.Leaver> found = directory.find(request.employeeId());
    if (found.isEmpty() || found.get().place() != LeaverDirectory.Place.MANAGED) {
      invalid(execution, found.map(a -> a.place() == LeaverDirectory.Place.ELSEWHERE
          ? "The account with employeeID " + request.employeeId() + " (" + a.dn() + ") is not in an OU Hybrid Onboarding manages"
          : "The account with employeeID " + request.employeeId() + " is offboarded already (" + a.dn() + ")")
          .orElse("No account has employeeID " + request.employeeId()));
      return;
    }
    LeaverDirectory.Leaver account = found.get();
    ACCOUNT_DN.set(execution, account.dn());
    // Parsed, not cut at the first comma: AD names people "Gu\, Lee" too.
    LdapName dn = LdapUtils.newLdapName(account.dn());
    ACCOUNT_OU.set(execution, dn.getPrefix(dn.size() - 1).toString());
    SAM_ACCOUNT_NAME.set(execution, account.samAccountName());
    USER_PRINCIPAL_NAME.set(execution, account.userPrincipalName());
    MAIL.set(execution, account.mail());
    DISPLAY_NAME.set(execution, account.displayName());
    GIVEN_NAME.set(execution, account.givenName());
    SURNAME.set(execution, account.surname());
    IMMUTABLE_ID.set(execution, account.immutableId());
    MANAGER_EMPLOYEE_ID.set(execution, account.managerEmployeeId());
    MANAGER_MAIL.set(execution, account.managerMail());
    boolean shared = !OffboardingRequest.Mailbox.REMOVE.name().equals(MAILBOX.get(execution));
    if (shared && request.mailboxAccess() == null) {
      MAILBOX_ACCESS.set(execution, account.managerEmployeeId() == null ? "" : account.managerEmployeeId());
    }
    ZoneId zone = settings.timeZone(execution);
    TIME_ZONE.set(execution, zone.getId());
    LocalDate lastDay = LocalDate.parse(request.lastWorkingDay());
    Instant cut = settings.cutAt(lastDay, zone, request.immediate());
    CUT_AT.set(execution, OffboardingSettings.date(cut));
    NOTICE_AT.set(execution, OffboardingSettings.date(settings.noticeAt(lastDay, zone, request.immediate())));
    REQUEST_VALID.set(execution, true);
  }

  private static void invalid(DelegateExecution execution, String reason) {
    REQUEST_VALID.set(execution, false);
    REJECTION_REASON.set(execution, reason);
  }
}
