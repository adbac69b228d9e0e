package org.hybridonboarding.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A leaver on the demo stack (real LDAP, real HTTP through the Graph SDK and the Exchange admin
 * API): the seeded Lee Gu offboarded at once with a shared mailbox, reinstated, offboarded again
 * without mailbox, and reinstated from Entra ID's deleted items.
 */
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    "onboarding.offboarding.shared-poll-interval=PT1S",
    "onboarding.offboarding.shared-timeout=PT2M",
})
class OffboardingIT extends DemoIntegrationTest {

  private static final String LEE = "E00003";
  private static final String FINANCE = "CN=Finance,OU=Groups,DC=contoso,DC=com";

  @Autowired
  SimulatorControls simulator;

  private JsonNode offboarding(String employeeId) throws Exception {
    return JSON.readTree(get("/api/offboardings/" + employeeId, "hr-system").body());
  }

  private JsonNode awaitStatus(String employeeId, String status) {
    return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> offboarding(employeeId), s -> {
          if (!s.path("incidents").isEmpty() || !s.path("openTasks").isEmpty()) {
            throw new AssertionError("offboarding stuck: " + s);
          }
          return s.path("status").asText().equals(status);
        });
  }

  private String[] financeMembers() throws Exception {
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      String[] members = ldap.getEntry(FINANCE).getAttributeValues("member");
      return members == null ? new String[0] : members;
    }
  }

  @Test
  void sharedThenReinstatedThenRemovedThenReinstatedAgain() throws Exception {
    SearchResultEntry before = adAccount(LEE);
    String immutableId = java.util.Base64.getEncoder().encodeToString(before.getAttributeValueBytes("objectGUID"));
    String cloudId = simulator.cloudUserIdByAnchor(immutableId);
    assertThat(cloudId).isNotNull();
    int seatsBefore = simulator.consumedSeats("SPE_E3");
    simulator.resetRequestCounts();

    HttpResponse<String> started = post("/api/offboardings", "hr-system", """
        {"employeeId":"E00003","lastWorkingDay":"%s","immediate":true,"reason":"Resigned",
         "autoReply":"Lee Gu has left Contoso. Please write to megan.bowen@contoso.com."}
        """.formatted(LocalDate.now()));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    assertThat(started.headers().firstValue("Location")).hasValue("/api/offboardings/E00003");
    HttpResponse<String> twice = post("/api/offboardings", "hr-system",
        "{\"employeeId\":\"E00003\",\"lastWorkingDay\":\"" + LocalDate.now() + "\"}");
    assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);

    JsonNode done = awaitStatus(LEE, "OFFBOARDED");
    java.util.Map<String, Long> requests = simulator.requestCounts();
    org.slf4j.LoggerFactory.getLogger(OffboardingIT.class).info(
        "One offboarding (shared mailbox, immediate): cut at {}, offboarded at {} ({} ms); Graph and admin API requests: {} in all: {}",
        done.path("cutAt").asText(), done.path("done").path("offboardedAt").asText(),
        java.time.Duration.between(java.time.Instant.parse(done.path("cutAt").asText()),
            java.time.Instant.parse(done.path("done").path("offboardedAt").asText())).toMillis(),
        requests.values().stream().mapToLong(Long::longValue).sum(), requests);
    SearchResultEntry account = adAccount(LEE);
    assertThat(account.getDN()).isEqualToIgnoringCase("CN=Lee Gu,OU=Leavers,DC=contoso,DC=com");
    assertThat(account.getAttributeValue("userAccountControl")).isEqualTo("514");
    assertThat(account.getAttributeValue("description")).contains("Offboarded by Hybrid Onboarding").contains("hr-system")
        .contains("Resigned");
    assertThat(account.getAttributeValue("msExchRemoteRecipientType")).isEqualTo("97");
    assertThat(account.getAttributeValue("msExchRecipientTypeDetails")).isEqualTo("34359738368");
    assertThat(financeMembers()).noneSatisfy(m -> assertThat(m).containsIgnoringCase("Lee Gu"));
    assertThat(done.path("done").path("groupsRemoved").toString()).contains(FINANCE);
    // Two more sync cycles: the mailbox stays shared, the user disabled, the seat free.
    simulator.runSyncCycle();
    simulator.runSyncCycle();
    assertThat(simulator.accountEnabled(cloudId)).isFalse();
    SimulatorControls.Mailbox mailbox = simulator.mailbox(cloudId);
    assertThat(mailbox.type()).isEqualTo("SharedMailbox");
    assertThat(mailbox.fullAccess()).containsExactly("megan.bowen@contoso.com");
    assertThat(mailbox.automaticReply()).startsWith("Lee Gu has left Contoso");
    assertThat(simulator.cloudUser(cloudId).assignedSkuIds()).isEmpty();
    assertThat(simulator.consumedSeats("SPE_E3")).isEqualTo(seatsBefore - 1);

    HttpResponse<String> reinstate = send(request("/api/offboardings/E00003?reason=Terminated%20by%20mistake", "hr-system")
        .DELETE().build());
    assertThat(reinstate.statusCode()).as(reinstate.body()).isEqualTo(202);
    awaitStatus(LEE, "REINSTATED");
    account = adAccount(LEE);
    assertThat(account.getDN()).isEqualToIgnoringCase("CN=Lee Gu,OU=Staff,DC=contoso,DC=com");
    assertThat(account.getAttributeValue("userAccountControl")).isEqualTo("512");
    assertThat(account.getAttributeValue("pwdLastSet")).isEqualTo("0");
    assertThat(account.getAttributeValue("msExchRecipientTypeDetails")).isEqualTo("2147483648");
    assertThat(account.getAttributeValue("msExchRemoteRecipientType")).isEqualTo("1");
    assertThat(financeMembers()).anySatisfy(m -> assertThat(m).containsIgnoringCase("Lee Gu"));
    simulator.runSyncCycle();
    assertThat(simulator.cloudUserIdByAnchor(immutableId)).isEqualTo(cloudId);
    assertThat(simulator.accountEnabled(cloudId)).isTrue();
    assertThat(simulator.mailbox(cloudId).type()).isEqualTo("UserMailbox");
    assertThat(simulator.mailbox(cloudId).automaticReply()).isNull();
    assertThat(simulator.cloudUser(cloudId).assignedSkuIds()).hasSize(1);
    assertThat(offboarding(LEE).path("done").path("credentialsSentTo").asText()).isEqualTo("megan.bowen@contoso.com");

    // Again, this time without a mailbox: out of sync scope, soft-deleted in Entra ID.
    HttpResponse<String> removed = post("/api/offboardings", "hr-system",
        "{\"employeeId\":\"E00003\",\"lastWorkingDay\":\"" + LocalDate.now() + "\",\"immediate\":true,\"mailbox\":\"REMOVE\"}");
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(201);
    awaitStatus(LEE, "OFFBOARDED");
    assertThat(adAccount(LEE).getDN()).isEqualToIgnoringCase("CN=Lee Gu,OU=Removed,DC=contoso,DC=com");
    await().atMost(Duration.ofSeconds(10)).until(() -> simulator.softDeleted(cloudId));
    HttpResponse<String> back = send(request("/api/offboardings/E00003", "hr-system").DELETE().build());
    assertThat(back.statusCode()).as(back.body()).isEqualTo(202);
    awaitStatus(LEE, "REINSTATED");
    assertThat(simulator.softDeleted(cloudId)).isFalse();
    assertThat(simulator.cloudUserIdByAnchor(immutableId)).as("the same cloud user, restored").isEqualTo(cloudId);
    assertThat(simulator.cloudUser(cloudId).assignedSkuIds()).hasSize(1);
  }

  @Test
  void aMailboxConvertedOnlyInExchangeOnlineIsTurnedBackByTheNextSync() throws Exception {
    String alex = simulator.cloudUserIdByAnchor(java.util.Base64.getEncoder().encodeToString(
        adAccountGuid("E00002")));
    // What a leaver script without the on-premises stamp does: converted in Exchange Online, the account changed in AD.
    simulator.convertInExchangeOnly(alex, true);
    assertThat(simulator.mailbox(alex).type()).isEqualTo("SharedMailbox");
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      ldap.modify("CN=Alex Wilber,OU=Staff,DC=contoso,DC=com",
          new com.unboundid.ldap.sdk.Modification(com.unboundid.ldap.sdk.ModificationType.REPLACE, "title", "IT Director"));
    }
    simulator.runSyncCycle();
    simulator.runSyncCycle();
    assertThat(simulator.mailbox(alex).type()).as("KB2710029: the on-premises object still says RemoteUserMailbox")
        .isEqualTo("UserMailbox");
  }

  @Test
  void withdrawnBeforeTheCutLeavesEverythingAsItWas() throws Exception {
    SearchResultEntry before = adAccount("E00002");
    HttpResponse<String> started = post("/api/offboardings", "hr-system",
        "{\"employeeId\":\"E00002\",\"lastWorkingDay\":\"" + LocalDate.now().plusDays(10) + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(10)).until(() -> offboarding("E00002").path("status").asText(), "SCHEDULED"::equals);
    assertThat(offboarding("E00002").path("currentSteps").toString()).contains("Notice due");

    HttpResponse<String> withdrawn = send(request("/api/offboardings/E00002?reason=Stays", "hr-system").DELETE().build());
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(202);
    assertThat(offboarding("E00002").path("status").asText()).isEqualTo("WITHDRAWN");
    SearchResultEntry after = adAccount("E00002");
    assertThat(after.getDN()).isEqualTo(before.getDN());
    assertThat(after.getAttributeValue("userAccountControl")).isEqualTo("512");
    assertThat(after.getAttributeValue("msExchRecipientTypeDetails")).isEqualTo("2147483648");
    assertThat(send(request("/api/offboardings/E00002", "hr-system").DELETE().build()).statusCode()).isEqualTo(409);
  }

  @Test
  void anExchangeRoleMissingIsAProblemForAPersonThatSaysWhich() throws Exception {
    startOnboarding(request("F70001", "Rita", "Role", ""));
    await().atMost(Duration.ofSeconds(60)).until(() -> status("F70001").path("status").asText(), "ONBOARDED"::equals);
    simulator.setExchangeRoleAssigned(false);
    try {
      HttpResponse<String> started = post("/api/offboardings", "hr-system",
          "{\"employeeId\":\"F70001\",\"lastWorkingDay\":\"" + LocalDate.now() + "\",\"immediate\":true}");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
      JsonNode waiting = await().atMost(Duration.ofSeconds(60)).until(() -> offboarding("F70001"),
          s -> !s.path("openTasks").isEmpty());
      assertThat(waiting.path("openTasks").get(0).path("name").asText()).isEqualTo("Resolve problem");
      String problem = calledInstance(waiting.path("processInstanceId").asText());
      HttpResponse<String> message = get("/engine-rest/process-instance/" + problem + "/variables/problemMessage", "operator");
      assertThat(message.body()).contains("Set-Mailbox").contains("Exchange.ManageAsApp");
    } finally {
      simulator.setExchangeRoleAssigned(true);
    }
    resolve("F70001", "RETRY");
    JsonNode done = awaitStatus("F70001", "OFFBOARDED");
    assertThat(done.path("done").path("mailboxType").asText()).isEqualTo("shared");
    assertThat(adAccount("F70001").getAttributeValue("msExchRecipientTypeDetails")).isEqualTo("34359738368");
  }

  @Test
  void overEngineRestTheFirstStepValidates() throws Exception {
    HttpResponse<String> started = post("/engine-rest/process-definition/key/hybrid-offboarding/start", "hr-system", """
        {"businessKey":"E00002","variables":{"employeeId":{"value":"E00002"},"lastWorkingDay":{"value":"tomorrow"},
         "mailbox":{"value":"SHARED"}}}""");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode status = offboarding("E00002");
    assertThat(status.path("status").asText()).isEqualTo("INVALID");
    assertThat(status.path("rejectionReason").asText()).contains("lastWorkingDay");
  }

  @Test
  void unknownAndInvalidRequestsAreRefused() {
    HttpResponse<String> unknown = post("/api/offboardings", "hr-system",
        "{\"employeeId\":\"X99999\",\"lastWorkingDay\":\"" + LocalDate.now() + "\"}");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    HttpResponse<String> invalid = post("/api/offboardings", "hr-system",
        "{\"employeeId\":\"E00002\",\"lastWorkingDay\":\"31.12.2026\",\"mailbox\":\"ARCHIVE\"}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("lastWorkingDay").contains("mailbox");
    assertThat(post("/api/offboardings", "approver", "{\"employeeId\":\"E00002\",\"lastWorkingDay\":\"2026-12-31\"}")
        .statusCode()).isEqualTo(403);
    assertThat(post("/api/offboardings", null, "{}").statusCode()).isEqualTo(401);
  }

  private byte[] adAccountGuid(String employeeId) {
    try {
      return adAccount(employeeId).getAttributeValueBytes("objectGUID");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
