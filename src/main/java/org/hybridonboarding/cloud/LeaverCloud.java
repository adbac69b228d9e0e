package org.hybridonboarding.cloud;

import java.util.List;
import java.util.Optional;

/** What an offboarding (and its reinstatement) does in Entra ID and Exchange Online through Microsoft Graph. */
public interface LeaverCloud {

  /** The synced user anchored on Base64(objectGUID), if Entra ID has one (not soft-deleted). */
  Optional<Leaver> findLeaver(String immutableId);

  /** POST /users/{id}/revokeSignInSessions: refresh tokens and session cookies stop working within minutes. */
  void revokeSignInSessions(String userId);

  /** Deletes the user's Temporary Access Passes; returns how many there were. */
  int deleteTemporaryAccessPasses(String userId);

  /** mailboxSettings.userPurpose (user, shared, …), or empty while Exchange Online has no mailbox for the user. */
  Optional<String> mailboxPurpose(String userId);

  /** The automatic reply, internal and external, always on; null switches it off. */
  void setAutomaticReply(String userId, String message);

  /**
   * Assigns these SKUs again (a reinstatement: the user kept its usageLocation).
   *
   * @throws CloudException NO_FREE_SEAT or LICENSE_ERROR
   */
  void restoreLicenses(String userId, List<String> skuIds);

  /** Whether the user is in Entra ID's deleted items (soft-deleted, restorable for 30 days). */
  boolean softDeleted(String userId);

  /**
   * A synced user as the offboarding reads it.
   *
   * @param directSkuIds the licences assigned directly (group-based ones go with the groups)
   */
  record Leaver(String id, String userPrincipalName, boolean accountEnabled, String usageLocation, List<String> directSkuIds) {
  }
}
