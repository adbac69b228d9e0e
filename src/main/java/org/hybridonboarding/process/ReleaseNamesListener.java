package org.hybridonboarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When an onboarding ends, its reserved names go back unless an account holds them: rejected,
 * invalid, or undone before the account was created. The account's own names (an adopted account
 * keeps its own) are what stays reserved.
 */
@Component
class ReleaseNamesListener implements ExecutionListener {

  private final NameReservations reservations;

  ReleaseNamesListener(NameReservations reservations) {
    this.reservations = reservations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (OnboardingProcess.ACCOUNT_DN.find(execution).isPresent()) {
      reservations.keepOnly(execution.getProcessInstanceId(), Hires.plan(execution));
    } else {
      reservations.release(execution.getProcessInstanceId());
    }
  }
}
