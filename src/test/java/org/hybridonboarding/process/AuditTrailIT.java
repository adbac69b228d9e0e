package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What history keeps (system.AuditHistory) is still the audit trail: after an onboarding that an
 * approver approved, whose failure task an operator answered and whose incident an admin retried
 * in Cockpit, history says who did each, what they chose and when, and when each step ran.
 */
@TestPropertySource(properties = {
    "onboarding.graph.max-retries=0",
    "onboarding.jobs.retry-cycle=PT1S",
})
class AuditTrailIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;
  @Autowired
  HistoryService history;

  @Test
  void historyShowsWhoApprovedWhoDecidedWhatAndTheIncidentRetried() throws Exception {
    simulator.useUpSeats("ENTERPRISEPACK");
    startOnboarding(request("T00001", "Tess", "Trail", ",\"licenseSku\":\"ENTERPRISEPACK\""));
    approve("T00001", true);
    JsonNode status = awaitSettled("T00001");
    assertThat(status.path("openTasks").get(0).path("candidateGroups").get(0).asText()).as(status.toString())
        .isEqualTo("onboarding-operators");
    String onboarding = status.path("processInstanceId").asText();

    // The operator buys seats and retries; Graph fails meanwhile, every retry too: an incident.
    simulator.addSeats("ENTERPRISEPACK", 5);
    simulator.injectFaults(1.0);
    try {
      resolve("T00001", "RETRY");
      status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
          .until(() -> status("T00001"), s -> !s.path("incidents").isEmpty());
    } finally {
      simulator.injectFaults(0);
    }
    // The admin's fix in Cockpit: retry the failed job.
    JsonNode jobs = JSON.readTree(get("/engine-rest/job?processInstanceId=" + onboarding + "&withException=true", "admin").body());
    HttpResponse<String> retried = send(request("/engine-rest/job/" + jobs.get(0).path("id").asText() + "/retries", "admin")
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"retries\":1}")).build());
    assertThat(retried.statusCode()).isEqualTo(204);
    status = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> status("T00001"), s -> !s.path("status").asText().equals("RUNNING"));
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");

    // Who approved, when, and what they said.
    HistoricTaskInstance approval = history.createHistoricTaskInstanceQuery().processInstanceId(onboarding)
        .taskDefinitionKey(OnboardingProcess.TASK_APPROVE_ONBOARDING).singleResult();
    assertThat(approval.getEndTime()).isNotNull();
    assertThat(completedBy(approval.getId())).isEqualTo("approver");
    assertThat(value(onboarding, OnboardingProcess.APPROVED.name())).isEqualTo(true);
    assertThat(value(onboarding, OnboardingProcess.APPROVAL_COMMENT.name())).isEqualTo("From a test");

    // Who decided on the failure task, what the problem was and what they chose.
    HistoricTaskInstance problem = history.createHistoricTaskInstanceQuery().rootProcessInstanceId(onboarding)
        .taskDefinitionKey(ResolveProblemProcess.TASK_RESOLVE_LICENCE).singleResult();
    assertThat(problem.getEndTime()).isAfter(approval.getEndTime());
    assertThat(completedBy(problem.getId())).isEqualTo("operator");
    assertThat(value(problem.getProcessInstanceId(), OnboardingProcess.PROBLEM_CODE.name()))
        .isEqualTo(CloudException.Code.NO_FREE_SEAT.name());
    assertThat(value(problem.getProcessInstanceId(), OnboardingProcess.RESOLUTION.name())).isEqualTo("RETRY");
    assertThat(history.createHistoricIdentityLinkLogQuery().taskId(problem.getId()).groupId("onboarding-operators").count())
        .as("to whom the failure task was offered").isPositive();

    // The incident: where, why, when it was opened and resolved, and who retried it.
    HistoricIncident incident = history.createHistoricIncidentQuery().processInstanceId(onboarding).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(OnboardingProcess.GATEWAY_RETRY_PREFLIGHT);
    assertThat(incident.getIncidentMessage()).contains("failed with HTTP 50");
    assertThat(incident.getCreateTime()).isAfter(problem.getEndTime());
    assertThat(incident.isResolved()).isTrue();
    assertThat(incident.getEndTime()).isNotNull();
    UserOperationLogEntry retry = history.createUserOperationLogQuery().jobId(jobs.get(0).path("id").asText())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES).singleResult();
    assertThat(retry.getUserId()).isEqualTo("admin");
    assertThat(retry.getTimestamp()).isAfterOrEqualTo(incident.getCreateTime());
    assertThat(history.createHistoricJobLogQuery().processInstanceId(onboarding).failureLog().count())
        .as("each failed try of the job").isGreaterThanOrEqualTo(2);

    // Every step's start and end, the failed pre-flight and its retry among them.
    List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery().processInstanceId(onboarding)
        .orderByHistoricActivityInstanceStartTime().asc().list();
    assertThat(steps).allMatch(step -> step.getStartTime() != null && step.getEndTime() != null);
    assertThat(steps).extracting(HistoricActivityInstance::getActivityId)
        .containsSubsequence(OnboardingProcess.TASK_VALIDATE_REQUEST, OnboardingProcess.TASK_APPROVE_ONBOARDING,
            OnboardingProcess.TASK_PLAN_IDENTITY, OnboardingProcess.TASK_PREFLIGHT_CLOUD, "CallActivity_ResolvePreflightProblem",
            OnboardingProcess.TASK_PREFLIGHT_CLOUD, OnboardingProcess.TASK_CREATE_AD_ACCOUNT, OnboardingProcess.TASK_CHECK_REPLICATION,
            OnboardingProcess.TASK_ASSIGN_LICENSE, OnboardingProcess.TASK_CHECK_MAILBOX, OnboardingProcess.TASK_HAND_OVER_CREDENTIALS,
            OnboardingProcess.END_EVENT_ONBOARDED);
  }

  /** Who completed the task, as the user operation log says (Cockpit's audit log). */
  private String completedBy(String taskId) {
    UserOperationLogEntry completed = history.createUserOperationLogQuery().taskId(taskId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult();
    assertThat(completed).as("the user operation log's entry for completing task " + taskId).isNotNull();
    return completed.getUserId();
  }

  private Object value(String processInstanceId, String variable) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(variable)
        .singleResult().getValue();
  }
}
