package org.hybridonboarding.offboarding;

import org.hybridonboarding.process.Problems;
import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.hybridonboarding.directory.LeaverDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Brings the account back in AD: its OU and groups, enabled with a new password, the mailbox a user mailbox again on-premises. */
@Component
class ReinstateAccountDelegate implements JavaDelegate {

  private final LeaverDirectory directory;
  private final OffboardingSettings settings;
  private final Clock clock;

  ReinstateAccountDelegate(LeaverDirectory directory, OffboardingSettings settings, Clock clock) {
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String employeeId = EMPLOYEE_ID.get(execution);
    String description = "Reinstated by Hybrid Onboarding "
        + DateTimeFormatter.ISO_LOCAL_DATE.format(clock.instant().atZone(settings.timeZone(execution)))
        + REVERSED_BY.find(execution).map(by -> " at the request of " + by).orElse("")
        + REVERSAL_REASON.find(execution).map(reason -> ": " + reason).orElse("");
    Problems.directory(() -> directory.reinstate(employeeId, ACCOUNT_OU.get(execution),
        Arrays.stream(GROUPS.find(execution).orElse("").split("\n")).filter(g -> !g.isBlank()).toList(), description));
    if (!OffboardingRequest.Mailbox.REMOVE.name().equals(MAILBOX.get(execution))) {
      Problems.directory(() -> {
        directory.stampMailboxType(employeeId, false);
        return null;
      });
    }
  }
}
