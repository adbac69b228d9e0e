package org.hybridonboarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When the wait for group-based licensing (re)starts: errors Entra recorded before this moment
 * are stale (seats may have been bought since), see CheckGroupLicenseDelegate.
 */
@Component
class GroupLicenseWaitListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    // The engine's clock, as the diagram's timers use it.
    OnboardingProcess.GROUP_LICENSE_WAIT_SINCE.set(execution, ClockUtil.getCurrentTime());
  }
}
