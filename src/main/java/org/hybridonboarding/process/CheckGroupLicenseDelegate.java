package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.CLOUD_USER_ID;
import static org.hybridonboarding.process.OnboardingProcess.GROUP_LICENSE_ACTIVE;
import static org.hybridonboarding.process.OnboardingProcess.GROUP_LICENSE_WAIT_SINCE;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudGateway;
import org.springframework.stereotype.Component;

/** Step 8 in group mode, one poll: has group-based licensing made the licence Active? */
@Component
class CheckGroupLicenseDelegate implements JavaDelegate {

  private final CloudGateway cloud;

  CheckGroupLicenseDelegate(CloudGateway cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean active;
    try {
      active = cloud.groupLicenseActive(CLOUD_USER_ID.get(execution), LICENSE_SKU.get(execution),
          GROUP_LICENSE_WAIT_SINCE.get(execution).toInstant());
    } catch (CloudException e) {
      throw LicenceOptions.failure(execution, e);
    }
    GROUP_LICENSE_ACTIVE.set(execution, active);
  }
}
