package org.hybridonboarding.directory;

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
}
