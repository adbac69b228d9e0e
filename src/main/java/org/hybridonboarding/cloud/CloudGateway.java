package org.hybridonboarding.cloud;

import java.util.Optional;

/** Everything the onboarding does in Entra ID and Exchange Online, through Microsoft Graph. */
public interface CloudGateway {

  /** The synced user whose onPremisesImmutableId is Base64(objectGUID), if Connect Sync brought it yet. */
  Optional<CloudUser> findSyncedUser(String immutableId);

  /**
   * Sets usageLocation when sync did not bring it, then assigns the licence directly. Safe to run
   * again: a licence already assigned is left as it is.
   *
   * @return the skuId assigned
   * @throws CloudException NO_FREE_SEAT, USAGE_LOCATION_INVALID or LICENSE_ERROR
   */
  String assignLicense(String userId, String usageLocation, String skuPartNumber);

  /** True once Exchange Online has provisioned the user's mailbox. */
  boolean hasMailbox(String userId);
}
