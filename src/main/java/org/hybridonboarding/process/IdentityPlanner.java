package org.hybridonboarding.process;

import java.util.HashSet;
import java.util.Set;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.directory.DirectoryGateway;
import org.hybridonboarding.directory.IdentityPlan;
import org.hybridonboarding.directory.NewHire;
import org.springframework.stereotype.Component;

/**
 * Names that are free in AD and, for the addresses, in Entra ID too: a cloud-only user or a
 * guest may hold an address AD knows nothing of. Plans in AD, asks the cloud, plans again past
 * what the cloud holds.
 */
@Component
public class IdentityPlanner {

  static final int MAX_ROUNDS = 5;

  private final DirectoryGateway directory;
  private final CloudGateway cloud;

  public IdentityPlanner(DirectoryGateway directory, CloudGateway cloud) {
    this.directory = directory;
    this.cloud = cloud;
  }

  public IdentityPlan plan(NewHire hire) {
    Set<String> takenInCloud = new HashSet<>();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      IdentityPlan plan = directory.planIdentity(hire, takenInCloud);
      Set<String> inUse = cloud.addressesInUse(hire.employeeId(), plan.addresses());
      if (inUse.isEmpty()) {
        return plan;
      }
      takenInCloud.addAll(inUse);
    }
    throw new IllegalStateException("No free addresses for " + hire.givenName() + " " + hire.surname()
        + " after " + MAX_ROUNDS + " rounds; taken in Entra ID: " + takenInCloud);
  }
}
