package org.hybridonboarding.directory;

/** Everything the onboarding does in on-premises Active Directory. */
public interface DirectoryGateway {

  /**
   * Plans unique names for the new hire and resolves the manager.
   *
   * @throws DirectoryException MANAGER_NOT_FOUND
   */
  IdentityPlan planIdentity(NewHire hire);

  /**
   * Creates the account with its remote-mailbox attributes, a random password nobody sees and
   * "must change password at next logon". Safe to run again: an account this onboarding already
   * created for the employeeID is completed and returned.
   *
   * @throws DirectoryException ACCOUNT_EXISTS when another account holds the employeeID
   */
  AdAccount createAccount(NewHire hire, IdentityPlan plan);
}
