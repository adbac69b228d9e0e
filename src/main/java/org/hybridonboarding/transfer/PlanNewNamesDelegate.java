package org.hybridonboarding.transfer;

import static org.hybridonboarding.transfer.TransferProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.directory.IdentityPlan;
import org.hybridonboarding.directory.NewHire;
import org.hybridonboarding.process.IdentityPlanner;
import org.springframework.stereotype.Component;

/**
 * A name change: the new alias, UPN, primary address and cn by the naming rules of a hire, free
 * in AD and Entra ID (numbered on a collision), reserved until the transfer ends.
 */
@Component
class PlanNewNamesDelegate implements JavaDelegate {

  private final IdentityPlanner planner;
  private final TransferSettings settings;

  PlanNewNamesDelegate(IdentityPlanner planner, TransferSettings settings) {
    this.planner = planner;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The manager is the AD account's, not planned again; the country decides the transliteration.
    NewHire person = new NewHire(EMPLOYEE_ID.get(execution), GIVEN_NAME.get(execution), SURNAME.get(execution),
        DEPARTMENT.find(execution).orElse(FROM_DEPARTMENT.find(execution).orElse(null)), null, null,
        USAGE_LOCATION.find(execution).orElse(FROM_USAGE_LOCATION.find(execution).orElse(null)));
    IdentityPlan plan = planner.plan(person, execution.getProcessInstanceId());
    NEW_DISPLAY_NAME.set(execution, plan.displayName());
    NEW_CN.set(execution, plan.cn());
    NEW_MAIL_NICKNAME.set(execution, plan.mailNickname());
    NEW_USER_PRINCIPAL_NAME.set(execution, plan.userPrincipalName());
    NEW_MAIL.set(execution, plan.mail());
    NEW_SAM_ACCOUNT_NAME.set(execution, settings.isRenameSamAccountName() ? plan.samAccountName() : null);
  }
}
