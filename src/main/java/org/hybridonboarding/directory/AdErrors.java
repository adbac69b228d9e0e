package org.hybridonboarding.directory;

import org.springframework.ldap.NameAlreadyBoundException;
import org.springframework.ldap.NamingException;

/**
 * What an Active Directory error means for the onboarding. AD says it twice: in the LDAP result
 * code and in the Win32 code at the start of the diagnostic text (0000052D and the like), and
 * Samba and Windows do not always agree on the first: match on both.
 */
final class AdErrors {

  enum Kind {
    /** The name is taken (68 ENTRY_EXISTS, 0000202F, 00002071): plan another. */
    NAME_COLLISION,
    /** The password policy refused the password (19 on Samba, 53 on Windows, 0000052D): make another. */
    WEAK_PASSWORD,
    /** Anything else: not ours to interpret. */
    OTHER
  }

  private AdErrors() {
  }

  static Kind classify(NamingException e) {
    String text = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getExplanation());
    if (text.contains("0000052D")) {
      return Kind.WEAK_PASSWORD;
    }
    if (e instanceof NameAlreadyBoundException || text.contains("0000202F") || text.contains("00002071")
        || text.contains("error code 68")) {
      return Kind.NAME_COLLISION;
    }
    return Kind.OTHER;
  }
}
