package org.hybridonboarding.cloud;

import java.time.Instant;
import java.time.LocalDate;

/** Whose credentials, and when they must work. */
public record CredentialHandover(
    String userId,
    String displayName,
    String userPrincipalName,
    String mail,
    LocalDate startDate,
    Instant validFrom,
    String managerEmployeeId) {
}
