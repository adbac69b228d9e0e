package org.hybridonboarding.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.ldap.pool2.factory.PooledContextSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application keeps its directory connections open between onboardings, and a domain
 * controller that drops them all (a restart) costs the next onboarding nothing: no failed job.
 */
@TestPropertySource(properties = "onboarding.approval.required=false")
class DirectoryConnectionsIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;

  @Autowired
  PooledContextSource connections;
  @Autowired
  HistoryService history;

  @Test
  void keepsConnectionsOpenAndReplacesThoseTheDirectoryDropped() throws Exception {
    startOnboarding(request("C00001", "Carla", "Connection", ""));
    assertThat(awaitSettled("C00001").path("status").asText()).isEqualTo("ONBOARDED");
    assertThat(connections.getNumIdle()).as("connections kept open after the onboarding").isPositive();

    simulator.restartDirectory();

    startOnboarding(request("C00002", "Conrad", "Connection", ""));
    JsonNode status = awaitSettled("C00002");
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");
    assertThat(history.createHistoricJobLogQuery().processInstanceId(processInstanceId("C00002")).failureLog().count())
        .as("jobs of the onboarding after the restart that failed on a dropped connection").isZero();
  }

  private String processInstanceId(String employeeId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(employeeId)
        .processDefinitionKey("hybrid-onboarding").singleResult().getId();
  }
}
