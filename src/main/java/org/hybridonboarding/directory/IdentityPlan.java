package org.hybridonboarding.directory;

import java.util.List;

/**
 * The names planned for a new hire, all checked free in the directory.
 *
 * @param managerDn the manager's distinguished name, or null without a manager
 */
public record IdentityPlan(
    String samAccountName,
    String userPrincipalName,
    String mailNickname,
    String mail,
    String cn,
    String displayName,
    String ouDn,
    String managerDn) {

  /** The addresses the plan gives the new hire, which must be free in the cloud too. */
  public List<String> addresses() {
    return mail.equalsIgnoreCase(userPrincipalName) ? List.of(userPrincipalName) : List.of(userPrincipalName, mail);
  }
}
