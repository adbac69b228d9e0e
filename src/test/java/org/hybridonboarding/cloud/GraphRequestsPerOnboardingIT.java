package org.hybridonboarding.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** What one happy-path onboarding asks of Microsoft Graph, counted by the simulated tenant. */
@TestPropertySource(properties = "onboarding.approval.required=false")
class GraphRequestsPerOnboardingIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;


  @Test
  void countsTheGraphRequestsOfOneOnboarding() throws Exception {
    simulator.resetRequestCounts();
    startOnboarding(request("H00001", "Hugo", "Count", ""));
    JsonNode status = awaitSettled("H00001");
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");

    Map<String, Long> counts = simulator.requestCounts();
    LoggerFactory.getLogger(GraphRequestsPerOnboardingIT.class)
        .info("Graph requests of one happy-path onboarding: {} in all: {}",
            counts.values().stream().mapToLong(Long::longValue).sum(), counts);
    assertThat(counts)
        .containsEntry("GET /subscribedSkus", 1L)
        .containsEntry("POST /users/{id}/assignLicense", 1L)
        .containsEntry("POST /users/{id}/authentication/temporaryAccessPassMethods", 1L)
        .containsEntry("POST /users/{id}/sendMail", 1L)
        .containsEntry("GET /users/{id}/mailboxSettings", 1L);
    assertThat(counts.keySet()).noneMatch(endpoint -> endpoint.startsWith("429") || endpoint.contains("fault"));
  }
}
