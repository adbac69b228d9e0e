package org.hybridonboarding.process;

import org.hybridonboarding.cloud.CloudException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.hybridonboarding.process.OnboardingProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Group-based licensing end to end: the AD group, Connect Sync, and the licence the group brings. */
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    "onboarding.licensing.mode=group",
    "onboarding.licensing.poll-interval=PT1S",
    "onboarding.licensing.timeout=PT1M",
})
class GroupLicensingIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;

  static final String GROUP = "CN=Licensing-SPE_E3,OU=Groups,DC=contoso,DC=com";

  @Autowired
  RuntimeService runtime;

  @Test
  void theLicensingGroupBringsTheLicence() throws Exception {
    startOnboarding(request("G00001", "Gina", "Group", ""));
    JsonNode status = awaitSettled("G00001");
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");

    String dn = status.path("account").path("distinguishedName").asText();
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      assertThat(ldap.getEntry(GROUP).getAttributeValues("member")).contains(dn);
    }
    SimulatorControls.CloudUser user = simulator.cloudUser(status.path("cloud").path("userId").asText());
    assertThat(user.licences()).singleElement().satisfies(a -> {
      assertThat(a.assignedByGroup()).isNotNull();
      assertThat(a.state()).isEqualTo("Active");
    });
  }

  @Test
  void aCountViolationGoesToAPersonAndRetryWaitsForTheNextSync() throws Exception {
    simulator.pauseSync();
    JsonNode status;
    try {
      startOnboarding(request("G00002", "Carl", "Count", ""));
      await().atMost(Duration.ofSeconds(30)).until(() -> status("G00002").path("currentSteps").toString(),
          steps -> steps.contains("Seen by the replication watch"));
      // Someone else takes the last seats before group-based licensing gets to the new hire.
      simulator.useUpSeats("SPE_E3");
    } finally {
      simulator.resumeSync();
    }
    status = awaitSettled("G00002");
    assertThat(status.path("openTasks").get(0).path("name").asText()).as(status.toString()).isEqualTo("Solve a licence problem");
    // The problem is resolved in the called resolve-problem, which has it in its variables.
    String id = calledInstance(status.path("processInstanceId").asText());
    assertThat(runtime.getVariable(id, "problemCode")).isEqualTo(CloudException.Code.NO_FREE_SEAT.name());
    assertThat(runtime.getVariable(id, "problemStep")).isEqualTo(OnboardingProcess.SUBPROCESS_WAIT_FOR_GROUP_LICENSE);
    assertThat((String) runtime.getVariable(id, "problemMessage")).contains("CountViolation");

    simulator.addSeats("SPE_E3", 10);
    resolve("G00002", "RETRY");
    status = awaitSettled("G00002");
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");
    assertThat(simulator.cloudUser(status.path("cloud").path("userId").asText()).licences())
        .extracting(SimulatorControls.Licence::state).isEqualTo(List.of("Active"));
  }
}
