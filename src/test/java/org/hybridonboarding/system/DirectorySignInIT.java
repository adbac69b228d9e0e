package org.hybridonboarding.system;

import org.hybridonboarding.DirectoryAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.ldap.core.LdapTemplate;

/** Directory sign-in against the demo's embedded directory, with the demo's group mapping. */
class DirectorySignInIT extends SignInContract {

  @Autowired
  LdapTemplate ldap;

  @Override
  DirectoryAccounts accounts() {
    return new DirectoryAccounts(ldap, "DC=contoso,DC=com", true);
  }

  @Override
  String accountsOu() {
    return "OU=Onboarding Team,DC=contoso,DC=com";
  }

  @Override
  String groupDn(String camundaGroup) {
    return switch (camundaGroup) {
      case "onboarding-requesters" -> "CN=Onboarding Requesters,OU=Onboarding Team,DC=contoso,DC=com";
      case "onboarding-approvers" -> "CN=Onboarding Approvers,OU=Onboarding Team,DC=contoso,DC=com";
      default -> throw new IllegalArgumentException(camundaGroup);
    };
  }

  @Override
  String meganPassword() {
    return "megan.bowen";
  }
}
