package org.hybridonboarding.transfer;

import static org.hybridonboarding.transfer.TransferProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.process.LicenceOptions;
import org.hybridonboarding.process.OnboardingSettings;
import org.springframework.stereotype.Component;

/** Before anything changes: the new licence is subscribed and has a free seat, as the onboarding's pre-flight asks. */
@Component
class PreflightTransferLicenceDelegate implements JavaDelegate {

  private final CloudGateway cloud;
  private final OnboardingSettings settings;

  PreflightTransferLicenceDelegate(CloudGateway cloud, OnboardingSettings settings) {
    this.cloud = cloud;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String sku = LICENSE_SKU.get(execution);
    LicenceOptions.requireLicensingGroup(settings, sku);
    try {
      cloud.preflight(sku, EMPLOYEE_ID.get(execution), List.of());
    } catch (CloudException e) {
      throw LicenceOptions.failure(execution, e);
    }
  }
}
