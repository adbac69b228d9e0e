package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.CLOUD_USER_ID;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU_ID;
import static org.hybridonboarding.process.OnboardingProcess.USAGE_LOCATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudGateway;
import org.springframework.stereotype.Component;

/** Step 8: usage location if sync did not set it, then the licence, assigned directly. */
@Component
class AssignLicenseDelegate implements JavaDelegate {

  private final CloudGateway cloud;

  AssignLicenseDelegate(CloudGateway cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String skuId;
    try {
      skuId = cloud.assignLicense(CLOUD_USER_ID.get(execution), USAGE_LOCATION.get(execution), LICENSE_SKU.get(execution));
    } catch (CloudException e) {
      throw LicenceOptions.failure(execution, e);
    }
    LICENSE_SKU_ID.set(execution, skuId);
  }
}
