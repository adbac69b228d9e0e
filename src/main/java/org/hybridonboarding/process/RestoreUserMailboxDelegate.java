package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.MAIL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.directory.LeaverDirectory;
import org.hybridonboarding.exchange.ExchangeAdmin;
import org.springframework.stereotype.Component;

/**
 * A rehire, once licensed: the mailbox a leaver kept as shared becomes a user mailbox on both
 * sides in one step, as the offboarding converted it — the on-premises object (Set-RemoteMailbox
 * -Type Regular: the attributes) and Exchange Online (Set-Mailbox -Type Regular). Licensed first:
 * an unlicensed user mailbox is disconnected. A user mailbox already (a restored one) stays as it is.
 */
@Component
class RestoreUserMailboxDelegate implements JavaDelegate {

  private final LeaverDirectory directory;
  private final ExchangeAdmin exchange;

  RestoreUserMailboxDelegate(LeaverDirectory directory, ExchangeAdmin exchange) {
    this.directory = directory;
    this.exchange = exchange;
  }

  @Override
  public void execute(DelegateExecution execution) {
    directory.stampMailboxType(EMPLOYEE_ID.get(execution), false);
    exchange.setType(MAIL.get(execution), false);
  }
}
