package org.hybridonboarding.cloud;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whose credentials, and when they must work.
 *
 * @param timeZone where the person works: the mail gives the times in it
 * @param managerMail where the pass goes (read from the manager's AD account); null: to the helpdesk
 * @param managerToLookUp the manager's employeeID when the names were planned by a version that did
 *     not read the manager's mail from AD (an onboarding started before the upgrade): asked of Graph
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
    String managerMail,
    String managerToLookUp,
    String sender) {
}
