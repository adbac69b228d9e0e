package org.hybridonboarding.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Rehires on the demo stack: an onboarding for someone this product offboarded brings that
 * account back — one AD account, one cloud user — with a shared mailbox kept, and with the
 * mailbox removed (the soft-deleted cloud user restored inside 30 days).
 */
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    "onboarding.offboarding.shared-poll-interval=PT1S",
    "onboarding.replication.poll-interval=PT1S",
    "onboarding.mailbox.poll-interval=PT1S",
    "onboarding.simulator.mailbox-delay=PT2S",
})
class RehireIT extends DemoIntegrationTest {

  private static final String FINANCE = "CN=Finance,OU=Groups,DC=contoso,DC=com";

  @Autowired
  SimulatorControls simulator;

  private JsonNode awaitOffboarded(String employeeId) {
    return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> JSON.readTree(get("/api/offboardings/" + employeeId, "hr-system").body()),
            s -> s.path("status").asText().equals("OFFBOARDED"));
  }

  private JsonNode awaitOnboarded(String employeeId) {
    JsonNode status = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> status(employeeId), s -> !s.path("status").asText().equals("RUNNING")
            || !s.path("openTasks").isEmpty() || !s.path("incidents").isEmpty());
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");
    return status;
  }

  private String[] members(String group) throws Exception {
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      String[] members = ldap.getEntry(group).getAttributeValues("member");
      return members == null ? new String[0] : members;
    }
  }

  private void offboard(String employeeId, String mailbox) {
    HttpResponse<String> started = post("/api/offboardings", "hr-system", "{\"employeeId\":\"" + employeeId
        + "\",\"lastWorkingDay\":\"" + LocalDate.now() + "\",\"immediate\":true,\"mailbox\":\"" + mailbox + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    awaitOffboarded(employeeId);
  }

  @Test
  void aLeaverWithASharedMailboxComesBackAsTheSameAccountAndCloudUser() throws Exception {
    SearchResultEntry before = adAccount("E00003");
    String immutableId = Base64.getEncoder().encodeToString(before.getAttributeValueBytes("objectGUID"));
    String cloudId = simulator.cloudUserIdByAnchor(immutableId);
    offboard("E00003", "SHARED");
    assertThat(adAccount("E00003").getDN()).isEqualToIgnoringCase("CN=Lee Gu,OU=Leavers,DC=contoso,DC=com");

    startOnboarding(request("E00003", "Lee", "Gu", ""));
    JsonNode status = awaitOnboarded("E00003");

    assertThat(status.path("rehire").asBoolean()).isTrue();
    SearchResultEntry after = adAccount("E00003");
    assertThat(after.getDN()).isEqualToIgnoringCase("CN=Lee Gu,OU=Staff,DC=contoso,DC=com");
    assertThat(after.getAttributeValueBytes("objectGUID")).isEqualTo(before.getAttributeValueBytes("objectGUID"));
    assertThat(after.getAttributeValue("sAMAccountName")).isEqualTo("lee.gu");
    assertThat(after.getAttributeValue("userPrincipalName")).isEqualTo("lee.gu@contoso.com");
    assertThat(after.getAttributeValue("userAccountControl")).isEqualTo("512");
    assertThat(after.getAttributeValue("pwdLastSet")).isEqualTo("0");
    assertThat(after.getAttributeValue("msExchRecipientTypeDetails")).isEqualTo("2147483648");
    assertThat(after.getAttributeValue("msExchRemoteRecipientType")).isEqualTo("1");
    assertThat(after.getAttributeValue("msExchUsageLocation")).isEqualTo("DE");
    assertThat(Arrays.asList(members(FINANCE))).contains(after.getDN());
    assertThat(simulator.cloudUserIdByAnchor(immutableId)).isEqualTo(cloudId);
    assertThat(simulator.cloudUsersWithEmployeeId("E00003")).isEqualTo(1);
    assertThat(status.path("cloud").path("userId").asText()).isEqualTo(cloudId);
    assertThat(simulator.accountEnabled(cloudId)).isTrue();
    assertThat(simulator.mailbox(cloudId).type()).isEqualTo("UserMailbox");
    assertThat(simulator.cloudUser(cloudId).assignedSkuIds()).hasSize(1);
    assertThat(status.path("cloud").path("credentialsSentTo").asText()).isEqualTo("megan.bowen@contoso.com");
    // The offboarding that waited out its reinstatement window is over: offboarded, and closed by the rehire.
    JsonNode offboarding = JSON.readTree(get("/api/offboardings/E00003", "hr-system").body());
    assertThat(offboarding.path("status").asText()).isEqualTo("OFFBOARDED");
    assertThat(offboarding.path("endedAt").isNull()).isFalse();
  }

  @Test
  void aLeaverWithoutMailboxComesBackInsideThirtyDaysAsTheSameCloudUser() throws Exception {
    startOnboarding(request("R00001", "Rita", "Return", ""));
    JsonNode first = awaitOnboarded("R00001");
    String cloudId = first.path("cloud").path("userId").asText();
    String guid = Base64.getEncoder().encodeToString(adAccount("R00001").getAttributeValueBytes("objectGUID"));
    offboard("R00001", "REMOVE");
    await().atMost(Duration.ofSeconds(30)).until(() -> simulator.softDeleted(cloudId));

    startOnboarding(request("R00001", "Rita", "Return", ""));
    JsonNode again = awaitOnboarded("R00001");

    assertThat(again.path("rehire").asBoolean()).isTrue();
    SearchResultEntry account = adAccount("R00001");
    assertThat(account.getDN()).isEqualToIgnoringCase("CN=Rita Return,OU=Staff,DC=contoso,DC=com");
    assertThat(Base64.getEncoder().encodeToString(account.getAttributeValueBytes("objectGUID"))).isEqualTo(guid);
    assertThat(again.path("cloud").path("userId").asText()).as("restored from the deleted items").isEqualTo(cloudId);
    assertThat(simulator.softDeleted(cloudId)).isFalse();
    assertThat(simulator.cloudUsersWithEmployeeId("R00001")).isEqualTo(1);
    assertThat(simulator.mailbox(cloudId).type()).isEqualTo("UserMailbox");
    assertThat(simulator.cloudUser(cloudId).assignedSkuIds()).hasSize(1);
  }
}
