package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.ACCOUNT_CREATED_AT;
import static org.hybridonboarding.process.OnboardingProcess.ACCOUNT_DN;
import static org.hybridonboarding.process.OnboardingProcess.IMMUTABLE_ID;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU;

import java.util.Date;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.directory.AdAccount;
import org.hybridonboarding.directory.DirectoryException;
import org.hybridonboarding.directory.DirectoryGateway;
import org.springframework.stereotype.Component;

/** Step 6: the AD account with its remote-mailbox attributes; safe to run again. */
@Component
class CreateAdAccountDelegate implements JavaDelegate {

  private final DirectoryGateway directory;
  private final OnboardingSettings settings;

  CreateAdAccountDelegate(DirectoryGateway directory, OnboardingSettings settings) {
    this.directory = directory;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AdAccount account;
    try {
      account = directory.createAccount(Hires.from(execution), Hires.plan(execution),
          settings.accountGroups(LICENSE_SKU.get(execution)), execution.getProcessInstanceId(),
          OnboardingProcess.ADOPT_EXISTING_ACCOUNT.find(execution).orElse(false));
    } catch (DirectoryException e) {
      throw new BpmnError(e.code().name(), e.getMessage());
    }
    ACCOUNT_DN.set(execution, account.dn());
    // An adopted account keeps its own names.
    OnboardingProcess.SAM_ACCOUNT_NAME.set(execution, account.samAccountName());
    OnboardingProcess.USER_PRINCIPAL_NAME.set(execution, account.userPrincipalName());
    if (account.mail() != null) {
      OnboardingProcess.MAIL.set(execution, account.mail());
    }
    IMMUTABLE_ID.set(execution, account.immutableId());
    ACCOUNT_CREATED_AT.set(execution, Date.from(account.createdAt()));
  }
}
