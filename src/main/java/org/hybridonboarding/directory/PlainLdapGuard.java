package org.hybridonboarding.directory;

import java.util.Locale;
import org.springframework.boot.autoconfigure.ldap.LdapProperties;
import org.springframework.stereotype.Component;

/**
 * Fails at start-up, not at the first onboarding, when a real directory is configured over plain
 * LDAP: AD takes passwords only over LDAPS or StartTLS, and domain controllers that require
 * signing refuse simple binds on port 389. Only the demo's embedded directory speaks plain ldap://.
 */
@Component
class PlainLdapGuard {

  PlainLdapGuard(LdapProperties ldap, DirectoryProperties directory) {
    check(ldap.getUrls(), directory.embedded(), directory.startTls());
  }

  static void check(String[] urls, boolean embedded, boolean startTls) {
    if (embedded || startTls || urls == null) {
      return;
    }
    for (String url : urls) {
      if (url.toLowerCase(Locale.ROOT).startsWith("ldap://")) {
        throw new IllegalStateException("spring.ldap.urls=" + url + " is plain LDAP: Active Directory needs ldaps:// "
            + "(port 636) to set passwords, or set onboarding.directory.start-tls=true to upgrade the connection with StartTLS");
      }
    }
  }
}
