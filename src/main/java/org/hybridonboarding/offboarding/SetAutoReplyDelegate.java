package org.hybridonboarding.offboarding;

import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import org.hybridonboarding.cloud.LeaverCloud;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The automatic reply HR gave, internal and external; nothing when it gave none. */
@Component
class SetAutoReplyDelegate implements JavaDelegate {

  private final LeaverCloud cloud;

  SetAutoReplyDelegate(LeaverCloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AUTO_REPLY.find(execution).ifPresent(text -> cloud.setAutomaticReply(CLOUD_USER_ID.get(execution), text));
  }
}
