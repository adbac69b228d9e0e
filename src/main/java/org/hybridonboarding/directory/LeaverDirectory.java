package org.hybridonboarding.directory;

import java.util.List;
import java.util.Optional;

/**
 * What an offboarding (and its reinstatement) does in on-premises Active Directory. AD is the
 * authority: Connect Sync derives accountEnabled and the mailbox type in Exchange Online from
 * what is written here. Every operation is safe to run again.
 */
public interface LeaverDirectory {

  /**
   * The account with that employeeID, wherever it is (its {@link Leaver#place()} says), with its
   * manager, or empty.
   */
  Optional<Leaver> find(String employeeId);

  /**
   * Disables the account (514) and gives it a new random password nobody knows.
   *
   * @return the account as it is now, with the groups it is a member of (what a reinstatement restores)
   * @throws DirectoryException ACCOUNT_NOT_FOUND when no account with the employeeID is managed by this product
   */
  Leaver cutAccess(String employeeId);

  /**
   * Stamps the on-premises remote mailbox object as shared ({@code Set-RemoteMailbox -Type Shared}:
   * msExchRemoteRecipientType with the Shared bits, 97 for a cloud-provisioned mailbox, 100 for a
   * migrated one; msExchRecipientTypeDetails RemoteSharedMailbox) or back as a user mailbox.
   */
  void stampMailboxType(String employeeId, boolean shared);

  /**
   * Leaves the groups (the ones kept stay), writes the description and moves the account to the
   * OU, keeping its objectGUID.
   *
   * @return the account's new distinguished name
   */
  String retire(String employeeId, List<String> leaveGroups, String description, String ouDn);

  /**
   * Brings an offboarded account back: to its OU and its groups, enabled with a new random password
   * the user must change at the next logon.
   *
   * @return the account as it is now (its manager and groups not looked up)
   */
  Leaver reinstate(String employeeId, String ouDn, List<String> groups, String description);

  /**
   * Deletes the account when it is still in that OU (a leaver without mailbox, after the retention);
   * nothing to do when it is gone or was brought back.
   *
   * @return whether it was deleted now
   */
  boolean deleteIfIn(String employeeId, String ouDn);

  /** The mail address of an enabled account with that employeeID: someone who can be given a mailbox. */
  Optional<String> mailOfActive(String employeeId);

  /** Where an account is, as the offboarding sees it. */
  enum Place {
    /** In users-ou or a department OU: a person this product manages. */
    MANAGED,
    /** In the leavers OU (offboarded, mailbox kept). */
    LEAVERS,
    /** In the removed OU (offboarded, out of sync scope). */
    REMOVED,
    /** Anywhere else: not this product's. */
    ELSEWHERE
  }

  /**
   * An account as the offboarding reads it.
   *
   * @param remoteRecipientType msExchRemoteRecipientType (0 when it has none)
   * @param managerEmployeeId the employeeID of the account its manager attribute names, when there is one
   * @param managerMail that manager's mail
   * @param groups the groups it is a member of, where the operation reads them (empty elsewhere)
   */
  record Leaver(String dn, Place place, String samAccountName, String userPrincipalName, String mail, String displayName,
      String givenName, String surname,
      String immutableId, boolean enabled, long remoteRecipientType, String managerEmployeeId, String managerMail,
      List<String> groups) {
  }
}
