package org.hybridonboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ldap.LdapProperties;

/** How the LDAP plug-in is set up from the settings, and the settings it refuses. */
class DirectorySignInTest {

  static final String APPROVERS = "CN=Onboarding Approvers,OU=Groups,DC=contoso,DC=com";

  static LdapProperties ldap(String... urls) {
    LdapProperties ldap = new LdapProperties();
    ldap.setUrls(urls);
    ldap.setBase("DC=contoso,DC=com");
    ldap.setUsername("CN=svc-onboarding,OU=Service Accounts,DC=contoso,DC=com");
    ldap.setPassword("service-secret");
    return ldap;
  }

  static IdentityProperties identity(Map<String, String> groups) {
    return new IdentityProperties(IdentityProperties.Source.DIRECTORY, groups, "", "(objectClass=user)", 500);
  }

  @Test
  void readsActiveDirectoryOverTheDirectoryConnection() {
    LdapIdentityProviderPlugin plugin = DirectorySignIn.plugin(ldap("ldaps://dc1:636", "ldaps://dc2:636"),
        identity(Map.of("onboarding-approvers", APPROVERS)), false);

    assertThat(plugin.getServerUrl()).isEqualTo("ldaps://dc1:636 ldaps://dc2:636");
    assertThat(plugin.getUserIdAttribute()).isEqualTo("sAMAccountName");
    assertThat(plugin.getGroupMemberAttribute()).isEqualTo("member");
    assertThat(plugin.getPageSize()).isEqualTo(500);
    assertThat(plugin.getContextProperties()).containsEntry("java.naming.referral", "ignore");
  }

  @Test
  void plainLdapIsRefusedForSignInEvenWithStartTls() {
    assertThatThrownBy(() -> DirectorySignIn.plugin(ldap("ldap://dc1:389"), identity(Map.of()), false))
        .hasMessageContaining("ldaps://").hasMessageContaining("onboarding.identity.source=database")
        .hasMessageNotContaining("service-secret");
    // The demo's embedded directory listens on loopback inside the JVM.
    assertThat(DirectorySignIn.plugin(ldap("ldap://localhost:8389"), identity(Map.of()), true)).isNotNull();
  }

  @Test
  void oneAdGroupForTwoCamundaGroupsIsRefused() {
    assertThatThrownBy(() -> identity(Map.of("onboarding-approvers", APPROVERS,
        "onboarding-escalation", APPROVERS.toLowerCase())).mapping())
        .hasMessageContaining("name the same AD group");
    assertThatThrownBy(() -> identity(Map.of("onboarding-approvers", "Onboarding Approvers")).mapping())
        .hasMessageContaining("onboarding.identity.groups.onboarding-approvers is not a distinguished name");
  }

  @Test
  void groupsAreFoundByDnWhateverItsSpelling() {
    IdentityProperties.GroupMapping mapping = identity(Map.of("onboarding-approvers", APPROVERS, "camunda-admin", "")).mapping();

    assertThat(mapping.idOf("cn=onboarding approvers, ou=groups, dc=contoso, dc=com")).isEqualTo("onboarding-approvers");
    assertThat(mapping.idOf("CN=Finance,OU=Groups,DC=contoso,DC=com")).isNull();
    // A blank DN (a variable left empty) maps nothing.
    assertThat(mapping.dnOf("camunda-admin")).isNull();
  }
}
