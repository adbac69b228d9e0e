package org.hybridonboarding.cloud;

import com.microsoft.graph.models.LicenseAssignmentState;
import com.microsoft.graph.models.ServicePlanInfo;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Graph's side of a mover: the synced user as it is now. The licence swap itself is {@link GraphLicensing}'s. */
final class GraphMovers {

  private final GraphUsers users;
  private final GraphLicensing licensing;

  GraphMovers(GraphUsers users, GraphLicensing licensing) {
    this.users = users;
    this.licensing = licensing;
  }

  Optional<MoverCloud.Mover> find(String immutableId) {
    return users.synced(immutableId, "id", "userPrincipalName", "department", "jobTitle", "usageLocation",
            "licenseAssignmentStates")
        .map(user -> new MoverCloud.Mover(user.getId(), user.getUserPrincipalName(), user.getDepartment(),
            user.getJobTitle(), user.getUsageLocation(), licensing.partNumbers(
                Optional.ofNullable(user.getLicenseAssignmentStates()).orElse(List.of()).stream()
                    .filter(state -> Objects.toString(state.getState(), "").startsWith("Active"))
                    .map(LicenseAssignmentState::getSkuId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList())));
  }

  /** Whether the SKU carries an Exchange Online plan (EXCHANGE_S_*): a licence that keeps a mailbox. */
  static boolean withMailbox(SubscribedSku sku) {
    return Optional.ofNullable(sku.getServicePlans()).orElse(List.of()).stream()
        .map(ServicePlanInfo::getServicePlanName)
        .anyMatch(name -> name != null && name.startsWith("EXCHANGE_S_"));
  }
}
