package org.hybridonboarding.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.process.OnboardingProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public contract of /api and /engine-rest: status codes, problem details, authentication. */
// Spring Boot tests switch metrics export off unless asked.
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
class OnboardingApiIT extends DemoIntegrationTest {

  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  RepositoryService repository;
  @Autowired
  TaskService tasks;
  @Autowired
  FormService forms;
  @Autowired
  HistoryService history;

  @Test
  void startsAnOnboardingAndReportsItsState() throws Exception {
    // A name of its own: other tests' Ann Lees wait for approval with "ann.lee" reserved for them.
    HttpResponse<String> created = post("/api/onboardings", "hr-system", request("E30001", "Ann", "Preview", ""));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/onboardings/E30001");
    awaitApprovalTask("E30001");
    JsonNode status = json.readTree(get("/api/onboardings/E30001", "hr-system").body());
    assertThat(status.path("status").asText()).isEqualTo("RUNNING");
    assertThat(status.path("currentSteps").get(0).asText()).isEqualTo("Approve onboarding");
    assertThat(status.path("openTasks").get(0).path("name").asText()).isEqualTo("Approve onboarding");
    assertThat(status.path("openTasks").get(0).path("candidateGroups").get(0).asText()).isEqualTo("onboarding-approvers");
    assertThat(status.path("cloud").path("licenseSku").asText()).isEqualTo("SPE_E3");
    // The names the approver sees, previewed before approval.
    assertThat(status.path("account").path("sAMAccountName").asText()).isEqualTo("ann.preview");
  }

  @Test
  void aSecondRequestForARunningOnboardingIsAConflict() {
    assertThat(post("/api/onboardings", "hr-system", request("E30002", "Ann", "Lee", "")).statusCode()).isEqualTo(201);

    HttpResponse<String> again = post("/api/onboardings", "hr-system", request("E30002", "Ann", "Lee", ""));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(again.body()).contains("E30002");
  }

