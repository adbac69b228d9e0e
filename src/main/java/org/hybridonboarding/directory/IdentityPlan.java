package org.hybridonboarding.directory;

import java.util.List;

/**
 * The names planned for a new hire, all checked free in the directory.
 *
 * @param managerDn the manager's distinguished name, or null without a manager
 * @param managerAccountName the manager's sAMAccountName (how they sign in), or null without a
 *     manager or when the manager's account is disabled (a leaver approves nothing)
 * @param managerMail where the manager reads mail (the hand-over goes there), or null as for managerAccountName
 * @param rehireOf a rehire: the DN of the account this product offboarded, which comes back with its
 *     own names (null: a new account)
 */
public record IdentityPlan(
    String samAccountName,
    String userPrincipalName,
    String mailNickname,
    String mail,
    String cn,
    String displayName,
    String ouDn,
    String managerDn,
    String managerAccountName,
    String managerMail,
    String rehireOf) {

  public IdentityPlan(String samAccountName, String userPrincipalName, String mailNickname, String mail, String cn,
      String displayName, String ouDn, String managerDn, String managerAccountName) {
    this(samAccountName, userPrincipalName, mailNickname, mail, cn, displayName, ouDn, managerDn, managerAccountName,
        null, null);
  }

  public boolean rehire() {
    return rehireOf != null;
  }

  /** The addresses the plan gives the new hire, which must be free in the cloud too. */
  public List<String> addresses() {
    return mail.equalsIgnoreCase(userPrincipalName) ? List.of(userPrincipalName) : List.of(userPrincipalName, mail);
  }
}
