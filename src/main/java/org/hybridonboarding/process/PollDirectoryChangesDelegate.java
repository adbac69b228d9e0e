package org.hybridonboarding.process;

import static org.hybridonboarding.process.ReplicationWatchProcess.DELTA_LINK_LATEST;
import static org.hybridonboarding.process.ReplicationWatchProcess.DELTA_LINK_PREVIOUS;
import static org.hybridonboarding.process.ReplicationWatchProcess.ONBOARDINGS_WOKEN;
import static org.hybridonboarding.process.ReplicationWatchProcess.USERS_CHANGED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.cloud.UserChanges;
import org.springframework.stereotype.Component;

/** The replication watch's poll: which users did sync bring, and who was waiting for them. */
@Component
class PollDirectoryChangesDelegate implements JavaDelegate {

  private final CloudGateway cloud;
  private final ReplicationWatch watch;

  PollDirectoryChangesDelegate(CloudGateway cloud, ReplicationWatch watch) {
    this.cloud = cloud;
    this.watch = watch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String previous = DELTA_LINK_PREVIOUS.find(execution).orElse(null);
    String latest = DELTA_LINK_LATEST.find(execution).orElse(null);
    UserChanges changes = cloud.usersChangedSince(previous != null ? previous : latest);
    ONBOARDINGS_WOKEN.set(execution, watch.offer(changes.users()));
    USERS_CHANGED.set(execution, changes.users().size());
    DELTA_LINK_PREVIOUS.set(execution, latest);
    DELTA_LINK_LATEST.set(execution, changes.deltaLink());
  }
}
