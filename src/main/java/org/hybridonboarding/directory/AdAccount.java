package org.hybridonboarding.directory;

import java.time.Instant;

/**
 * An account as it exists in AD.
 *
 * @param immutableId Base64 of the raw objectGUID bytes: what Entra shows as onPremisesImmutableId
 */
public record AdAccount(String dn, String samAccountName, String userPrincipalName, String mail, String immutableId,
    Instant createdAt) {
}
