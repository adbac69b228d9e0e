package org.hybridonboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.hybridonboarding.process.OnboardingProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One new hire from the REST request to the mailbox, through every real part of the demo. */
class HybridOnboardingIT extends DemoIntegrationTest {

  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  GraphServiceClient graph;

  @Autowired
  HistoryService history;

  @Test
  void onboardsANewHireEndToEnd() throws Exception {
    var created = post("/api/onboardings", "hr-system", request("E20001", "José", "Müller", ""));
    assertThat(created.statusCode()).as(created.headers().map() + created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/onboardings/E20001");

    approveAsApprover("E20001");

    JsonNode status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> json.readTree(get("/api/onboardings/E20001", "hr-system").body()),
            s -> !s.path("status").asText().equals("RUNNING") || s.path("incidents").size() > 0);
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");

    // The process took the happy path to its end.
    String processInstanceId = status.path("processInstanceId").asText();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(OnboardingProcess.END_EVENT_ONBOARDED).count()).isEqualTo(1);

    // The AD account, read over LDAP.
    SearchResultEntry account = adAccount("E20001");
    assertThat(account.getDN()).isEqualToIgnoringCase("CN=José Müller,OU=Staff,DC=contoso,DC=com");
    assertThat(account.getAttributeValue("sAMAccountName")).isEqualTo("jose.mueller");
    assertThat(account.getAttributeValue("userPrincipalName")).isEqualTo("jose.mueller@contoso.com");
    assertThat(account.getAttributeValue("mail")).isEqualTo("jose.mueller@contoso.com");
    assertThat(account.getAttributeValue("mailNickname")).isEqualTo("jose.mueller");
    assertThat(account.getAttributeValue("targetAddress")).isEqualTo("SMTP:jose.mueller@contoso.mail.onmicrosoft.com");
    assertThat(account.getAttributeValues("proxyAddresses")).containsExactlyInAnyOrder(
        "SMTP:jose.mueller@contoso.com", "smtp:jose.mueller@contoso.mail.onmicrosoft.com");
    assertThat(account.getAttributeValue("msExchRecipientDisplayType")).isEqualTo("-2147483642");
    assertThat(account.getAttributeValue("msExchRecipientTypeDetails")).isEqualTo("2147483648");
    assertThat(account.getAttributeValue("msExchRemoteRecipientType")).isEqualTo("1");
    assertThat(account.getAttributeValue("msExchVersion")).isEqualTo("88218628259840");
    assertThat(account.getAttributeValue("msExchUsageLocation")).isEqualTo("DE");
    assertThat(account.hasAttribute("msExchMailboxGuid")).isFalse();
    assertThat(account.getAttributeValue("employeeID")).isEqualTo("E20001");
    assertThat(account.getAttributeValue("department")).isEqualTo("Finance");
    assertThat(account.getAttributeValue("title")).isEqualTo("Accountant");
    assertThat(account.getAttributeValue("manager")).isEqualTo("CN=Megan Bowen,OU=Staff,DC=contoso,DC=com");
    assertThat(account.getAttributeValue("userAccountControl")).isEqualTo("512");
    assertThat(account.getAttributeValue("pwdLastSet")).isEqualTo("0");
    assertThat(account.hasAttribute("unicodePwd")).isFalse();
    String immutableId = Base64.getEncoder().encodeToString(account.getAttributeValueBytes("objectGUID"));

    // The cloud user, read through the Graph SDK.
    String cloudUserId = status.path("cloud").path("userId").asText();
    User cloudUser = graph.users().byUserId(cloudUserId).get(rc -> rc.queryParameters.select = new String[] {
        "onPremisesImmutableId", "userPrincipalName", "usageLocation", "assignedLicenses"});
    assertThat(cloudUser.getOnPremisesImmutableId()).isEqualTo(immutableId);
    assertThat(status.path("account").path("immutableId").asText()).isEqualTo(immutableId);
    assertThat(cloudUser.getUserPrincipalName()).isEqualTo("jose.mueller@contoso.com");
    assertThat(cloudUser.getUsageLocation()).isEqualTo("DE");
    assertThat(cloudUser.getAssignedLicenses()).extracting(AssignedLicense::getSkuId)
        .containsExactly(UUID.fromString("05e9a617-0261-4cee-bb44-138d3ef5d965"));
    assertThat(graph.users().byUserId(cloudUserId).mailboxSettings().get().getTimeZone()).isEqualTo("UTC");
  }

  /** What the approver does in Tasklist, over the same REST API Tasklist uses. */
  private void approveAsApprover(String employeeId) throws Exception {
    JsonNode tasks = json.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + employeeId, "approver").body());
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(OnboardingProcess.TASK_APPROVE_ONBOARDING);
    var completed = post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", "approver",
        "{\"variables\":{\"approved\":{\"value\":true},\"approvalComment\":{\"value\":\"Welcome\"}}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
  }

  private static SearchResultEntry adAccount(String employeeId) throws Exception {
    try (LDAPConnection ldap = new LDAPConnection("localhost", LDAP_PORT, "CN=admin,DC=contoso,DC=com", "admin")) {
      var result = ldap.search("DC=contoso,DC=com", SearchScope.SUB, Filter.createEqualityFilter("employeeID", employeeId),
          "*", "objectGUID", "unicodePwd");
      assertThat(result.getEntryCount()).isEqualTo(1);
      return result.getSearchEntries().get(0);
    }
  }
}
