package org.hybridonboarding.directory;

import org.hybridonboarding.simulation.EmbeddedDirectoryFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The directory contract against the demo's embedded directory. */
class EmbeddedDirectoryContractIT extends DirectoryContract {

  static EmbeddedDirectoryFixture embedded;

  @BeforeAll
  static void start() throws Exception {
    embedded = new EmbeddedDirectoryFixture();
  }

  @AfterAll
  static void stop() {
    embedded.close();
  }

  @Override
  String[] connection() {
    return new String[] {embedded.url(), EmbeddedDirectoryFixture.BASE, EmbeddedDirectoryFixture.ADMIN,
        EmbeddedDirectoryFixture.PASSWORD};
  }

  /** What one offboarding with a shared mailbox asks of AD, in the order the process asks it (logged for the README). */
  @org.junit.jupiter.api.Test
  void countsTheLdapOperationsOfOneOffboarding() {
    NewHire hire = hire("Olga", "Count" + run);
    directory.createAccount(hire, directory.planIdentity(hire, java.util.Set.of()), java.util.List.of(LICENSING_GROUP),
        "onboarding-c", false);
    embedded.resetOperations();

    leavers.find(hire.employeeId());
    LeaverDirectory.Leaver cut = leavers.cutAccess(hire.employeeId());
    leavers.stampMailboxType(hire.employeeId(), true);
    leavers.mailOfActive("E00001");
    leavers.retire(hire.employeeId(), cut.groups(), "Offboarded by test", properties.leaversOu());

    java.util.Map<String, Long> counts = embedded.operations();
    org.slf4j.LoggerFactory.getLogger(EmbeddedDirectoryContractIT.class).info(
        "LDAP operations of one offboarding (validate, cut, stamp, mailbox owner, retire), one connection each "
            + "(no pool here): {} in all but binds: {}",
        counts.entrySet().stream().filter(e -> !e.getKey().equals("bind")).mapToLong(java.util.Map.Entry::getValue).sum(), counts);
    org.assertj.core.api.Assertions.assertThat(counts.get("modify")).isPositive();
  }
}
