package org.hybridonboarding.process;

import java.util.HashSet;
import java.util.Set;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.directory.DirectoryGateway;
import org.hybridonboarding.directory.IdentityPlan;
import org.hybridonboarding.directory.NewHire;
import org.springframework.stereotype.Component;

/**
 * Names that are free in AD, not reserved by a concurrent onboarding, and, for the addresses,
 * free in Entra ID too: a cloud-only user or a guest may hold an address AD knows nothing of.
 * Plans in AD (reserving as it goes), asks the cloud, plans again past what the cloud holds.
 */
@Component
public class IdentityPlanner {

  static final int MAX_ROUNDS = 5;

  private final DirectoryGateway directory;
  private final CloudGateway cloud;
  private final NameReservations reservations;

  public IdentityPlanner(DirectoryGateway directory, CloudGateway cloud, NameReservations reservations) {
    this.directory = directory;
    this.cloud = cloud;
    this.reservations = reservations;
  }

  /** @param onboardingId the onboarding the names are reserved for (its process instance) */
  public IdentityPlan plan(NewHire hire, String onboardingId) {
    Set<String> takenInCloud = new HashSet<>();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      IdentityPlan plan = directory.planIdentity(hire, takenInCloud,
          candidate -> reservations.reserve(hire.employeeId(), onboardingId, candidate));
      Set<String> inUse = cloud.addressesInUse(hire.employeeId(), plan.addresses());
      if (inUse.isEmpty()) {
        reservations.keepOnly(onboardingId, plan);
        return plan;
      }
      takenInCloud.addAll(inUse);
    }
    throw new IllegalStateException("No free addresses for " + hire.givenName() + " " + hire.surname()
        + " after " + MAX_ROUNDS + " rounds; taken in Entra ID: " + takenInCloud);
  }
}
