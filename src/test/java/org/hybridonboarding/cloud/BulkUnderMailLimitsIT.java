package org.hybridonboarding.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A bulk against Exchange Online's sending limits, scaled down so that it takes a minute: each of
 * two sender mailboxes may send 8 messages a minute, and the simulated tenant answers the 9th 429
 * as Exchange Online does. Twelve hires arrive at once; their welcome mails are booked at 6 per
 * sender and minute and go out without a single 429, failed job or incident.
 */
// Spring Boot tests switch metrics export off unless asked: the mail backlog is read from /actuator/prometheus.
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    "onboarding.simulator.mail-limits.messages-per-minute=8",
    "onboarding.mail.messages-per-minute=8",
    "onboarding.mail.booked-per-minute=6",
    "onboarding.credentials.senders=onboarding@contoso.com,onboarding2@contoso.com",
})
class BulkUnderMailLimitsIT extends DemoIntegrationTest {

  private static final int HIRES = 12;

  @Autowired
  SimulatorControls simulator;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aBulkBooksItsWelcomeMailsUnderEachSendersLimitAndSpreadsThemOverThePool() {
    simulator.resetRequestCounts();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < HIRES; i++) {
      String id = "M%05d".formatted(i + 1);
      startOnboarding(request(id, "Mara", "Mailer" + (char) ('a' + i), ""));
      ids.add(id);
    }
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
        .until(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(ids.toArray(String[]::new))
            .finished().count() == HIRES);

    Map<String, Long> requests = simulator.requestCounts();
    LoggerFactory.getLogger(BulkUnderMailLimitsIT.class).info("{} onboardings under 8 mails per minute and sender: {}",
        HIRES, requests);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(ids.toArray(String[]::new)).list())
        .extracting(instance -> instance.getEndActivityId()).containsOnly("EndEvent_Onboarded").hasSize(HIRES);
    assertThat(requests.getOrDefault("POST /users/{id}/sendMail", 0L)).as(requests.toString()).isGreaterThanOrEqualTo(HIRES);
    assertThat(requests.keySet()).as("answered 429").noneMatch(key -> key.startsWith("429 "));
    assertThat(history.createHistoricJobLogQuery().failureLog().count()).as("failed jobs").isZero();
    assertThat(history.createHistoricIncidentQuery().count()).as("incidents").isZero();

    List<HistoricVariableInstance> senders = history.createHistoricVariableInstanceQuery().variableName("mailSender").list()
        .stream().filter(v -> ids.contains(businessKey(v.getProcessInstanceId()))).toList();
    Map<Object, Long> perSender = senders.stream().collect(Collectors.groupingBy(HistoricVariableInstance::getValue, Collectors.counting()));
    assertThat(perSender.keySet()).as("welcome mails per sender: %s", perSender)
        .containsExactlyInAnyOrder("onboarding@contoso.com", "onboarding2@contoso.com");
    assertThat(perSender.values()).as("welcome mails per sender: %s", perSender).allMatch(count -> count >= HIRES / 2 - 2);
    for (String sender : List.of("onboarding@contoso.com", "onboarding2@contoso.com")) {
      List<Instant> sent = jdbc.queryForList("SELECT SENT_AT_ FROM HO_MAIL_SLOT WHERE SENDER_ = ? AND SENT_AT_ IS NOT NULL "
          + "ORDER BY SENT_AT_", Timestamp.class, sender).stream().map(Timestamp::toInstant).toList();
      assertThat(MailSlotsTest.maxInAnyMinute(sent)).as("mails from %s in any minute", sender).isLessThanOrEqualTo(7);
    }

    String metrics = get("/actuator/prometheus", "admin").body();
    assertThat(metrics).contains("onboarding_mail_sent_total{kind=\"welcome\"")
        .contains("onboarding_mail_queued ").contains("onboarding_mail_throttled_total ")
        .as("a bulk starting in three days: no mail late").contains("onboarding_mail_late 0.0");
  }

  private String businessKey(String processInstanceId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey();
  }
}
