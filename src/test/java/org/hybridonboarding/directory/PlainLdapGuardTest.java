package org.hybridonboarding.directory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlainLdapGuardTest {

  @Test
  void aRealDirectoryOverPlainLdapIsRefusedWithTheFix() {
    assertThatThrownBy(() -> PlainLdapGuard.check(new String[] {"ldap://dc1.contoso.com:389"}, false, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ldap://dc1.contoso.com:389")
        .hasMessageContaining("ldaps://")
        .hasMessageContaining("onboarding.directory.start-tls=true");
  }

  @Test
  void ldapsStartTlsAndTheEmbeddedDirectoryPass() {
    assertThatCode(() -> PlainLdapGuard.check(new String[] {"ldaps://dc1.contoso.com:636"}, false, false)).doesNotThrowAnyException();
    assertThatCode(() -> PlainLdapGuard.check(new String[] {"ldap://dc1.contoso.com:389"}, false, true)).doesNotThrowAnyException();
    assertThatCode(() -> PlainLdapGuard.check(new String[] {"ldap://localhost:8389"}, true, false)).doesNotThrowAnyException();
  }
}
