package org.hybridonboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.DirectoryAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * People sign in with their directory accounts (Camunda's LDAP identity provider plug-in on the
 * 7.24 engine): what each account may do follows the AD groups mapped in onboarding.identity.groups,
 * a disabled account and an LDAP filter in the login name get nowhere, and the approval of a hire
 * is the manager's. Every call goes over HTTP with that account's own password. Run against the
 * embedded directory and a Samba AD DC, with the plug-in's DEBUG logging on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.org.camunda.bpm.identity=DEBUG", "logging.level.org.hybridonboarding.system=DEBUG",
    // Reminders within the test; the demo's reminder-to is unset, so only the people who must act are mailed.
    "onboarding.approval.reminder-after=PT3S"})
abstract class SignInContract extends DemoIntegrationTest {

  /** Test accounts are unique to this run: a Samba domain outlives test classes. */
  static final String RUN = Integer.toString(new Random().nextInt(90_000) + 10_000);
  /** Meets AD's complexity policy and contains no account name. */
  static final String PASSWORD = "Correct-Horse-" + RUN + "!";

  String requester = "sireq" + RUN;
  String approver = "siapp" + RUN;
  String outsider = "siout" + RUN;
  String leaver = "silvr" + RUN;
  String leaverManagerId = "M" + RUN;

  /** The directory as the application sees it. */
  abstract DirectoryAccounts accounts();

  /** Where the test accounts go (outside Connect Sync's scope). */
  abstract String accountsOu();

  /** The AD group behind a Camunda group in this context. */
  abstract String groupDn(String camundaGroup);

  /** Megan Bowen's password in this directory. */
  abstract String meganPassword();

