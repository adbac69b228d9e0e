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
  /** What a transfer of each kind asks of AD: the validation's read, then the one AD step (logged for the issue note). */
  @org.junit.jupiter.api.Test
  void countsTheLdapOperationsOfEachKindOfTransfer() {
    java.util.Map<String, MoverDirectory.Move> kinds = new java.util.LinkedHashMap<>();
    kinds.put("department", new MoverDirectory.Move("Sales", properties.ouFor("Sales"), properties.groupsFor("Finance"),
        properties.groupsFor("Sales"), null, null, null, null));
    kinds.put("manager and title", new MoverDirectory.Move(null, null, null, null, "Controller", "E00002", null, null));
    kinds.put("usage location", MoverDirectory.Move.usageLocation("FR"));
    kinds.put("licence (group mode: join the new group)", new MoverDirectory.Move(null, null, null,
        java.util.List.of(LICENSING_GROUP), null, null, null, null));
    for (var kind : kinds.entrySet()) {
      NewHire hire = hire("Tara", "Count" + kind.getKey().length() + run);
      directory.createAccount(hire, directory.planIdentity(hire, java.util.Set.of()), java.util.List.of(), "onboarding-t", false);
      embedded.resetOperations();
      movers.findManaged(hire.employeeId());
      movers.move(hire.employeeId(), kind.getValue());
      java.util.Map<String, Long> counts = embedded.operations();
      org.slf4j.LoggerFactory.getLogger(EmbeddedDirectoryContractIT.class).info("LDAP operations of a transfer ({}): {} in all but binds: {}",
          kind.getKey(), counts.entrySet().stream().filter(e -> !e.getKey().equals("bind")).mapToLong(java.util.Map.Entry::getValue).sum(),
          counts);
      org.assertj.core.api.Assertions.assertThat(counts.get("modify")).isPositive();
    }
  }
}
