package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudGateway;
import org.springframework.stereotype.Component;

/** Step 5: nothing is created before the licence has a seat and the addresses are free in Entra ID. */
@Component
class PreflightCloudDelegate implements JavaDelegate {

  private final CloudGateway cloud;
  private final OnboardingSettings settings;

  PreflightCloudDelegate(CloudGateway cloud, OnboardingSettings settings) {
    this.cloud = cloud;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String sku = LICENSE_SKU.get(execution);
    LicenceOptions.requireLicensingGroup(settings, sku);
    try {
      // Right after planning (the same job) the planner has just asked Entra ID for these addresses;
      // a retry after a problem asks again.
      boolean checked = PlanIdentityDelegate.ADDRESSES_CHECKED.find(execution).orElse(false);
      cloud.preflight(sku, EMPLOYEE_ID.get(execution), checked ? List.of() : Hires.plan(execution).addresses());
    } catch (CloudException e) {
      throw LicenceOptions.failure(execution, e);
    }
  }
}
