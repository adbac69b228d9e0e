package org.hybridonboarding.transfer;

import static org.hybridonboarding.transfer.TransferProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.directory.MoverDirectory;
import org.hybridonboarding.process.RequestRules;
import org.springframework.stereotype.Component;

/**
 * The first step: the request's rules (as over /api), then the account in the managed OUs and
 * what actually changes against what AD holds. Records who the person is, what they had before
 * and when the change is due.
 */
@Component
class ValidateTransferDelegate implements JavaDelegate {

  private final TransferRules rules;
  private final MoverDirectory directory;
  private final TransferSettings settings;

  ValidateTransferDelegate(TransferRules rules, MoverDirectory directory, TransferSettings settings) {
    this.rules = rules;
    this.directory = directory;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TransferRequest request = TransferRequest.from(execution);
    List<RequestRules.Violation> violations = rules.check(request);
    if (!violations.isEmpty()) {
      invalid(execution, violations.stream().map(RequestRules.Violation::toString).collect(Collectors.joining("; ")));
      return;
    }
    Optional<MoverDirectory.Mover> found = directory.findManaged(request.employeeId());
    if (found.isEmpty()) {
      invalid(execution, "No account with employeeID " + request.employeeId() + " in the OUs Hybrid Onboarding manages");
      return;
    }
    MoverDirectory.Mover account = found.get();
    List<Change> changes = Change.between(request, account);
    if (changes.isEmpty()) {
      invalid(execution, "The request changes nothing: AD holds these values already");
      return;
    }
    ACCOUNT_DN.set(execution, account.dn());
    SAM_ACCOUNT_NAME.set(execution, account.samAccountName());
    USER_PRINCIPAL_NAME.set(execution, account.userPrincipalName());
    DISPLAY_NAME.set(execution, account.displayName());
    FROM_GIVEN_NAME.set(execution, account.givenName());
    FROM_SURNAME.set(execution, account.surname());
    FROM_MAIL.set(execution, account.mail());
    GIVEN_NAME.set(execution, request.givenName() != null ? request.givenName() : account.givenName());
    SURNAME.set(execution, request.surname() != null ? request.surname() : account.surname());
    IMMUTABLE_ID.set(execution, account.immutableId());
    FROM_DEPARTMENT.set(execution, account.department());
    FROM_JOB_TITLE.set(execution, account.jobTitle());
    FROM_MANAGER_EMPLOYEE_ID.set(execution, account.managerEmployeeId());
    FROM_MANAGER_MAIL.set(execution, account.managerMail());
    FROM_USAGE_LOCATION.set(execution, account.usageLocation());
    CHANGES.set(execution, Change.join(changes));
    LICENCE_CHANGES.set(execution, changes.contains(Change.LICENCE));
    MANAGER_CHANGES.set(execution, changes.contains(Change.MANAGER));
    NAME_CHANGES.set(execution, changes.contains(Change.NAME));
    APPROVAL_REQUIRED.set(execution, settings.approvalRequired(changes));
    ZoneId zone = settings.timeZone(execution);
    TIME_ZONE.set(execution, zone.getId());
    EFFECTIVE_AT.set(execution, Date.from(settings.effectiveAt(LocalDate.parse(request.effectiveDate()), zone)));
    REQUEST_VALID.set(execution, true);
  }

  private static void invalid(DelegateExecution execution, String reason) {
    REQUEST_VALID.set(execution, false);
    REJECTION_REASON.set(execution, reason);
  }
}
