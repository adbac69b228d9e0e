package org.hybridonboarding.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transfer's settings ({@code onboarding.transfers.*}); its waits use the onboarding's
 * replication poll interval and timeout, its approvals the onboarding's approvers.
 *
 * @param approval which transfers wait for an approver
 * @param renameSamAccountName a name change gives a new sAMAccountName too; off by default, since
 *     people sign in with it and scripts and file shares know it
 */
@ConfigurationProperties("onboarding.transfers")
public record TransferProperties(
    @DefaultValue("licence-or-manager") Approval approval,
    @DefaultValue("false") boolean renameSamAccountName) {

  public enum Approval {
    /** Every transfer. */
    ALWAYS,
    /** Those that change the licence (it costs money) or the manager (who approves and sees the person's work). */
    LICENCE_OR_MANAGER,
    NEVER
  }
}
