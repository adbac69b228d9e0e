package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.ACCOUNT_DN;
import static org.hybridonboarding.process.OnboardingProcess.CANCELLATION_REASON;
import static org.hybridonboarding.process.OnboardingProcess.CANCELLED_BY;
import static org.hybridonboarding.process.OnboardingProcess.EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.PROBLEM_CODE;
import static org.hybridonboarding.process.OnboardingProcess.PROBLEM_STEP_NAME;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.directory.DirectoryGateway;
import org.springframework.stereotype.Component;

/**
 * Undo, second step: the account this onboarding created is disabled, leaves its groups, records
 * why and moves to the quarantine OU (out of Connect Sync's scope, so the cloud user goes too).
 * It is found by employeeID and this onboarding's marker, so even an account whose creation was
 * interrupted by the cancellation is found.
 */
@Component
class QuarantineAccountDelegate implements JavaDelegate {

  private final DirectoryGateway directory;
  private final Clock clock;

  QuarantineAccountDelegate(DirectoryGateway directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String why = CANCELLATION_REASON.find(execution)
        .map(reason -> "cancelled by " + CANCELLED_BY.find(execution).orElse("another system") + ": " + reason)
        .orElseGet(() -> "aborted by an operator at " + PROBLEM_STEP_NAME.find(execution).orElse("a step")
            + " (" + PROBLEM_CODE.find(execution).orElse("no code") + ")");
    // Called by undo-onboarding with the onboarding's id; onboardings of diagram version 1 run it themselves.
    String onboardingId = OnboardingProcess.ONBOARDING_ID.find(execution).orElse(execution.getProcessInstanceId());
    directory.quarantine(EMPLOYEE_ID.get(execution), onboardingId,
            "Onboarding " + why + " on " + LocalDate.now(clock))
        .ifPresent(dn -> ACCOUNT_DN.set(execution, dn));
  }
}
