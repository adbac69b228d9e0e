package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What one happy-path onboarding in direct mode costs: Graph requests (counted by the simulated
 * tenant), jobs and history rows (read from the database). The benchmark measures the same in bulk.
 */
@TestPropertySource(properties = {"onboarding.approval.required=false", "onboarding.simulator.mailbox-delay=PT0S"})
class CostPerOnboardingIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;
  @Autowired
  HistoryService history;
  @Autowired
  DataSource database;

  @Test
  void oneOnboardingCostsAtMostSevenGraphRequestsFiveJobsAndFiftyHistoryRows() throws Exception {
    simulator.resetRequestCounts();
    startOnboarding(request("H00001", "Hugo", "Count", ""));
    JsonNode status = awaitSettled("H00001");
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");

    Map<String, Long> graph = new TreeMap<>(simulator.requestCounts());
    // The replication watch's polls: one a second here, for all onboardings together.
    graph.remove("GET /users/delta");
    String id = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("H00001")
        .processDefinitionKey(OnboardingProcess.KEY).singleResult().getId();
    long jobs = history.createHistoricJobLogQuery().processInstanceId(id).successLog().count();
    Map<String, Long> rows = historyRows(id);
    LoggerFactory.getLogger(CostPerOnboardingIT.class).info("One happy-path onboarding: {} Graph requests {}, {} jobs, {} history rows {}",
        graph.values().stream().mapToLong(Long::longValue).sum(), graph, jobs,
        rows.values().stream().mapToLong(Long::longValue).sum(), rows);
    LoggerFactory.getLogger(CostPerOnboardingIT.class).info("Variables: {}; job log: {}",
        history.createHistoricVariableInstanceQuery().processInstanceId(id).list().stream()
            .map(v -> v.getName() + "=" + v.getValue()).sorted().toList(),
        history.createHistoricJobLogQuery().processInstanceId(id).list().stream()
            .map(j -> j.getActivityId() + (j.isSuccessLog() ? " ok" : j.isFailureLog() ? " failed" : j.isDeletionLog() ? " deleted" : " created")).toList());

    assertThat(graph)
        .containsEntry("GET /subscribedSkus", 1L)
        .containsEntry("GET /users", 2L)
        .containsEntry("POST /users/{id}/assignLicense", 1L)
        .containsEntry("GET /users/{id}/mailboxSettings", 1L)
        .containsEntry("POST /users/{id}/authentication/temporaryAccessPassMethods", 1L)
        .containsEntry("POST /users/{id}/sendMail", 1L);
    assertThat(graph.keySet()).noneMatch(endpoint -> endpoint.startsWith("429") || endpoint.contains("fault"));
    assertThat(graph.values().stream().mapToLong(Long::longValue).sum()).as("Graph requests").isLessThanOrEqualTo(7);
    assertThat(jobs).as("jobs").isLessThanOrEqualTo(5);
    assertThat(rows.values().stream().mapToLong(Long::longValue).sum()).as("history rows " + rows).isLessThanOrEqualTo(50);
  }

  /** The rows of every history table that belong to this onboarding (and what it called). */
  private Map<String, Long> historyRows(String processInstanceId) throws Exception {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection connection = database.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet found = connection.getMetaData().getColumns(null, null, "ACT_HI_%", "ROOT_PROC_INST_ID_")) {
        while (found.next()) {
          tables.add(found.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
        }
      }
      for (String table : tables) {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ?")) {
          count.setString(1, processInstanceId);
          try (ResultSet result = count.executeQuery()) {
            result.next();
            if (result.getLong(1) > 0) {
              rows.put(table, result.getLong(1));
            }
          }
        }
      }
    }
    return rows;
  }
}