  @Test
  void badRequestsNameEveryBadField() throws Exception {
    HttpResponse<String> response = post("/api/onboardings", "hr-system", """
        {"employeeId":"E 1","givenName":"","surname":"Lee","department":"IT","usageLocation":"Germany",
         "startDate":"01.12.2026","licenseSku":"SPE E3"}""");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields).containsExactly("employeeId", "givenName", "usageLocation", "licenseSku", "startDate");
    assertThat(problem.path("title").asText()).isEqualTo("Invalid onboarding request");
  }

  @Test
  void unknownFieldsAreRejectedNotDropped() throws Exception {
    HttpResponse<String> response = post("/api/onboardings", "hr-system",
        request("E30003", "Ann", "Lee", ",\"managerEmployeeID\":\"E00002\""));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asText()).isEqualTo("managerEmployeeID");
    assertThat(get("/api/onboardings/E30003", "hr-system").statusCode()).isEqualTo(404);
  }

  @Test
  void aFieldGivenTwiceIsAmbiguousNotLastOneWins() throws Exception {
    HttpResponse<String> response = post("/api/onboardings", "hr-system",
        request("E30020", "Ann", "Lee", ",\"employeeId\":\"E30021\""));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode error = json.readTree(response.body()).path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("employeeId");
    assertThat(error.path("message").asText()).contains("more than once");
    assertThat(get("/api/onboardings/E30020", "hr-system").statusCode()).isEqualTo(404);
    assertThat(get("/api/onboardings/E30021", "hr-system").statusCode()).isEqualTo(404);
  }

  @Test
  void whatIsNeverANameOrAZoneIsRefusedByField() throws Exception {
    HttpResponse<String> response = post("/api/onboardings", "hr-system",
        request("E30022", "Ann\u202E", "Lee\u200B", ",\"timeZone\":\"Mars/Olympus\""));

    assertThat(response.statusCode()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    json.readTree(response.body()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields).containsExactly("givenName", "surname", "timeZone");
    assertThat(get("/api/onboardings/E30022", "hr-system").statusCode()).isEqualTo(404);
  }

  @Test
  void aNameInAnotherScriptIsAcceptedAndHrsLatinFormMakesTheAccountNames() throws Exception {
    HttpResponse<String> created = post("/api/onboardings", "hr-system", request("E30023", "Дмитрий", "Иванов",
        ",\"latinGivenName\":\"Dima\",\"latinSurname\":\"Ivanoff\",\"timeZone\":\"Europe/Moscow\""));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    awaitApprovalTask("E30023");
    JsonNode status = json.readTree(get("/api/onboardings/E30023", "hr-system").body());
    assertThat(status.path("account").path("sAMAccountName").asText()).isEqualTo("dima.ivanoff");
    assertThat(status.path("timeZone").asText()).isEqualTo("Europe/Moscow");
  }

  @Test
  void malformedJsonIsABadRequest() {
    HttpResponse<String> response = post("/api/onboardings", "hr-system", "{\"employeeId\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void unknownOnboardingsAreNotFound() {
    assertThat(get("/api/onboardings/E99999", "hr-system").statusCode()).isEqualTo(404);
  }

  @Test
  void everyEndpointNeedsCredentials() {
    assertThat(get("/api/onboardings/E00001", null).statusCode()).isEqualTo(401);
    assertThat(post("/api/onboardings", null, request("E30004", "Ann", "Lee", "")).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    // operator:wrong. Camunda delays further logins of a user after a failed one, so not a user the other tests need.
    HttpResponse<String> wrongPassword = send(request("/api/onboardings/E00001", null)
        .header("Authorization", "Basic b3BlcmF0b3I6d3Jvbmc=").GET().build());
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"default\"");
  }

  @Test
  void onlyRequestersStartOnboardings() {
    HttpResponse<String> response = post("/api/onboardings", "approver", request("E30005", "Ann", "Lee", ""));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(get("/api/onboardings/E30005", "hr-system").statusCode()).isEqualTo(404);
  }

  @Test
  void engineRestStartsAreValidatedByTheProcess() throws Exception {
    HttpResponse<String> started = post("/engine-rest/process-definition/key/hybrid-onboarding/start", "hr-system", """
        {"businessKey":"E30006","variables":{
          "employeeId":{"value":"E30006"},"givenName":{"value":"Ann"},"surname":{"value":"Lee"},
          "department":{"value":"IT"},"usageLocation":{"value":"Germany"},"startDate":{"value":"2026-12-01"}}}""");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

    JsonNode status = json.readTree(get("/api/onboardings/E30006", "hr-system").body());
    assertThat(status.path("status").asText()).isEqualTo("INVALID");
    assertThat(status.path("rejectionReason").asText()).startsWith("usageLocation: must be an upper-case ISO 3166-1");
    String id = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("E30006").singleResult().getId();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId(OnboardingProcess.END_EVENT_INVALID).count()).isEqualTo(1);
  }

  @Test
  void engineRestStartsHaveTheirTimeZoneValidatedToo() throws Exception {
    HttpResponse<String> started = post("/engine-rest/process-definition/key/hybrid-onboarding/start", "hr-system", """
        {"businessKey":"E30024","variables":{
          "employeeId":{"value":"E30024"},"givenName":{"value":"Ann"},"surname":{"value":"Lee"},
          "department":{"value":"IT"},"usageLocation":{"value":"US"},"startDate":{"value":"2026-12-01"},
          "timeZone":{"value":"Europe/Atlantis"}}}""");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

    JsonNode status = json.readTree(get("/api/onboardings/E30024", "hr-system").body());
    assertThat(status.path("status").asText()).isEqualTo("INVALID");
    assertThat(status.path("rejectionReason").asText()).startsWith("timeZone: must be an IANA time zone");
  }

  @Test
  void aValidEngineRestStartWaitsForApproval() throws Exception {
    HttpResponse<String> started = post("/engine-rest/process-definition/key/hybrid-onboarding/start", "hr-system", """
        {"businessKey":"E30007","variables":{
          "employeeId":{"value":"E30007"},"givenName":{"value":"Ann"},"surname":{"value":"Lee"},
          "department":{"value":"IT"},"usageLocation":{"value":"US"},"startDate":{"value":"2026-12-01"}}}""");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

    awaitApprovalTask("E30007");
    JsonNode status = json.readTree(get("/api/onboardings/E30007", "hr-system").body());
    assertThat(status.path("status").asText()).isEqualTo("RUNNING");
    assertThat(status.path("currentSteps").get(0).asText()).isEqualTo("Approve onboarding");
  }

  @Test
  void rejectedOnboardingsEndRejected() throws Exception {
    HttpResponse<String> created = post("/api/onboardings", "hr-system", request("E30008", "Ann", "Lee", ""));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    approve("E30008", false);

    JsonNode status = json.readTree(get("/api/onboardings/E30008", "hr-system").body());
    assertThat(status.path("status").asText()).isEqualTo("REJECTED");
  }

  @Test
  void theDeploymentContainsEveryReferencedForm() throws Exception {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey(OnboardingProcess.KEY).latestVersion().singleResult();
    List<String> resources = repository.getDeploymentResourceNames(definition.getDeploymentId());
    // The called processes are bound to this deployment (calledElementBinding=deployment): they must be in it.
    List<ProcessDefinition> deployed = repository.createProcessDefinitionQuery().deploymentId(definition.getDeploymentId()).list();
    assertThat(deployed).extracting(ProcessDefinition::getKey)
        .contains(OnboardingProcess.KEY, "hybrid-offboarding", "hybrid-transfer", "resolve-problem", "undo-onboarding",
            "replication-watch");

    List<UserTask> userTasks = new ArrayList<>();
    for (ProcessDefinition process : deployed) {
      userTasks.addAll(repository.getBpmnModelInstance(process.getId()).getModelElementsByType(UserTask.class));
    }
    assertThat(userTasks).hasSize(12);
    for (UserTask task : userTasks) {
      String formRef = task.getCamundaFormRef();
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
      String resource = resources.stream().filter(r -> r.endsWith(formRef + ".form")).findFirst()
          .orElseThrow(() -> new AssertionError("form " + formRef + " is not deployed with the process: " + resources));
      try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), resource)) {
        assertThat(json.readTree(in).path("id").asText()).isEqualTo(formRef);
      }
    }
  }


  @Test
  void theApprovalTaskServesItsCamundaForm() throws Exception {
    post("/api/onboardings", "hr-system", request("E30009", "Ann", "Lee", ""));
    String taskId = await().atMost(Duration.ofSeconds(5))
        .until(() -> tasks.createTaskQuery().processInstanceBusinessKey("E30009").singleResult(), t -> t != null).getId();

    JsonNode form;
    try (InputStream in = forms.getDeployedTaskForm(taskId)) {
      form = json.readTree(in);
    }
    assertThat(form.path("id").asText()).isEqualTo("approve-onboarding");
    List<String> keys = new ArrayList<>();
    form.path("components").forEach(c -> keys.add(c.path("key").asText()));
    assertThat(keys).contains("employeeId", "givenName", "surname", "sAMAccountName", "userPrincipalName", "mail",
        "approved", "approvalComment");
  }

  @Test
  void healthShowsTheDatabaseTheDirectoryAndGraph() throws Exception {
    HttpResponse<String> response = get("/actuator/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = json.readTree(response.body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("ldap").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("graph").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void metricsCountOnboardingsByOutcomeForOperatorsAndAdmins() {
    post("/api/onboardings", "hr-system", request("E30010", "Mia", "Metric", ""));

    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "hr-system").statusCode()).isEqualTo(403);
    HttpResponse<String> metrics = get("/actuator/prometheus", "admin");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).containsPattern("onboardings_total[{][^}]*outcome=\"started\"[^}]*[}] [1-9]");
  }

  @Test
  void anOpenApiDescriptionOfTheApiIsPublished() throws Exception {
    HttpResponse<String> response = get("/v3/api-docs", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode paths = json.readTree(response.body()).path("paths");
    assertThat(paths.has("/api/onboardings")).isTrue();
    assertThat(paths.path("/api/onboardings/{employeeId}").has("get")).isTrue();
    assertThat(paths.path("/api/onboardings/{employeeId}").has("delete")).isTrue();
  }
}
