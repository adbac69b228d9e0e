package org.hybridonboarding.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.hybridonboarding.DirectoryAccounts;
import org.hybridonboarding.SambaTestDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Directory sign-in against a Samba AD domain controller over LDAPS (.ci/samba-ad.sh): real
 * binds, AD's own refusal of a disabled account, its badPwdCount, paged searches and referrals.
 * The groups are made for this run and mapped here.
 */
@TestPropertySource(properties = "onboarding.directory.embedded=false")
@ExtendWith(SambaTestDirectory.Present.class)
class SambaSignInIT extends SignInContract {

  static final String USERS = "CN=Users,DC=contoso,DC=com";
  static final String MEGAN = "CN=Megan Bowen,OU=Staff,DC=contoso,DC=com";
  static final String MEGAN_PASSWORD = "Approves-Hires-" + RUN + "!";

  static SambaTestDirectory samba;

  static String group(String camundaGroup) {
    return "CN=SI" + RUN + " " + camundaGroup + "," + USERS;
  }

  @DynamicPropertySource
  static void samba(DynamicPropertyRegistry registry) {
    samba = SambaTestDirectory.require();
    registry.add("spring.ldap.urls", samba::url);
    registry.add("spring.ldap.base", samba::base);
    registry.add("spring.ldap.username", samba::username);
    registry.add("spring.ldap.password", samba::password);
    for (String camundaGroup : ProductionSettings.GROUPS.keySet()) {
      registry.add("onboarding.identity.groups[" + camundaGroup + "]", () -> group(camundaGroup));
    }
  }

  @Autowired
  LdapTemplate ldap;

  /** Failed binds before AD locks an account out (Samba counts badPwdCount only with a threshold). */
  static final int LOCKOUT_THRESHOLD = 5;

  @Override
  void prepareDirectory() {
    accounts().setDomainLockoutThreshold(LOCKOUT_THRESHOLD);
    for (String camundaGroup : ProductionSettings.GROUPS.keySet()) {
      accounts().createGroup(group(camundaGroup));
    }
    accounts().setPassword(MEGAN, MEGAN_PASSWORD);
  }

  @AfterAll
  void noLockoutForTheNextClass() {
    accounts().setDomainLockoutThreshold(0);
  }

  /** AD's lockout is what stops guessing: after the threshold even the right password is refused. */
  @Test
  void aGuessedAccountIsLockedOutByTheDirectory() {
    String target = "silck" + RUN;
    accounts().createAccount(USERS, target, PASSWORD);
    for (int attempt = 0; attempt < LOCKOUT_THRESHOLD; attempt++) {
      assertThat(as(target, "guess-" + attempt, "/engine-rest/task").statusCode()).isEqualTo(401);
    }

    assertThat(as(target, PASSWORD, "/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(accounts().badPasswordCount("CN=" + target + "," + USERS)).isEqualTo(LOCKOUT_THRESHOLD);
  }

  @Override
  DirectoryAccounts accounts() {
    return new DirectoryAccounts(ldap, samba.base(), false);
  }

  @Override
  String accountsOu() {
    return USERS;
  }

  @Override
  String groupDn(String camundaGroup) {
    return group(camundaGroup);
  }

  @Override
  String servicePassword() {
    return samba.password();
  }

  @Override
  String meganPassword() {
    return MEGAN_PASSWORD;
  }
}
