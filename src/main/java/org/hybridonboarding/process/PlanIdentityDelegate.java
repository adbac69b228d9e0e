package org.hybridonboarding.process;


import static org.hybridonboarding.process.OnboardingProcess.CN;
import static org.hybridonboarding.process.OnboardingProcess.DISPLAY_NAME;
import static org.hybridonboarding.process.OnboardingProcess.MAIL;
import static org.hybridonboarding.process.OnboardingProcess.MAIL_NICKNAME;
import static org.hybridonboarding.process.OnboardingProcess.REHIRE;
import static org.hybridonboarding.process.OnboardingProcess.SAM_ACCOUNT_NAME;
import static org.hybridonboarding.process.OnboardingProcess.TARGET_OU;
import static org.hybridonboarding.process.OnboardingProcess.USER_PRINCIPAL_NAME;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.directory.DirectoryException;
import org.hybridonboarding.directory.IdentityPlan;
import org.springframework.stereotype.Component;

/** Step 4: unique names for the new hire, checked against AD and, for addresses, Entra ID. */
@Component
class PlanIdentityDelegate implements JavaDelegate {

  static final Var<String> MANAGER_DN = Var.of("managerDn", String.class);
  static final Var<String> MANAGER_ACCOUNT_NAME = Var.of("managerAccountName", String.class);
  static final Var<String> MANAGER_MAIL = Var.of("managerMail", String.class);
  /** Transient: the planner found the addresses free in Entra ID in this same transaction. */
  static final Var<Boolean> ADDRESSES_CHECKED = Var.of("addressesChecked", Boolean.class);

  private final IdentityPlanner planner;

  PlanIdentityDelegate(IdentityPlanner planner) {
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IdentityPlan plan;
    try {
      plan = planner.plan(Hires.from(execution), execution.getProcessInstanceId());
    } catch (DirectoryException e) {
      throw new BpmnError(e.code().name(), e.getMessage());
    }
    SAM_ACCOUNT_NAME.set(execution, plan.samAccountName());
    USER_PRINCIPAL_NAME.set(execution, plan.userPrincipalName());
    MAIL_NICKNAME.set(execution, plan.mailNickname());
    MAIL.set(execution, plan.mail());
    CN.set(execution, plan.cn());
    DISPLAY_NAME.set(execution, plan.displayName());
    TARGET_OU.set(execution, plan.ouDn());
    MANAGER_DN.set(execution, plan.managerDn());
    MANAGER_ACCOUNT_NAME.set(execution, plan.managerAccountName());
    MANAGER_MAIL.set(execution, plan.managerMail());
    REHIRE.set(execution, plan.rehire());
    ADDRESSES_CHECKED.setTransient(execution, true);
  }
}
