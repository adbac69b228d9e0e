package org.hybridonboarding.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Movers on the demo stack (real LDAP, real HTTP through the Graph SDK, the simulated Connect
 * Sync): the seeded Lee Gu moves from Finance to Sales, to Germany, to another manager and
 * another licence; what AD, Entra ID and the mailboxes show afterwards is asserted.
 */
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    "onboarding.replication.poll-interval=PT1S",
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferIT extends DemoIntegrationTest {

  private static final String LEE = "E00003";
  private static final String FINANCE = "CN=Finance,OU=Groups,DC=contoso,DC=com";
  private static final String SALES = "CN=Sales,OU=Groups,DC=contoso,DC=com";
  private static final String PROJECT = "CN=Project Falcon,OU=Groups,DC=contoso,DC=com";
  private static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
  private static final String E5 = "6fd2c87f-b296-42f0-b197-1e91e994b900";

  @Autowired
  SimulatorControls simulator;

  @Autowired
  GraphServiceClient graph;

  private JsonNode transfer(String employeeId) throws Exception {
    return JSON.readTree(get("/api/transfers/" + employeeId, "hr-system").body());
  }

  private JsonNode awaitTransfer(String employeeId, String status) {
    return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> transfer(employeeId), s -> {
          if (!s.path("incidents").isEmpty() || s.path("openTasks").toString().contains("onboarding-operators")) {
            throw new AssertionError("transfer stuck: " + s);
          }
          return s.path("status").asText().equals(status);
        });
  }

  private String[] members(String group) throws Exception {
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      String[] members = ldap.getEntry(group).getAttributeValues("member");
      return members == null ? new String[0] : members;
    }
  }

  private void approveTransfer(String employeeId) throws Exception {
    JsonNode tasks = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> JSON.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + employeeId
            + "&taskDefinitionKey=Task_ApproveTransfer", "approver").body()), t -> t.size() == 1);
    HttpResponse<String> completed = post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", "approver",
        "{\"variables\":{\"approved\":{\"value\":true},\"approvalComment\":{\"value\":\"Welcome to Sales\"}}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
  }

  private List<String> subjectsIn(String mailbox) {
    return graph.users().byUserId(mailbox).messages().get().getValue().stream().map(Message::getSubject).toList();
  }

  @Test
  @Order(1)
  void badRequestsAreRefusedAndLoseNothing() throws Exception {
    HttpResponse<String> nothing = post("/api/transfers", "hr-system",
        "{\"employeeId\":\"E00003\",\"effectiveDate\":\"" + LocalDate.now() + "\",\"department\":\"Finance\"}");
    assertThat(nothing.statusCode()).as(nothing.body()).isEqualTo(400);
    assertThat(nothing.body()).contains("changes nothing");
    HttpResponse<String> empty = post("/api/transfers", "hr-system", "{\"employeeId\":\"E00003\",\"effectiveDate\":\"x\"}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("effectiveDate").contains("changes nothing");
    HttpResponse<String> unknown = post("/api/transfers", "hr-system",
        "{\"employeeId\":\"E99999\",\"effectiveDate\":\"" + LocalDate.now() + "\",\"department\":\"Sales\"}");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    HttpResponse<String> notAllowed = post("/api/transfers", "operator",
        "{\"employeeId\":\"E00003\",\"effectiveDate\":\"" + LocalDate.now() + "\",\"department\":\"Sales\"}");
    assertThat(notAllowed.statusCode()).isEqualTo(403);

    // One for later: scheduled, then withdrawn before its day; AD is as it was.
    HttpResponse<String> later = post("/api/transfers", "hr-system",
        "{\"employeeId\":\"E00003\",\"effectiveDate\":\"" + LocalDate.now().plusDays(20) + "\",\"jobTitle\":\"Controller\"}");
    assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
    assertThat(later.headers().firstValue("Location")).hasValue("/api/transfers/E00003");
    assertThat(JSON.readTree(later.body()).path("status").asText()).isEqualTo("SCHEDULED");
    HttpResponse<String> second = post("/api/transfers", "hr-system",
        "{\"employeeId\":\"E00003\",\"effectiveDate\":\"" + LocalDate.now() + "\",\"department\":\"Sales\"}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    HttpResponse<String> offboard = post("/api/offboardings", "hr-system",
        "{\"employeeId\":\"E00003\",\"lastWorkingDay\":\"" + LocalDate.now() + "\"}");
    assertThat(offboard.statusCode()).as(offboard.body()).isEqualTo(409);
    HttpResponse<String> withdrawn = send(request("/api/transfers/E00003?reason=Plans%20changed", "hr-system").DELETE().build());
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(202);
    assertThat(JSON.readTree(withdrawn.body()).path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(adAccount(LEE).getAttributeValue("title")).isEqualTo("Accountant");
    HttpResponse<String> again = send(request("/api/transfers/E00003", "hr-system").DELETE().build());
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  @Order(2)
  void aMoveToAnotherDepartmentCountryManagerAndLicenceKeepsTheAccountTheCloudUserAndTheMailbox() throws Exception {
    SearchResultEntry before = adAccount(LEE);
    String immutableId = Base64.getEncoder().encodeToString(before.getAttributeValueBytes("objectGUID"));
    String cloudId = simulator.cloudUserIdByAnchor(immutableId);
    assertThat(simulator.cloudUser(cloudId).assignedSkuIds()).containsExactly(E3);
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      ldap.add("dn: " + PROJECT, "objectClass: top", "objectClass: group", "cn: Project Falcon",
          "sAMAccountName: Project Falcon", "groupType: -2147483646", "member: " + before.getDN());
    }
    simulator.resetRequestCounts();

    HttpResponse<String> started = post("/api/transfers", "hr-system", """
        {"employeeId":"E00003","effectiveDate":"%s","department":"Sales","jobTitle":"Sales Lead",
         "managerEmployeeId":"E00002","usageLocation":"DE","licenseSku":"ENTERPRISEPACK","reason":"Moves to Sales in Berlin"}
        """.formatted(LocalDate.now()));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    approveTransfer(LEE);
    JsonNode done = awaitTransfer(LEE, "TRANSFERRED");
    LoggerFactory.getLogger(TransferIT.class).info("One transfer of every kind: Graph requests {}", simulator.requestCounts());

    SearchResultEntry after = adAccount(LEE);
    assertThat(after.getDN()).isEqualToIgnoringCase("CN=Lee Gu,OU=Sales,OU=Staff,DC=contoso,DC=com");
    assertThat(after.getAttributeValueBytes("objectGUID")).isEqualTo(before.getAttributeValueBytes("objectGUID"));
    assertThat(after.getAttributeValue("department")).isEqualTo("Sales");
    assertThat(after.getAttributeValue("title")).isEqualTo("Sales Lead");
    assertThat(after.getAttributeValue("msExchUsageLocation")).isEqualTo("DE");
    assertThat(after.getAttributeValue("manager")).isEqualToIgnoringCase("CN=Alex Wilber,OU=Staff,DC=contoso,DC=com");
    assertThat(Arrays.asList(members(FINANCE))).noneSatisfy(m -> assertThat(m).containsIgnoringCase("Lee Gu"));
    assertThat(Arrays.asList(members(SALES))).anySatisfy(m -> assertThat(m).isEqualToIgnoringCase(after.getDN()));
    // A group no department names stays, and follows the moved entry.
    assertThat(Arrays.asList(members(PROJECT))).containsExactly(after.getDN());
    assertThat(done.path("done").path("groupsLeft").toString()).contains(FINANCE);
    assertThat(done.path("done").path("groupsJoined").toString()).contains(SALES);
    assertThat(done.path("done").path("licensesRemoved").toString()).contains("SPE_E3");

    // The same cloud user, with the new values, licensed all along.
    assertThat(simulator.cloudUserIdByAnchor(immutableId)).isEqualTo(cloudId);
    assertThat(done.path("done").path("cloudUserId").asText()).isEqualTo(cloudId);
    assertThat(simulator.cloudUser(cloudId).assignedSkuIds()).containsExactly(E5);
    List<List<String>> history = simulator.licenceHistory(cloudId);
    assertThat(history).as("licence history").isNotEmpty().allSatisfy(skus -> assertThat(skus).isNotEmpty());
    assertThat(history.get(history.size() - 1)).containsExactly(E5);
    assertThat(simulator.mailbox(cloudId).type()).isEqualTo("UserMailbox");
    User user = graph.users().byUserId(cloudId).get(r -> r.queryParameters.select =
        new String[] {"department", "jobTitle", "usageLocation"});
    assertThat(user.getDepartment()).isEqualTo("Sales");
    assertThat(user.getJobTitle()).isEqualTo("Sales Lead");
    assertThat(user.getUsageLocation()).isEqualTo("DE");
    // AD holds the country, so sync keeps it.
    simulator.runSyncCycle();
    simulator.runSyncCycle();
    assertThat(simulator.cloudUser(cloudId).usageLocation()).isEqualTo("DE");

    assertThat(subjectsIn("megan.bowen@contoso.com")).contains("Transfer: Lee Gu has a new manager");
    assertThat(subjectsIn("alex.wilber@contoso.com")).contains("Transfer: Lee Gu has a new manager");
  }
  @Test
  @Order(3)
  void aNewSurnameGivesNewAddressesAndTheOldOneStillReceivesMail() throws Exception {
    SearchResultEntry before = adAccount(LEE);
    String cloudId = simulator.cloudUserIdByAnchor(Base64.getEncoder().encodeToString(before.getAttributeValueBytes("objectGUID")));
    simulator.resetRequestCounts();
    HttpResponse<String> started = post("/api/transfers", "hr-system",
        "{\"employeeId\":\"E00003\",\"effectiveDate\":\"" + LocalDate.now() + "\",\"surname\":\"Smith\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonNode done = awaitTransfer(LEE, "TRANSFERRED");
    LoggerFactory.getLogger(TransferIT.class).info("One name change: Graph requests {}", simulator.requestCounts());
    assertThat(done.path("surname").path("from").asText()).isEqualTo("Gu");
    assertThat(done.path("done").path("previousMail").asText()).isEqualTo("lee.gu@contoso.com");

    SearchResultEntry after = adAccount(LEE);
    assertThat(after.getDN()).isEqualToIgnoringCase("CN=Lee Smith,OU=Sales,OU=Staff,DC=contoso,DC=com");
    assertThat(after.getAttributeValueBytes("objectGUID")).isEqualTo(before.getAttributeValueBytes("objectGUID"));
    assertThat(after.getAttributeValue("sn")).isEqualTo("Smith");
    assertThat(after.getAttributeValue("displayName")).isEqualTo("Lee Smith");
    assertThat(after.getAttributeValue("sAMAccountName")).isEqualTo("lee.gu");
    assertThat(after.getAttributeValue("userPrincipalName")).isEqualTo("lee.smith@contoso.com");
    assertThat(after.getAttributeValue("mail")).isEqualTo("lee.smith@contoso.com");
    assertThat(after.getAttributeValue("mailNickname")).isEqualTo("lee.smith");
    assertThat(after.getAttributeValues("proxyAddresses")).containsExactlyInAnyOrder("SMTP:lee.smith@contoso.com",
        "smtp:lee.gu@contoso.com", "smtp:lee.gu@contoso.mail.onmicrosoft.com");
    assertThat(after.getAttributeValue("targetAddress")).isEqualTo(before.getAttributeValue("targetAddress"));
    assertThat(Arrays.asList(members(SALES))).contains(after.getDN());

    assertThat(simulator.cloudUser(cloudId).userPrincipalName()).isEqualTo("lee.smith@contoso.com");
    com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody mail =
        new com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody();
    Message message = new Message();
    message.setSubject("To the old address");
    com.microsoft.graph.models.ItemBody body = new com.microsoft.graph.models.ItemBody();
    body.setContent("Still arrives?");
    message.setBody(body);
    com.microsoft.graph.models.Recipient to = new com.microsoft.graph.models.Recipient();
    com.microsoft.graph.models.EmailAddress address = new com.microsoft.graph.models.EmailAddress();
    address.setAddress("lee.gu@contoso.com");
    to.setEmailAddress(address);
    message.setToRecipients(new java.util.ArrayList<>(List.of(to)));
    mail.setMessage(message);
    graph.users().byUserId("megan.bowen@contoso.com").sendMail().post(mail);
    assertThat(subjectsIn(cloudId)).contains("To the old address");
  }
}
