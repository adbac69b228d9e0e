package org.hybridonboarding.offboarding;

import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import org.hybridonboarding.directory.DirectoryProperties;
import org.hybridonboarding.directory.LeaverDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the retention, a leaver without mailbox is deleted from AD (still in the removed OU only). */
@Component
class DeleteAccountDelegate implements JavaDelegate {

  private final LeaverDirectory directory;
  private final DirectoryProperties properties;

  DeleteAccountDelegate(LeaverDirectory directory, DirectoryProperties properties) {
    this.directory = directory;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (directory.deleteIfIn(EMPLOYEE_ID.get(execution), properties.removedOu())) {
      ACCOUNT_DELETED.set(execution, true);
    }
  }
}
