package org.hybridonboarding.directory;

import java.util.List;
import java.util.Optional;

/**
 * What a transfer (a mover) changes in on-premises Active Directory: the department's OU and
 * groups, manager, title and usage location. AD stays the authority: Connect Sync carries each
 * change to Entra ID, so nothing here is patched in the cloud. Every operation is safe to run again.
 */
public interface MoverDirectory {

  /** The account with that employeeID in the OUs this product manages (users-ou, department OUs), or empty. */
  Optional<Mover> findManaged(String employeeId);

  /**
   * Applies the move: attributes first, then the groups (leave, then join), then the OU (modrdn:
   * the objectGUID, and with it the cloud user, stays). What is already as asked is left as it is.
   *
   * @throws DirectoryException ACCOUNT_NOT_FOUND when the account is no longer managed;
   *     MANAGER_NOT_FOUND when no account has the new manager's employeeID
   */
  Moved move(String employeeId, Move move);

  /** Leaves these groups (those it is no longer in are skipped); what a group licence swap ends with. */
  void leaveGroups(String employeeId, List<String> groupDns);

  /**
   * An account as a transfer reads it.
   *
   * @param usageLocation msExchUsageLocation, which Connect Sync carries to usageLocation
   * @param groups the groups it is a member of
   */
  record Mover(String dn, String samAccountName, String userPrincipalName, String mail, String displayName,
      String givenName, String surname, String department, String jobTitle, String usageLocation, String immutableId,
      String managerEmployeeId, String managerMail, List<String> groups) {
  }

  /**
   * What changes; null leaves a value as it is.
   *
   * @param ouDn where the account goes (null: it stays)
   * @param leaveGroups groups it leaves (the old department's; those it is not in are skipped)
   * @param joinGroups groups it joins (the new department's, a new licensing group)
   * @param rename new names (null: the names stay)
   */
  record Move(String department, String ouDn, List<String> leaveGroups, List<String> joinGroups, String jobTitle,
      String managerEmployeeId, String usageLocation, Rename rename) {

    public Move {
      leaveGroups = leaveGroups == null ? List.of() : List.copyOf(leaveGroups);
      joinGroups = joinGroups == null ? List.of() : List.copyOf(joinGroups);
    }

    /** Only the country (msExchUsageLocation). */
    public static Move usageLocation(String country) {
      return new Move(null, null, null, null, null, null, country, null);
    }
  }

  /**
   * A name change, planned free in AD and Entra ID: the old primary address stays as a secondary
   * smtp: proxy (mail to it still arrives), the routing address and targetAddress stay.
   *
   * @param samAccountName the new sign-in name, or null to keep it (the default)
   */
  record Rename(String givenName, String surname, String displayName, String cn, String mailNickname,
      String userPrincipalName, String mail, String samAccountName) {
  }

  /**
   * The account after the move.
   *
   * @param groupsLeft the groups it left now (not those it had left before)
   * @param groupsJoined the groups it joined now
   * @param managerMail the new manager's mail, when the move names one and that account is enabled
   */
  record Moved(String dn, List<String> groupsLeft, List<String> groupsJoined, String managerMail) {
  }
}
