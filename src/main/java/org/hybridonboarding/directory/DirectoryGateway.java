package org.hybridonboarding.directory;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Everything the onboarding does in on-premises Active Directory. */
public interface DirectoryGateway {

  /**
   * Plans unique names for the new hire and resolves the manager: the first candidate (jane.doe,
   * jane.doe2, …) free in AD that {@code claim} accepts.
   *
   * @param alsoTaken names known to be taken elsewhere (addresses in use in the cloud), lower case
   * @param claim takes a candidate free in AD for this hire, or says it is held elsewhere (reserved
   *     by a concurrent onboarding); then the next one is tried
   * @throws DirectoryException MANAGER_NOT_FOUND
   */
  IdentityPlan planIdentity(NewHire hire, Set<String> alsoTaken, Predicate<IdentityPlan> claim);

  /** The first candidate free in AD. */
  default IdentityPlan planIdentity(NewHire hire, Set<String> alsoTaken) {
    return planIdentity(hire, alsoTaken, candidate -> true);
  }

  /**
   * Creates the account with its remote-mailbox attributes, a random password nobody sees and
   * "must change password at next logon". Safe to run again: an account this onboarding already
   * created for the employeeID (it carries the onboarding's marker) is completed and returned.
   *
   * @param groupDns groups the account joins (a licensing group, for instance); joining twice is harmless
   * @param onboardingId which onboarding creates it: recorded on the account, so that a retry
   *     recognises its own account and nobody else's
   * @param adoptExisting a person decided that an existing account with the employeeID becomes this
   *     onboarding's (it keeps its names)
   * @throws DirectoryException ACCOUNT_EXISTS when another account holds the employeeID;
   *     NAME_COLLISION when AD refuses a planned name that was taken since it was planned
   */
  AdAccount createAccount(NewHire hire, IdentityPlan plan, List<String> groupDns, String onboardingId,
      boolean adoptExisting);

  /**
   * Undoes an onboarding in AD: the account this onboarding created is disabled, leaves all its
   * groups, records why and moves to the quarantine OU. Safe to run again; nothing to do when the
   * onboarding created no account.
   *
   * @return the account's distinguished name in quarantine, or empty when there is none
   */
  java.util.Optional<String> quarantine(String employeeId, String onboardingId, String reason);
}
