package org.hybridonboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.DirectoryAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The security model with Camunda authorization on: who may call which endpoint, and which tasks
 * and filters each group sees in Tasklist. Every call goes over HTTP as that user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT extends DemoIntegrationTest {

  /** A user with a password but in no group. */
  private static final String NOBODY = "nobody";

  @Autowired
  org.springframework.ldap.core.LdapTemplate ldap;

  private String approvalTask;
  private String managerTask;

  @BeforeAll
  void oneApprovalAndOneFailureTask() {
    // A directory account in none of the mapped AD groups.
    new DirectoryAccounts(ldap, "DC=contoso,DC=com", true).createAccount("OU=Onboarding Team,DC=contoso,DC=com", NOBODY, NOBODY);
    startOnboarding(request("E40001", "Ada", "Access", ""));
    approvalTask = awaitApprovalTask("E40001");
    // An unknown manager is found when the names are previewed: a task for the operators.
    startOnboarding(request("E40002", "Max", "Manager", "").replace("E00001", "E09999"));
    managerTask = await().atMost(Duration.ofSeconds(30))
        .until(() -> taskIds("/engine-rest/task?processInstanceBusinessKey=E40002", "admin"), ids -> ids.size() == 1)
        .get(0);
  }

  /** Each endpoint: anonymous → 401, authenticated but not allowed → 403. */
  @Test
  void everyEndpointAnswers401WithoutAnd403OutsideItsGroup() {
    record Call(String what, Function<String, HttpResponse<String>> as, String outsider) {
    }
    String body = request("E40009", "Olga", "Outsider", "");
    List<Call> calls = List.of(
        new Call("POST /api/onboardings", user -> post("/api/onboardings", user, body), "approver"),
        new Call("GET /api/onboardings/{id}", user -> get("/api/onboardings/E40001", user), NOBODY),
        new Call("DELETE /api/onboardings/{id}", user -> delete("/api/onboardings/E40001", user), "approver"),
        new Call("POST /engine-rest/.../start", user -> post(
            "/engine-rest/process-definition/key/hybrid-onboarding/start", user, "{\"businessKey\":\"E40009\"}"), "approver"),
        new Call("POST /engine-rest/message", user -> post("/engine-rest/message", user,
            "{\"messageName\":\"CancelOnboarding\",\"businessKey\":\"E40001\"}"), "operator"),
        new Call("POST /engine-rest/task/{approval}/complete", user -> post("/engine-rest/task/" + approvalTask
            + "/complete", user, "{\"variables\":{\"approved\":{\"value\":false}}}"), "operator"),
        new Call("POST /engine-rest/task/{failure}/complete", user -> post("/engine-rest/task/" + managerTask
            + "/complete", user, "{\"variables\":{\"resolution\":{\"value\":\"ABORT\"}}}"), "approver"),
        new Call("GET /engine-rest/process-instance/{id}/variables", user -> get("/engine-rest/process-instance/"
            + processInstanceId("E40001") + "/variables", user), NOBODY),
        new Call("POST /engine-rest/process-instance/{id}/variables", user -> post("/engine-rest/process-instance/"
            + processInstanceId("E40001") + "/variables", user, "{\"modifications\":{\"surname\":{\"value\":\"X\"}}}"),
            "approver"),
        new Call("GET /actuator/prometheus", user -> get("/actuator/prometheus", user), "hr-system"));

    List<String> wrong = new ArrayList<>();
    for (Call call : calls) {
      int anonymous = call.as().apply(null).statusCode();
      HttpResponse<String> outsider = call.as().apply(call.outsider());
      if (anonymous != 401) {
        wrong.add(call.what() + " anonymous: " + anonymous);
      }
      if (outsider.statusCode() != 403) {
        wrong.add(call.what() + " as " + call.outsider() + ": " + outsider.statusCode() + " " + outsider.body());
      }
    }
    assertThat(wrong).isEmpty();
    // Nothing the refused calls asked for happened.
    assertThat(taskIds("/engine-rest/task?processInstanceBusinessKey=E40001", "admin")).containsExactly(approvalTask);
    assertThat(taskIds("/engine-rest/task?processInstanceBusinessKey=E40002", "admin")).containsExactly(managerTask);
    assertThat(get("/api/onboardings/E40009", "hr-system").statusCode()).isEqualTo(404);
    assertThat(get("/engine-rest/process-instance/" + processInstanceId("E40001") + "/variables/surname", "admin")
        .body()).contains("\"Access\"");
  }

  @Test
  void eachGroupSeesOnlyItsOwnTasks() {
    assertThat(taskIds("/engine-rest/task", "approver")).contains(approvalTask).doesNotContain(managerTask);
    assertThat(taskIds("/engine-rest/task", "operator")).contains(managerTask).doesNotContain(approvalTask);
    assertThat(taskIds("/engine-rest/task", "hr-system")).contains(approvalTask, managerTask);
    assertThat(taskIds("/engine-rest/task", NOBODY)).isEmpty();
    assertThat(taskIds("/engine-rest/process-instance", NOBODY)).isEmpty();
    assertThat(taskIds("/engine-rest/process-instance", "hr-system")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void eachTasklistGroupHasItsFilter() throws Exception {
    JsonNode approverFilters = JSON.readTree(get("/engine-rest/filter?resourceType=Task", "approver").body());
    assertThat(approverFilters.findValuesAsText("name")).containsExactlyInAnyOrder("My approvals", "Onboardings to approve");
    String filterId = java.util.stream.StreamSupport.stream(approverFilters.spliterator(), false)
        .filter(filter -> filter.path("name").asText().equals("Onboardings to approve")).findFirst().orElseThrow()
        .path("id").asText();
    assertThat(taskIds("/engine-rest/filter/" + filterId + "/list", "approver")).containsExactly(approvalTask);

    JsonNode operatorFilters = JSON.readTree(get("/engine-rest/filter?resourceType=Task", "operator").body());
    // The demo operator also stands in for the helpdesk.
    assertThat(operatorFilters.findValuesAsText("name"))
        .containsExactlyInAnyOrder("My approvals", "Onboarding problems to fix", "Credentials to hand over");
    // Everyone may read "My approvals"; it lists nothing of anybody else's.
    JsonNode nobodysFilters = JSON.readTree(get("/engine-rest/filter?resourceType=Task", NOBODY).body());
    assertThat(nobodysFilters.findValuesAsText("name")).containsExactly("My approvals");
    assertThat(taskIds("/engine-rest/filter/" + nobodysFilters.get(0).path("id").asText() + "/list", NOBODY)).isEmpty();
  }

  @Test
  void onlyTasklistGroupsMayLogIntoTasklist() {
    assertThat(tasklistLogin("approver")).isEqualTo(200);
    assertThat(tasklistLogin("operator")).isEqualTo(200);
    assertThat(tasklistLogin("admin")).isEqualTo(200);
    assertThat(tasklistLogin("hr-system")).isEqualTo(403);
    assertThat(tasklistLogin(NOBODY)).isEqualTo(403);
  }

  @Test
  void theApproverDecidesAndTheRequesterFollows() throws Exception {
    HttpResponse<String> variables = get("/engine-rest/task/" + approvalTask + "/form-variables", "approver");
    assertThat(variables.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(variables.body()).path("givenName").path("value").asText()).isEqualTo("Ada");
    assertThat(get("/engine-rest/task/" + approvalTask + "/deployed-form", "approver").statusCode()).isEqualTo(200);
    assertThat(get("/api/onboardings/E40001", "approver").statusCode()).isEqualTo(200);
    assertThat(status("E40002").path("openTasks").get(0).path("name").asText()).isEqualTo("Find the manager");
  }

  private int tasklistLogin(String user) {
    return tasklistLogin(user, user);
  }

  private HttpResponse<String> delete(String path, String user) {
    return send(request(path, user).DELETE().build());
  }

  private String processInstanceId(String employeeId) {
    try {
      return JSON.readTree(get("/engine-rest/process-instance?businessKey=" + employeeId, "admin").body())
          .get(0).path("id").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> taskIds(String path, String user) {
    try {
      HttpResponse<String> response = get(path, user);
      assertThat(response.statusCode()).as(path + " as " + user + ": " + response.body()).isEqualTo(200);
      return JSON.readTree(response.body()).findValuesAsText("id");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
