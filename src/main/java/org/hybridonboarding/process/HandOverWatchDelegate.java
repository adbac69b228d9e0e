package org.hybridonboarding.process;

import static org.hybridonboarding.process.ReplicationWatchProcess.DELTA_LINK_LATEST;
import static org.hybridonboarding.process.ReplicationWatchProcess.DELTA_LINK_PREVIOUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The replication watch ends after one interval and passes its delta links to the next. */
@Component
class HandOverWatchDelegate implements JavaDelegate {

  private final ReplicationWatch watch;

  HandOverWatchDelegate(ReplicationWatch watch) {
    this.watch = watch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    watch.handOver(execution.getProcessInstanceId(), DELTA_LINK_PREVIOUS.find(execution).orElse(null),
        DELTA_LINK_LATEST.find(execution).orElse(null));
  }
}
