package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.CLOUD_USER_ID;
import static org.hybridonboarding.process.OnboardingProcess.IMMUTABLE_ID;
import static org.hybridonboarding.process.OnboardingProcess.USER_SYNCED;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.cloud.CloudUser;
import org.springframework.stereotype.Component;

/**
 * Step 7: has Connect Sync brought the user to Entra ID yet, enabled? Asked once of Graph right
 * after the account is created (in the same job), then answered by the replication watch's
 * message. A rehire's cloud user is there all along, disabled, until sync carries the re-enabled account.
 */
@Component
class CheckReplicationDelegate implements JavaDelegate {

  private final CloudGateway cloud;

  CheckReplicationDelegate(CloudGateway cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (USER_SYNCED.find(execution).orElse(false)) {
      // The replication watch saw the user enabled and said so in its message (cloudUserId with it).
      return;
    }
    Optional<CloudUser> user = cloud.findSyncedUser(IMMUTABLE_ID.get(execution));
    USER_SYNCED.set(execution, user.isPresent() && user.get().accountEnabled());
    user.ifPresent(found -> CLOUD_USER_ID.set(execution, found.id()));
  }
}
