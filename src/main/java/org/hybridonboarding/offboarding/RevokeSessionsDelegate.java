package org.hybridonboarding.offboarding;

import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import org.hybridonboarding.cloud.LeaverCloud;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends the sessions the person has open and deletes any Temporary Access Pass; nothing to do for a user never synced. */
@Component
class RevokeSessionsDelegate implements JavaDelegate {

  private final LeaverCloud cloud;

  RevokeSessionsDelegate(LeaverCloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var user = cloud.findLeaver(IMMUTABLE_ID.get(execution));
    if (user.isEmpty()) {
      SESSIONS_REVOKED.set(execution, false);
      return;
    }
    CLOUD_USER_ID.set(execution, user.get().id());
    cloud.revokeSignInSessions(user.get().id());
    SESSIONS_REVOKED.set(execution, true);
    PASSES_DELETED.set(execution, (long) cloud.deleteTemporaryAccessPasses(user.get().id()));
  }
}