  /** The service account's bind password, when it is one a log could be searched for (not the demo's "admin"). */
  String servicePassword() {
    return null;
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.IdentityService identity;
  @org.springframework.beans.factory.annotation.Autowired
  GraphServiceClient graph;
  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.ManagementService jobs;

  private String requesterDn;
  private String leaverDn;

  /** What this directory needs before the accounts (groups of its own, passwords). */
  void prepareDirectory() {
  }

  @BeforeAll
  void accountsInTheirGroups() {
    prepareDirectory();
    requesterDn = accounts().createAccount(accountsOu(), requester, PASSWORD);
    accounts().join(groupDn("onboarding-requesters"), requesterDn);
    accounts().join(groupDn("onboarding-approvers"), accounts().createAccount(accountsOu(), approver, PASSWORD));
    accounts().createAccount(accountsOu(), outsider, PASSWORD);
    // An approver who left: still in the group, disabled in AD, and the manager of a hire.
    leaverDn = accounts().createAccount(accountsOu(), leaver, PASSWORD, leaverManagerId);
    accounts().join(groupDn("onboarding-approvers"), leaverDn);
    accounts().setAccountControl(leaverDn, 514);
  }

  @Test
  void aDirectoryAccountSignsInToTasklistAndTheRestApi() throws IOException {
    assertThat(tasklistLogin(approver, PASSWORD)).isEqualTo(200);
    assertThat(as(approver, PASSWORD, "/engine-rest/task").statusCode()).isEqualTo(200);
    assertThat(as(requester, PASSWORD, "/api/onboardings/E09999").statusCode()).isEqualTo(404);
    JsonNode profile = JSON.readTree(as(approver, PASSWORD, "/engine-rest/user/" + approver + "/profile").body());
    assertThat(profile.path("email").asText()).isEqualTo(approver + "@contoso.com");
  }

  @Test
  void aWrongPasswordIsRefusedAndCountedOnceByTheDirectory() {
    long before = accounts().badPasswordCount(requesterDn);

    assertThat(as(requester, PASSWORD + "x", "/api/onboardings/E09999").statusCode()).isEqualTo(401);

    // One bind, no retry: AD's lockout policy sees each attempt exactly once.
    assertThat(accounts().badPasswordCount(requesterDn)).isEqualTo(before + 1);
    assertThat(tasklistLogin(approver, "")).isEqualTo(401);
  }

  @Test
  void outsideTheGroupsAnAccountMayDoNothing() {
    assertThat(tasklistLogin(outsider, PASSWORD)).isEqualTo(403);
    assertThat(as(outsider, PASSWORD, "/api/onboardings/E09999").statusCode()).isEqualTo(403);
    assertThat(postAs(outsider, "/api/onboardings", request("E" + RUN + "9", "Olga", "Outsider", "")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aDisabledAccountCannotSignIn() {
    assertThat(as(leaver, PASSWORD, "/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(tasklistLogin(leaver, PASSWORD)).isEqualTo(401);
    // Not found at all: a web session opened before the account was disabled ends at its next check
    // (camunda.bpm.webapp.auth.cache.time-to-live), and a task is never assigned to it.
    assertThat(identity.createUserQuery().userId(leaver).count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup("onboarding-approvers").list()).extracting("id")
        .contains(approver).doesNotContain(leaver);
  }

  @Test
  void filterCharactersInTheLoginNameMatchNoOtherAccount() {
    String prefix = approver.substring(0, approver.length() - 2);
    for (String name : List.of(prefix + "*", "*", approver + ")(sAMAccountName=*", prefix + "\\2a", "\\" + approver)) {
      assertThat(as(name, PASSWORD, "/engine-rest/task").statusCode()).as(name).isEqualTo(401);
      assertThat(tasklistLogin(name, PASSWORD)).as(name).isEqualTo(401);
    }
  }

  @Test
  void leavingTheAdGroupEndsAccessAtOnce() {
    String temp = "sitmp" + RUN;
    String dn = accounts().createAccount(accountsOu(), temp, PASSWORD);
    accounts().join(groupDn("onboarding-requesters"), dn);
    assertThat(as(temp, PASSWORD, "/api/onboardings/E09999").statusCode()).isEqualTo(404);

    accounts().leave(groupDn("onboarding-requesters"), dn);

    assertThat(as(temp, PASSWORD, "/api/onboardings/E09999").statusCode()).isEqualTo(403);
  }

  @Test
  void theMappedGroupsDriveGrantsAndFilters() throws IOException {
    // The approver's AD groups, as the engine sees them: only the mapped one, under its Camunda id.
    assertThat(identity.createGroupQuery().groupMember(approver).list()).extracting("id")
        .containsExactly("onboarding-approvers");
    JsonNode filters = JSON.readTree(as(approver, PASSWORD, "/engine-rest/filter?resourceType=Task").body());
    assertThat(filters.findValuesAsText("name")).containsExactlyInAnyOrder("My approvals", "Onboardings to approve");
    assertThat(JSON.readTree(as(requester, PASSWORD, "/engine-rest/filter?resourceType=Task").body())
        .findValuesAsText("name")).containsExactly("My approvals");
  }

  @Test
  void theHiresManagerApprovesInTasklist() throws IOException {
    String employeeId = "E" + RUN + "1";
    assertThat(postAs(requester, "/api/onboardings", request(employeeId, "Fiona", "Finance" + RUN, "")).statusCode())
        .isEqualTo(201);
    JsonNode task = approvalTask(employeeId);
    assertThat(task.path("assignee").asText()).isEqualTo("megan.bowen");
    JsonNode open = JSON.readTree(as(requester, PASSWORD, "/api/onboardings/" + employeeId).body()).path("openTasks").get(0);
    assertThat(open.path("assignee").asText()).isEqualTo("megan.bowen");
    assertThat(open.path("candidateGroups").get(0).asText()).isEqualTo("onboarding-approvers");

    assertThat(tasklistLogin("megan.bowen", meganPassword())).isEqualTo(200);
    JsonNode filters = JSON.readTree(as("megan.bowen", meganPassword(), "/engine-rest/filter?resourceType=Task").body());
    assertThat(filters.findValuesAsText("name")).containsExactly("My approvals");
    JsonNode mine = JSON.readTree(as("megan.bowen", meganPassword(),
        "/engine-rest/filter/" + filters.get(0).path("id").asText() + "/list").body());
    assertThat(mine.findValuesAsText("id")).contains(task.path("id").asText());
    assertThat(as("megan.bowen", meganPassword(), "/engine-rest/task/" + task.path("id").asText() + "/form-variables")
        .statusCode()).isEqualTo(200);

    // The 3 s reminder's timer would otherwise fire while the task is completed: the engine then refuses
    // one of the two (OptimisticLockingException, a 500 in Tasklist that a second click mends).
    reminder("megan.bowen@contoso.com", "Fiona Finance" + RUN);
    await().atMost(Duration.ofSeconds(30)).until(() -> jobs.createJobQuery()
        .processInstanceId(task.path("processInstanceId").asText()).activityId("Task_RemindApprovers").count() == 0);
    HttpResponse<String> decided = postAs("megan.bowen", meganPassword(), "/engine-rest/task/" + task.path("id").asText()
        + "/complete", "{\"variables\":{\"approved\":{\"value\":false},\"approvalComment\":{\"value\":\"Not this one\"}}}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JSON.readTree(
        as(requester, PASSWORD, "/api/onboardings/" + employeeId).body()).path("status").asText()).isEqualTo("REJECTED"));
  }

  @Test
  void withoutAManagerOrWithADisabledOneTheGroupApproves() throws IOException {
    String noManager = "E" + RUN + "2";
    String leaverManaged = "E" + RUN + "3";
    postAs(requester, "/api/onboardings", request(noManager, "Nora", "Nomanager" + RUN, "").replace("\"managerEmployeeId\":\"E00001\",", ""));
    postAs(requester, "/api/onboardings", request(leaverManaged, "Lars", "Leftbehind" + RUN, "").replace("E00001", leaverManagerId));

    for (String employeeId : List.of(noManager, leaverManaged)) {
      JsonNode task = approvalTask(employeeId);
      assertThat(task.path("assignee").isNull()).as(employeeId + ": " + task).isTrue();
      assertThat(JSON.readTree(as(approver, PASSWORD, "/engine-rest/task?candidateGroup=onboarding-approvers&processInstanceBusinessKey="
          + employeeId).body()).findValuesAsText("id")).containsExactly(task.path("id").asText());
    }
  }

  /** The reminder reaches the people who must act, in their own mailboxes. */
  @Test
  void remindersGoToTheManagerOrTheGroupsMembers() {
    String alex = "CN=Alex Wilber,OU=Staff,DC=contoso,DC=com";
    accounts().join(groupDn("onboarding-approvers"), alex);
    try {
      String managed = "Rita Reminded" + RUN;
      String unmanaged = "Gus Grouped" + RUN;
      postAs(requester, "/api/onboardings", request("E" + RUN + "4", "Rita", "Reminded" + RUN, ""));
      postAs(requester, "/api/onboardings", request("E" + RUN + "5", "Gus", "Grouped" + RUN, "")
          .replace("\"managerEmployeeId\":\"E00001\",", ""));

      Message toMegan = reminder("megan.bowen@contoso.com", managed);
      assertThat(toMegan.getToRecipients()).extracting(r -> r.getEmailAddress().getAddress())
          .containsExactly("megan.bowen@contoso.com");
      Message toGroup = reminder("alex.wilber@contoso.com", unmanaged);
      // Every enabled member with an address, the disabled leaver not.
      assertThat(toGroup.getToRecipients()).extracting(r -> r.getEmailAddress().getAddress())
          .contains("alex.wilber@contoso.com", approver + "@contoso.com").doesNotContain(leaver + "@contoso.com");
      assertThat(graph.users().byUserId("megan.bowen@contoso.com").messages().get().getValue())
          .noneMatch(message -> message.getSubject().contains(unmanaged));
    } finally {
      accounts().leave(groupDn("onboarding-approvers"), alex);
    }
  }

  private Message reminder(String mailbox, String hire) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> graph.users().byUserId(mailbox).messages().get().getValue().stream()
            .filter(message -> message.getSubject().equals("Waiting for your approval: onboarding of " + hire))
            .findFirst(), java.util.Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void noPasswordReachesTheLog(CapturedOutput output) {
    as(approver, PASSWORD, "/engine-rest/task");
    as(requester, PASSWORD + "x", "/engine-rest/task");
    tasklistLogin(approver, PASSWORD);

    assertThat(output.getAll()).contains("LDAP").doesNotContain(PASSWORD).doesNotContain(meganPassword());
    if (servicePassword() != null) {
      assertThat(output.getAll()).doesNotContain(servicePassword());
    }
  }

  private JsonNode approvalTask(String employeeId) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> JSON.readTree(as(requester, PASSWORD, "/engine-rest/task?processInstanceBusinessKey=" + employeeId
            + "&taskDefinitionKey=Task_ApproveOnboarding").body()), tasks -> tasks.size() == 1)
        .get(0);
  }

  HttpResponse<String> as(String user, String password, String path) {
    return send(request(path, user, password).GET().build());
  }

  HttpResponse<String> postAs(String user, String path, String json) {
    return postAs(user, PASSWORD, path, json);
  }

  HttpResponse<String> postAs(String user, String password, String path, String json) {
    return send(request(path, user, password).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
  }
}
