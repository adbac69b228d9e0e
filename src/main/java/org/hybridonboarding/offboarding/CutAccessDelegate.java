package org.hybridonboarding.offboarding;

import org.hybridonboarding.process.Problems;
import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.time.Clock;
import java.util.Date;
import org.hybridonboarding.directory.LeaverDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Cuts access in AD, the authority: disabled (Connect Sync carries it to Entra ID) and a password nobody knows. */
@Component
class CutAccessDelegate implements JavaDelegate {

  private final LeaverDirectory directory;
  private final Clock clock;

  CutAccessDelegate(LeaverDirectory directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LeaverDirectory.Leaver account = Problems.directory(() -> directory.cutAccess(EMPLOYEE_ID.get(execution)));
    DISABLED_AT.set(execution, Date.from(clock.instant()));
    // Read before the account leaves them: a reinstatement puts it back into these.
    if (GROUPS.find(execution).isEmpty()) {
      GROUPS.set(execution, String.join("\n", account.groups()));
    }
  }
}
