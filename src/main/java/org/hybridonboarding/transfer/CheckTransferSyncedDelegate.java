package org.hybridonboarding.transfer;

import static org.hybridonboarding.transfer.TransferProcess.*;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.MoverCloud;
import org.springframework.stereotype.Component;

/**
 * One poll of the wait for sync: Entra ID shows what AD now says (department, job title, usage
 * location, a new user principal name) and, with group-based licensing, the new licence Active through its group.
 */
@Component
class CheckTransferSyncedDelegate implements JavaDelegate {

  private final MoverCloud cloud;
  private final TransferSettings settings;

  CheckTransferSyncedDelegate(MoverCloud cloud, TransferSettings settings) {
    this.cloud = cloud;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<MoverCloud.Mover> user = cloud.findMover(IMMUTABLE_ID.get(execution));
    user.ifPresent(found -> CLOUD_USER_ID.set(execution, found.id()));
    SYNCED.set(execution, user.isPresent() && shows(execution, user.get()));
  }

  private boolean shows(DelegateExecution execution, MoverCloud.Mover user) {
    List<Change> changes = Change.parse(CHANGES.get(execution));
    return (!changes.contains(Change.DEPARTMENT) || Objects.equals(DEPARTMENT.get(execution), user.department()))
        && (!changes.contains(Change.JOB_TITLE) || Objects.equals(JOB_TITLE.get(execution), user.jobTitle()))
        && (!changes.contains(Change.USAGE_LOCATION) || Objects.equals(USAGE_LOCATION.get(execution), user.usageLocation()))
        && (!changes.contains(Change.NAME)
            || NEW_USER_PRINCIPAL_NAME.get(execution).equalsIgnoreCase(Objects.toString(user.userPrincipalName(), "")))
        && (!changes.contains(Change.LICENCE) || !settings.isGroupLicensing()
            || user.licenses().contains(LICENSE_SKU.get(execution)));
  }
}
