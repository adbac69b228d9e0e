package org.hybridonboarding.cloud;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whose credentials, and when they must work.
 *
 * @param timeZone where the person works: the mail gives the times in it
 * @param sender the mailbox whose booked slot this mail takes; null for a mail that goes out at once
 */
public record CredentialHandover(
    String userId,
    String displayName,
    String userPrincipalName,
    String mail,
    LocalDate startDate,
    Instant validFrom,
    ZoneId timeZone,
    String managerEmployeeId,
    String sender) {
}
