package org.hybridonboarding.offboarding;

import org.hybridonboarding.process.Problems;
import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import org.hybridonboarding.directory.LeaverDirectory;
import org.hybridonboarding.exchange.ExchangeAdmin;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Converts the mailbox to shared on both sides in one step: the on-premises object first, so no
 * Connect Sync cycle between the two can turn the mailbox back into an (unlicensed) user mailbox.
 */
@Component
class ConvertMailboxDelegate implements JavaDelegate {

  private final LeaverDirectory directory;
  private final ExchangeAdmin exchange;

  ConvertMailboxDelegate(LeaverDirectory directory, ExchangeAdmin exchange) {
    this.directory = directory;
    this.exchange = exchange;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Problems.directory(() -> {
      directory.stampMailboxType(EMPLOYEE_ID.get(execution), true);
      return null;
    });
    Problems.exchange(() -> {
      exchange.setType(MAIL.get(execution), true);
      return null;
    });
  }
}
