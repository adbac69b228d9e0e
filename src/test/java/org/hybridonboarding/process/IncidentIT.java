package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A technical failure that outlasts every retry becomes an incident an admin can read and retry. */
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    "onboarding.graph.max-retries=0",
    "onboarding.jobs.retry-cycle=PT1S",
})
class IncidentIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;


  @Test
  void aGraphOutageBecomesAnIncidentThatSaysWhatFailed() throws Exception {
    simulator.injectFaults(1.0);
    JsonNode status;
    try {
      startOnboarding(request("I00001", "Ian", "Incident", ""));
      status = awaitSettled("I00001");
    } finally {
      simulator.injectFaults(0);
    }

    JsonNode incident = status.path("incidents").get(0);
    assertThat(incident.path("type").asText()).isEqualTo("failedJob");
    assertThat(incident.path("step").asText()).isEqualTo("Task_PlanIdentity");
    assertThat(incident.path("message").asText())
        .startsWith("Microsoft Graph: look up addresses in use (ian.incident@contoso.com) failed with HTTP 50");

    // The admin's fix in Cockpit: Graph answers again, retry the job.
    JsonNode jobs = JSON.readTree(get("/engine-rest/job?processInstanceId=" + status.path("processInstanceId").asText()
        + "&withException=true", "admin").body());
    HttpResponse<String> retried = send(request("/engine-rest/job/" + jobs.get(0).path("id").asText() + "/retries", "admin")
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"retries\":1}")).build());
    assertThat(retried.statusCode()).isEqualTo(204);
    // The replication watch failed during the outage too, but keeps retrying by itself (no incident).
    assertThat(JSON.readTree(get("/engine-rest/incident?processDefinitionKeyIn=replication-watch", "admin").body())).isEmpty();
    status = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90))
        .until(() -> status("I00001"), s -> s.path("status").asText().equals("ONBOARDED") || !s.path("openTasks").isEmpty());
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");
  }
}
