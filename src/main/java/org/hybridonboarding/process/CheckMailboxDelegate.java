package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.CLOUD_USER_ID;
import static org.hybridonboarding.process.OnboardingProcess.MAILBOX_READY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudGateway;
import org.springframework.stereotype.Component;

/** Step 9, one poll: has Exchange Online provisioned the mailbox yet? */
@Component
class CheckMailboxDelegate implements JavaDelegate {

  private final CloudGateway cloud;

  CheckMailboxDelegate(CloudGateway cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MAILBOX_READY.set(execution, cloud.hasMailbox(CLOUD_USER_ID.get(execution)));
  }
}
