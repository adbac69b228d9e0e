package org.hybridonboarding.simulation;

import org.hybridonboarding.cloud.CloudException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.hybridonboarding.DemoIntegrationTest;
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

  static final String GROUP = "CN=Licensing-SPE_E3,OU=Groups,DC=contoso,DC=com";

  @Autowired
  SimulatedTenant tenant;
  @Autowired
  ConnectSync sync;
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
    SimulatedTenant.User user = tenant.user(status.path("cloud").path("userId").asText());
    assertThat(user.assignments).singleElement().satisfies(a -> {
      assertThat(a.assignedByGroup()).isNotNull();
      assertThat(a.state()).isEqualTo("Active");
    });
  }

  @Test
  void aCountViolationGoesToAPersonAndRetryWaitsForTheNextSync() throws Exception {
    sync.pause();
    JsonNode status;
    try {
      startOnboarding(request("G00002", "Carl", "Count", ""));
      await().atMost(Duration.ofSeconds(30)).until(() -> status("G00002").path("currentSteps").toString(),
          steps -> steps.contains("Seen by the replication watch"));
      // Someone else takes the last seats before group-based licensing gets to the new hire.
      SimulatedTenant.Sku e3 = tenant.skus().get(0);
      tenant.addSeats("SPE_E3", -e3.free());
    } finally {
      sync.resume();
    }
    status = awaitSettled("G00002");
    assertThat(status.path("openTasks").get(0).path("name").asText()).as(status.toString()).isEqualTo("Solve a licence problem");
    String id = status.path("processInstanceId").asText();
    assertThat(runtime.getVariable(id, "problemCode")).isEqualTo(CloudException.Code.NO_FREE_SEAT.name());
    assertThat(runtime.getVariable(id, "problemStep")).isEqualTo(OnboardingProcess.SUBPROCESS_WAIT_FOR_GROUP_LICENSE);
    assertThat((String) runtime.getVariable(id, "problemMessage")).contains("CountViolation");

    tenant.addSeats("SPE_E3", 10);
    resolve("G00002", "RETRY");
    status = awaitSettled("G00002");
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");
    assertThat(tenant.user(status.path("cloud").path("userId").asText()).assignments)
        .extracting(SimulatedTenant.Assignment::state).isEqualTo(List.of("Active"));
  }
}
