package org.hybridonboarding.cloud;

import java.util.List;
import java.util.Optional;

/** What a transfer reads and changes in Entra ID through Microsoft Graph: everything else comes from AD by sync. */
public interface MoverCloud {

  /** The synced user anchored on Base64(objectGUID), as a transfer checks it, if Entra ID has one. */
  Optional<Mover> findMover(String immutableId);

  /**
   * Replaces the user's mailbox licence in one {@code assignLicense} call that adds the new SKU and
   * removes the old ones, so the mailbox is never without a licence. The old ones are the SKUs
   * assigned directly that carry an Exchange Online plan; other licences (Visio, Project…) stay.
   * Safe to run again: a SKU held already is not added again, one gone is not removed.
   *
   * @return the skuPartNumbers removed
   * @throws CloudException NO_FREE_SEAT, USAGE_LOCATION_INVALID or LICENSE_ERROR
   */
  List<String> swapLicense(String userId, String skuPartNumber);

  /**
   * A synced user as a transfer checks it.
   *
   * @param licenses the skuPartNumbers the user holds actively, however assigned
   */
  record Mover(String id, String userPrincipalName, String department, String jobTitle, String usageLocation,
      List<String> licenses) {
  }
}
