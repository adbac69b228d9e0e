package org.hybridonboarding.simulation;

import java.util.List;

/** What Connect Sync reads of one AD user (the attributes in its default sync rules). */
record SyncedAccount(
    String dn,
    String immutableId,
    String samAccountName,
    String userPrincipalName,
    String mail,
    String mailNickname,
    List<String> proxyAddresses,
    String employeeId,
    String displayName,
    String givenName,
    String surname,
    String department,
    String jobTitle,
    String usageLocation,
    boolean accountEnabled,
    boolean remoteMailbox,
    boolean hasMailboxGuid,
    /** msExchRecipientTypeDetails says RemoteSharedMailbox: the on-premises object was converted too. */
    boolean sharedMailbox) {
}
