package org.hybridonboarding.transfer;

import static org.hybridonboarding.transfer.TransferProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.directory.MoverDirectory;
import org.hybridonboarding.process.Problems;
import org.springframework.stereotype.Component;

/** Group-based licensing: once the new group's licence is Active, the account leaves the other licensing groups. */
@Component
class LeaveOldLicensingGroupDelegate implements JavaDelegate {

  private final MoverDirectory directory;
  private final TransferSettings settings;

  LeaveOldLicensingGroupDelegate(MoverDirectory directory, TransferSettings settings) {
    this.directory = directory;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Problems.directory(() -> {
      directory.leaveGroups(EMPLOYEE_ID.get(execution), settings.otherLicensingGroups(LICENSE_SKU.get(execution)));
      return null;
    });
  }
}
