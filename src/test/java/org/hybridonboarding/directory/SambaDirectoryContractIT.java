package org.hybridonboarding.directory;

import org.hybridonboarding.SambaTestDirectory;
import org.junit.jupiter.api.BeforeAll;

/** The directory contract against a Samba AD domain controller over LDAPS (.ci/samba-ad.sh). */
class SambaDirectoryContractIT extends DirectoryContract {

  static SambaTestDirectory samba;

  @BeforeAll
  static void requireSamba() {
    samba = SambaTestDirectory.require();
  }

  @Override
  String[] connection() {
    return new String[] {samba.url(), samba.base(), samba.username(), samba.password()};
  }
}
