package org.hybridonboarding.offboarding;

import org.hybridonboarding.process.Problems;
import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.hybridonboarding.directory.LeaverDirectory;
import org.hybridonboarding.exchange.ExchangeAdmin;
import org.hybridonboarding.exchange.ExchangeException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** FullAccess (auto-mapped in Outlook) for the people named, by default the manager. */
@Component
class GrantMailboxAccessDelegate implements JavaDelegate {

  private final LeaverDirectory directory;
  private final ExchangeAdmin exchange;

  GrantMailboxAccessDelegate(LeaverDirectory directory, ExchangeAdmin exchange) {
    this.directory = directory;
    this.exchange = exchange;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> granted = new ArrayList<>();
    for (String employeeId : OffboardingRequest.from(execution).mailboxAccess()) {
      String holder = Problems.directory(() -> directory.mailOfActive(employeeId)).orElseThrow(() -> new BpmnError(
          ExchangeException.Code.MAILBOX_ACCESS_MISSING.name(), "employeeID " + employeeId + " has no enabled account with a mailbox: "
              + "nobody can be given FullAccess as " + employeeId));
      try {
        exchange.grantFullAccess(MAIL.get(execution), holder);
      } catch (ExchangeException e) {
        // The leaver's mailbox was found just before: a mailbox not found is the holder's.
        throw new BpmnError(e.code() == ExchangeException.Code.MAILBOX_NOT_FOUND
            ? ExchangeException.Code.MAILBOX_ACCESS_MISSING.name() : e.code().name(), e.getMessage());
      }
      granted.add(holder);
    }
    ACCESS_GRANTED_TO.set(execution, String.join(", ", granted));
  }
}
