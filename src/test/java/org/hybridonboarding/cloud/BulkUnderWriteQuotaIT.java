package org.hybridonboarding.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A bulk against Graph's write quota, scaled down (10 writes per 5 s instead of 3,000 per 150 s)
 * so that it takes seconds: the onboardings pace their writes under it and finish without a
 * single 429, failed job or incident.
 */
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    "onboarding.simulator.throttling.writes=10",
    "onboarding.simulator.throttling.write-window=PT5S",
    "onboarding.graph.writes-per-window=9",
    "onboarding.graph.write-window=PT5S",
})
class BulkUnderWriteQuotaIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;

  private static final int HIRES = 20;

  @Autowired
  HistoryService history;

  @Test
  void aBulkPacesItselfUnderTheWriteQuota() {
    simulator.resetRequestCounts();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < HIRES; i++) {
      String id = "Q%05d".formatted(i + 1);
      startOnboarding(request(id, "Quinn", "Quota" + (char) ('a' + i % 26) + (char) ('a' + i / 26), ""));
      ids.add(id);
    }
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
        .until(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(ids.toArray(String[]::new))
            .finished().count() == HIRES);

    Map<String, Long> requests = simulator.requestCounts();
    long writes = requests.entrySet().stream().filter(e -> e.getKey().startsWith("POST ") || e.getKey().startsWith("PATCH "))
        .mapToLong(Map.Entry::getValue).sum();
    long throttled = requests.entrySet().stream().filter(e -> e.getKey().startsWith("429 "))
        .mapToLong(Map.Entry::getValue).sum();
    LoggerFactory.getLogger(BulkUnderWriteQuotaIT.class).info("{} onboardings under 10 writes per 5 s: {} writes, {} answered 429; {}",
        HIRES, writes, throttled, requests);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(ids.toArray(String[]::new)).list())
        .extracting(instance -> instance.getEndActivityId()).containsOnly("EndEvent_Onboarded").hasSize(HIRES);
    assertThat(writes).as("enough writes to overrun the quota unpaced").isGreaterThanOrEqualTo(10 * 5);
    assertThat(throttled).as(requests.toString()).isZero();
    assertThat(history.createHistoricJobLogQuery().failureLog().count()).as("failed jobs").isZero();
    assertThat(history.createHistoricIncidentQuery().count()).as("incidents").isZero();
  }
}
