package org.hybridonboarding.offboarding;

import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import org.hybridonboarding.cloud.LeaverCloud;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll: is the reinstated user enabled in Entra ID again (restored from the deleted items, same id)? */
@Component
class CheckUserBackDelegate implements JavaDelegate {

  private final LeaverCloud cloud;

  CheckUserBackDelegate(LeaverCloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var user = cloud.findLeaver(IMMUTABLE_ID.get(execution)).filter(LeaverCloud.Leaver::accountEnabled);
    user.ifPresent(u -> CLOUD_USER_ID.set(execution, u.id()));
    USER_BACK.set(execution, user.isPresent());
  }
}
