package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.CLOUD_USER_ID;
import static org.hybridonboarding.process.OnboardingProcess.EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU_ID;
import static org.hybridonboarding.process.OnboardingProcess.USAGE_LOCATION;
import static org.hybridonboarding.process.OnboardingProcess.USAGE_LOCATION_CORRECTED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.directory.MoverDirectory;
import org.springframework.stereotype.Component;

/**
 * Step 8: usage location if sync did not set it, then the licence, assigned directly. A country an
 * operator corrected is written to AD's msExchUsageLocation first: Connect Sync carries that one,
 * and a value set only in the cloud is put back by the next sync.
 */
@Component
class AssignLicenseDelegate implements JavaDelegate {

  private final CloudGateway cloud;
  private final MoverDirectory directory;

  AssignLicenseDelegate(CloudGateway cloud, MoverDirectory directory) {
    this.cloud = cloud;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean corrected = USAGE_LOCATION_CORRECTED.find(execution).orElse(false);
    if (corrected) {
      Problems.directory(() -> directory.move(EMPLOYEE_ID.get(execution),
          MoverDirectory.Move.usageLocation(USAGE_LOCATION.get(execution))));
    }
    String skuId;
    try {
      skuId = cloud.assignLicense(CLOUD_USER_ID.get(execution), corrected ? USAGE_LOCATION.get(execution) : null,
          LICENSE_SKU.get(execution));
    } catch (CloudException e) {
      throw LicenceOptions.failure(execution, e);
    }
    LICENSE_SKU_ID.set(execution, skuId);
  }
}
