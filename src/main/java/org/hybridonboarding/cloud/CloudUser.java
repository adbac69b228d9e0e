package org.hybridonboarding.cloud;

/**
 * A user as Entra ID shows it after Connect Sync.
 *
 * @param accountEnabled as sync derived it from userAccountControl: a rehired account is there
 *     already, disabled, until sync brings it back enabled
 */
public record CloudUser(String id, String userPrincipalName, String usageLocation, boolean accountEnabled) {

  public CloudUser(String id, String userPrincipalName, String usageLocation) {
    this(id, userPrincipalName, usageLocation, true);
  }
}
