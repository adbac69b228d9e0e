package org.hybridonboarding.cloud;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything the onboarding does in Entra ID and Exchange Online, through Microsoft Graph. */
public interface CloudGateway {

  /**
   * Which of these addresses a user other than this employee holds in Entra ID (as UPN, mail or
   * proxy address), in lower case.
   */
  Set<String> addressesInUse(String employeeId, List<String> addresses);

  /**
   * Checks before anything is created: the SKU is subscribed and has a free seat, the addresses
   * are free in Entra ID.
   *
   * @throws CloudException LICENSE_ERROR, NO_FREE_SEAT or ADDRESS_IN_USE
   */
  void preflight(String skuPartNumber, String employeeId, List<String> addresses);

  /** The synced user whose onPremisesImmutableId is Base64(objectGUID), if Connect Sync brought it yet. */
  Optional<CloudUser> findSyncedUser(String immutableId);

  /**
   * Users synced or changed since that delta link (all users when it is null), following every
   * page: one request per page, however many onboardings are waiting.
   */
  UserChanges usersChangedSince(String deltaLink);

  /**
   * Assigns the licence directly, first setting usageLocation when one is given (an operator chose
   * another country than the one sync brought from AD). Safe to run again: a licence already
   * assigned is left as it is.
   *
   * @return the skuId assigned
   * @throws CloudException NO_FREE_SEAT, USAGE_LOCATION_INVALID or LICENSE_ERROR
   */
  String assignLicense(String userId, String usageLocation, String skuPartNumber);

  /**
   * Whether group-based licensing has made the SKU Active for the user.
   *
   * @param since errors Entra recorded before this moment are stale (seats may have been bought
   *     since) and count as not yet processed
   * @throws CloudException NO_FREE_SEAT (CountViolation) or LICENSE_ERROR when it failed since then
   */
  boolean groupLicenseActive(String userId, String skuPartNumber, Instant since);

  /**
   * Creates a Temporary Access Pass for the first day and mails it to the manager (or the
   * helpdesk). The pass exists only inside this call: it is never returned, stored or logged.
   * Running it again replaces the pass and mails the new one.
   *
   * @return the address the pass was mailed to
   * @throws CloudException TAP_FAILED when Entra refuses the pass
   */
  String handOverCredentials(CredentialHandover handover);

  /** True once Exchange Online has provisioned the user's mailbox. */
  boolean hasMailbox(String userId);

  /**
   * Removes the licences assigned directly to the user (group-based ones go with the group
   * membership). Nothing to do for a user Entra does not know (yet).
   *
   * @return the skuIds removed
   */
  List<String> removeDirectLicenses(String userId);

  /** Mails a notice (HTML) from the configured sender mailbox. */
  default void notify(String to, String subject, String html) {
    notify(List.of(to), subject, html);
  }

  /** Mails one notice to all of them (one message: each address counts against the sender's recipient limit). */
  void notify(List<String> to, String subject, String html);
}
