package org.hybridonboarding.transfer;

import static org.hybridonboarding.transfer.TransferProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.MoverCloud;
import org.hybridonboarding.process.LicenceOptions;
import org.springframework.stereotype.Component;

/** Direct licensing: the new SKU added and the old one removed in one assignLicense, so the mailbox always has a licence. */
@Component
class SwapLicenceDelegate implements JavaDelegate {

  private final MoverCloud cloud;

  SwapLicenceDelegate(MoverCloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> removed;
    try {
      removed = cloud.swapLicense(CLOUD_USER_ID.get(execution), LICENSE_SKU.get(execution));
    } catch (CloudException e) {
      throw LicenceOptions.failure(execution, e);
    }
    // A retry after the swap removes nothing: keep what the first run removed.
    if (!removed.isEmpty() || LICENSES_REMOVED.find(execution).isEmpty()) {
      LICENSES_REMOVED.set(execution, String.join(",", removed));
    }
  }
}
