package org.hybridonboarding.offboarding;

import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import org.hybridonboarding.cloud.LeaverCloud;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll: does Graph show the mailbox as shared yet? */
@Component
class CheckSharedMailboxDelegate implements JavaDelegate {

  private final LeaverCloud cloud;

  CheckSharedMailboxDelegate(LeaverCloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String purpose = CLOUD_USER_ID.find(execution).flatMap(cloud::mailboxPurpose).orElse(null);
    MAILBOX_TYPE.set(execution, purpose);
    MAILBOX_SHARED.set(execution, "shared".equals(purpose));
  }
}
