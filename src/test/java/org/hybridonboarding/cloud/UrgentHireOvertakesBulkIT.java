package org.hybridonboarding.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A hire who starts today does not wait behind a bulk that starts in three days. One sender mailbox
 * may send 4 messages a minute (the simulated tenant answers the 5th 429) and books 2: the bulk's
 * five mails queue for two and a half minutes. The hire arrives once they are booked; its mail
 * takes the slot of one of them, and the overtaken mail books again when its slot comes.
 */
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    "onboarding.simulator.mail-limits.messages-per-minute=4",
    "onboarding.mail.messages-per-minute=4",
    "onboarding.mail.booked-per-minute=2",
})
class UrgentHireOvertakesBulkIT extends DemoIntegrationTest {

  private static final int BULK = 5;

  @Autowired
  SimulatorControls simulator;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aHireStartingTodayHasItsMailBeforeTheRestOfABulkStartingLater() {
    simulator.resetRequestCounts();
    List<String> bulk = new ArrayList<>();
    for (int i = 0; i < BULK; i++) {
      String id = "U%05d".formatted(i + 1);
      startOnboarding(request(id, "Ulla", "Later" + (char) ('a' + i), ""));
      bulk.add(id);
    }
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
        .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM HO_MAIL_SLOT WHERE DUE_ IS NOT NULL", Integer.class) >= BULK);

    startOnboarding("""
        {"employeeId":"U09999","givenName":"Una","surname":"Today","department":"Finance","jobTitle":"Accountant",
         "managerEmployeeId":"E00001","usageLocation":"DE","startDate":"%s"}""".formatted(LocalDate.now()));
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> finished("U09999") != null);
    long bulkDone = bulk.stream().filter(id -> finished(id) != null).count();
    assertThat(bulkDone).as("bulk onboardings finished when today's hire had its mail").isLessThan(BULK);

    // While a mail waits for its slot, the hire's status says when it goes: the time of a booked slot.
    List<Instant> mailAt = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> bulk.stream().map(this::credentialsMailAt).filter(Objects::nonNull).toList(), list -> !list.isEmpty());
    assertThat(jdbc.queryForList("SELECT AT_ FROM HO_MAIL_SLOT", Timestamp.class))
        .map(at -> at.toInstant().truncatedTo(ChronoUnit.MILLIS)).containsAll(mailAt);

    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
        .until(() -> bulk.stream().allMatch(id -> finished(id) != null));
    assertThat(bulk).map(this::finished).extracting(HistoricProcessInstance::getEndActivityId).containsOnly("EndEvent_Onboarded");
    assertThat(finished("U09999").getEndActivityId()).isEqualTo("EndEvent_Onboarded");
    assertThat(bulk).map(this::credentialsMailAt).as("once the mails went").containsOnlyNulls();
    // The overtaken mail's process went through the booking a third time: booked, slot gone, booked again.
    assertThat(bulk).anyMatch(id -> history.createHistoricActivityInstanceQuery()
        .processInstanceId(finished(id).getId()).activityId("Task_BookMailSlot").count() >= 3);
    Map<String, Long> requests = simulator.requestCounts();
    assertThat(requests.keySet()).as("answered 429").noneMatch(key -> key.startsWith("429 "));
    assertThat(history.createHistoricJobLogQuery().failureLog().count()).as("failed jobs").isZero();
    assertThat(history.createHistoricIncidentQuery().count()).as("incidents").isZero();
    assertThat(get("/actuator/prometheus", "admin").body()).containsPattern("onboarding_mail_overtaken_total [1-9]");
  }

  private Instant credentialsMailAt(String employeeId) {
    try {
      JsonNode at = status(employeeId).path("cloud").path("credentialsMailAt");
      return at.isTextual() ? Instant.parse(at.asText()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HistoricProcessInstance finished(String employeeId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(employeeId).finished().singleResult();
  }
}
