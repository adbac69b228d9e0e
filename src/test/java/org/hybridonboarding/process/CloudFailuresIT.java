package org.hybridonboarding.process;

import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.process.Overdue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Duration;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.hybridonboarding.process.OnboardingProcess;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every cloud step's failures, end to end through the process against the simulated tenant:
 * each ends at "Resolve problem" with Graph's own words, and the operator's choice carries it on.
 */
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    // Short, for the overdue tests; long enough that an onboarding through 20 % faults and a squeezed
    // throttle gets through on a loaded 2-core CI machine (8 s was not, once).
    "onboarding.replication.timeout=PT20S",
    "onboarding.mailbox.timeout=PT20S",
})
class CloudFailuresIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;

  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  MeterRegistry meters;

  private JsonNode awaitProblem(String employeeId, String code) throws Exception {
    JsonNode status = awaitSettled(employeeId);
    assertThat(status.path("openTasks").get(0).path("candidateGroups").get(0).asText()).as(status.toString())
        .isEqualTo("onboarding-operators");
    assertThat(problem(status, "problemCode")).isEqualTo(code);
    return status;
  }

  /** A variable of the problem the failed step's loop is resolving (the called resolve-problem). */
  private String problem(JsonNode status, String variable) {
    return (String) runtime.getVariable(calledInstance(status.path("processInstanceId").asText()), variable);
  }

  private void awaitOnboarded(String employeeId) throws Exception {
    JsonNode status = awaitSettled(employeeId);
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");
  }

  private long adAccounts(String employeeId) throws Exception {
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      return ldap.search("DC=contoso,DC=com", SearchScope.SUB, "(employeeID=" + employeeId + ")").getEntryCount();
    }
  }

  @Test
  void noFreeSeatStopsThePreflightAndRetryWorksOnceSeatsAreBought() throws Exception {
    simulator.useUpSeats("ENTERPRISEPACK");

    startOnboarding(request("F00001", "Nora", "Seat", ",\"licenseSku\":\"ENTERPRISEPACK\""));
    JsonNode status = awaitProblem("F00001", CloudException.Code.NO_FREE_SEAT.name());

    assertThat(problem(status, "problemStep")).isEqualTo(OnboardingProcess.TASK_PREFLIGHT_CLOUD);
    assertThat(problem(status, "problemMessage")).contains("No free seat for ENTERPRISEPACK");
    assertThat(adAccounts("F00001")).isZero();

    simulator.addSeats("ENTERPRISEPACK", 5);
    resolve("F00001", "RETRY");
    awaitOnboarded("F00001");
    assertThat(adAccounts("F00001")).isEqualTo(1);
  }

  @Test
  void theOperatorSwitchesToASkuWithFreeSeats() throws Exception {
    simulator.useUpSeats("ENTERPRISEPACK");

    startOnboarding(request("F00009", "Sven", "Switch", ",\"licenseSku\":\"ENTERPRISEPACK\""));
    JsonNode status = awaitProblem("F00009", CloudException.Code.NO_FREE_SEAT.name());
    assertThat(status.path("openTasks").get(0).path("name").asText()).isEqualTo("Solve a licence problem");
    assertThat(runtime.getVariableTyped(status.path("processInstanceId").asText(), "availableSkus").getValue().toString())
        .contains("\"value\":\"SPE_E3\"");

    resolve("F00009", "\"resolution\":{\"value\":\"CHANGE_SKU\"},\"licenseSku\":{\"value\":\"SPE_E3\"}", true);

    awaitOnboarded("F00009");
    assertThat(status("F00009").path("cloud").path("licenseSku").asText()).isEqualTo("SPE_E3");
  }

  @Test
  void anUnknownSkuCanBeAborted() throws Exception {
    startOnboarding(request("F00002", "Otto", "Sku", ",\"licenseSku\":\"NO_SUCH_SKU\""));
    JsonNode status = awaitProblem("F00002", CloudException.Code.LICENSE_ERROR.name());
    assertThat(problem(status, "problemMessage")).isEqualTo("The tenant has no subscription for SKU NO_SUCH_SKU");

    resolve("F00002", "ABORT");

    assertThat(awaitSettled("F00002").path("status").asText()).isEqualTo("ABORTED");
  }

  @Test
  void anAddressHeldOnlyInTheCloudIsNotPlanned() throws Exception {
    simulator.addSyncedUser("Y2xvdWQtb25seS1sZW5hAA==", "lena.m", "lena.meyer@contoso.com", "lena.meyer@contoso.com",
        "lena.meyer", "X99999", "Lena", "Meyer", "US");

    startOnboarding(request("F00003", "Lena", "Meyer", ""));
    awaitOnboarded("F00003");

    assertThat(status("F00003").path("account").path("userPrincipalName").asText()).isEqualTo("lena.meyer2@contoso.com");
  }

  @Test
  void aUsageLocationTheLicenceIsNotSoldInGoesToAPerson() throws Exception {
    simulator.setProhibitedUsageLocations(Set.of("CU"));
    try {
      startOnboarding(request("F00004", "Ana", "Location", "").replace("\"DE\"", "\"CU\""));
      JsonNode status = awaitProblem("F00004", CloudException.Code.USAGE_LOCATION_INVALID.name());
      assertThat(problem(status, "problemStep")).isEqualTo(OnboardingProcess.TASK_ASSIGN_LICENSE);
      assertThat(problem(status, "problemMessage")).contains("not available in the usage location CU");
      // A wrong country brings the task back with the reason.
      resolve("F00004", "\"resolution\":{\"value\":\"CHANGE_USAGE_LOCATION\"},\"usageLocation\":{\"value\":\"CUBA\"}", true);
      status = awaitProblem("F00004", CloudException.Code.USAGE_LOCATION_INVALID.name());
      assertThat(problem(status, "resolutionError")).startsWith("usageLocation: must be an upper-case ISO 3166-1");
      resolve("F00004", "ABORT");
      assertThat(awaitSettled("F00004").path("status").asText()).isEqualTo("ABORTED");
      // The account it had created is undone: disabled in the quarantine OU.
      try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
        var account = ldap.searchForEntry("DC=contoso,DC=com", SearchScope.SUB, "(employeeID=F00004)");
        assertThat(account.getDN()).endsWithIgnoringCase("OU=Quarantine,DC=contoso,DC=com");
        assertThat(account.getAttributeValue("userAccountControl")).isEqualTo("514");
        assertThat(account.getAttributeValue("description")).contains("aborted by an operator at Assign licence (USAGE_LOCATION_INVALID)");
      }
    } finally {
      simulator.setProhibitedUsageLocations(Set.of());
    }
  }

  @Test
  void aCorrectedUsageLocationGoesToAdSoSyncKeepsIt() throws Exception {
    simulator.setProhibitedUsageLocations(Set.of("CU"));
    try {
      startOnboarding(request("F00014", "Ines", "Country", "").replace("\"DE\"", "\"CU\""));
      awaitProblem("F00014", CloudException.Code.USAGE_LOCATION_INVALID.name());
      resolve("F00014", "\"resolution\":{\"value\":\"CHANGE_USAGE_LOCATION\"},\"usageLocation\":{\"value\":\"ES\"}", true);
      awaitOnboarded("F00014");
    } finally {
      simulator.setProhibitedUsageLocations(Set.of());
    }
    assertThat(adAccount("F00014").getAttributeValue("msExchUsageLocation")).isEqualTo("ES");
    String cloudId = status("F00014").path("cloud").path("userId").asText();
    // The next change of the account in AD makes Connect Sync export it again, usageLocation included.
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      ldap.modify(adAccount("F00014").getDN(), new com.unboundid.ldap.sdk.Modification(
          com.unboundid.ldap.sdk.ModificationType.REPLACE, "title", "Senior Accountant"));
    }
    simulator.runSyncCycle();
    simulator.runSyncCycle();
    assertThat(simulator.cloudUser(cloudId).usageLocation()).isEqualTo("ES");
  }

  @Test
  void replicationOverdueThenRetryOnceSyncRunsAgain() throws Exception {
    simulator.pauseSync();
    try {
      startOnboarding(request("F00005", "Rita", "Sync", ""));
      JsonNode status = awaitProblem("F00005", Overdue.REPLICATION_OVERDUE.name());
      assertThat(problem(status, "problemMessage")).contains("PT20S").contains("Connect Sync");
    } finally {
      simulator.resumeSync();
    }
    resolve("F00005", "RETRY");
    awaitOnboarded("F00005");
  }

  @Test
  void mailboxOverdueThenRetry() throws Exception {
    simulator.setMailboxDelay(Duration.ofHours(1));
    try {
      startOnboarding(request("F00006", "Max", "Mailbox", ""));
      awaitProblem("F00006", Overdue.MAILBOX_OVERDUE.name());
    } finally {
      simulator.setMailboxDelay(Duration.ofSeconds(2));
    }
    resolve("F00006", "RETRY");
    awaitOnboarded("F00006");
  }

  @Test
  void aRefusedTemporaryAccessPassThenRetry() throws Exception {
    simulator.setTapPolicyEnabled(false);
    try {
      startOnboarding(request("F00007", "Tara", "Pass", ""));
      JsonNode status = awaitProblem("F00007", CloudException.Code.TAP_FAILED.name());
      assertThat(problem(status, "problemMessage")).contains("policy is not enabled");
    } finally {
      simulator.setTapPolicyEnabled(true);
    }
    resolve("F00007", "RETRY");
    awaitOnboarded("F00007");
  }

  @Test
  void completesThrough503sAnd429sWithoutAnIncident() throws Exception {
    simulator.resetRequestCounts();
    double throttledBefore = meters.counter("graph.throttled.responses").count();
    long replicationWaitsBefore = meters.timer("onboarding.replication.wait").count();
    simulator.injectFaults(0.2);
    // A squeeze: two resource units per two seconds, where every call costs at least one and the
    // replication watch spends one each second (three were not enough to be refused once the
    // onboarding needed only seven requests).
    simulator.setThrottling(2, Duration.ofSeconds(2), 3000, Duration.ofSeconds(150));
    try {
      startOnboarding(request("F00008", "Fay", "Flaky", ""));
      awaitOnboarded("F00008");
    } finally {
      simulator.injectFaults(0);
      simulator.setThrottling(3500, Duration.ofSeconds(10), 3000, Duration.ofSeconds(150));
    }
    String id = status("F00008").path("processInstanceId").asText();
    assertThat(history.createHistoricIncidentQuery().processInstanceId(id).count()).isZero();
    long faults = simulator.requestCounts().entrySet().stream()
        .filter(e -> e.getKey().contains("(injected fault)")).mapToLong(e -> e.getValue()).sum();
    long throttled = simulator.requestCounts().entrySet().stream()
        .filter(e -> e.getKey().startsWith("429 ")).mapToLong(e -> e.getValue()).sum();
    LoggerFactory.getLogger(CloudFailuresIT.class).info("Graph requests of an onboarding under 20% faults and throttling: {}",
        simulator.requestCounts());
    assertThat(faults).as(simulator.requestCounts().toString()).isPositive();
    assertThat(throttled).as(simulator.requestCounts().toString()).isPositive();
    // Operations see the same: every 429 the tenant answered, and how long each step took.
    assertThat(meters.counter("graph.throttled.responses").count() - throttledBefore).isEqualTo(throttled);
    assertThat(meters.timer("onboarding.replication.wait").count() - replicationWaitsBefore).isEqualTo(1);
    assertThat(meters.timer("onboarding.step.duration", "step", OnboardingProcess.TASK_CREATE_AD_ACCOUNT).count())
        .isPositive();
  }
}
