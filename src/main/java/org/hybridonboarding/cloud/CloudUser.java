package org.hybridonboarding.cloud;

/** A user as Entra ID shows it after Connect Sync. */
public record CloudUser(String id, String userPrincipalName, String usageLocation) {
}
