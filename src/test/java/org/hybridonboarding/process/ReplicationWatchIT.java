package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.hybridonboarding.process.OnboardingProcess;
import org.hybridonboarding.process.ReplicationWatchProcess;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Onboardings waiting for Connect Sync cost Graph one delta request per poll interval, whether 5
 * or 25 wait; and once sync has run, the first poll after it wakes every one of them.
 */
@TestPropertySource(properties = "onboarding.approval.required=false")
class ReplicationWatchIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;

  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;

  /** Graph requests and finished polls over a few poll intervals while hires wait. */
  private record Window(long polls, Map<String, Long> requests) {
    long delta() {
      return requests.getOrDefault("GET /users/delta", 0L);
    }

    long otherUserReads() {
      return requests.entrySet().stream().filter(e -> e.getKey().startsWith("GET /users") && !e.getKey().equals("GET /users/delta"))
          .mapToLong(Map.Entry::getValue).sum();
    }
  }

  private long finishedPolls() {
    return history.createHistoricActivityInstanceQuery().activityId(ReplicationWatchProcess.TASK_POLL_DIRECTORY_CHANGES).finished().count();
  }

  private Window measure(int polls) {
    simulator.resetRequestCounts();
    long before = finishedPolls();
    await().atMost(Duration.ofSeconds(30)).until(() -> finishedPolls() >= before + polls);
    // Counted at the moment the polls finished: another may have begun, so allow for it in the caller.
    return new Window(finishedPolls() - before, simulator.requestCounts());
  }

  private void startWaiting(int from, int count, int waitingAfter) {
    for (int i = from; i < from + count; i++) {
      startOnboarding(request("R%05d".formatted(i), "Rea", "Watch" + (char) ('a' + i % 26) + (char) ('a' + i / 26), ""));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createEventSubscriptionQuery()
        .eventName(OnboardingProcess.MESSAGE_USER_REPLICATED).count() == waitingAfter);
  }

  @Test
  void requestsPerIntervalDoNotGrowWithWaitingHiresAndSyncedHiresWakeAtTheNextPoll() {
    simulator.pauseSync();
    startWaiting(1, 5, 5);
    Window few = measure(3);
    startWaiting(6, 20, 25);
    Window many = measure(3);
    LoggerFactory.getLogger(ReplicationWatchIT.class).info("5 waiting: {} polls, Graph {}; 25 waiting: {} polls, Graph {}",
        few.polls(), few.requests(), many.polls(), many.requests());
    // One delta request per poll, nothing per hire. The window's edges may cut one poll either way:
    // one that asked before the count began and finished inside it, or one that asked inside and is still running.
    assertThat(few.delta()).isBetween(few.polls() - 1, few.polls() + 1);
    assertThat(many.delta()).isBetween(many.polls() - 1, many.polls() + 1);
    assertThat(few.otherUserReads()).isZero();
    assertThat(many.otherUserReads()).isZero();

    Date synced = new Date();
    simulator.runSyncCycle();
    simulator.resumeSync();
    await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createEventSubscriptionQuery()
        .eventName(OnboardingProcess.MESSAGE_USER_REPLICATED).count() == 0);

    // Woken by the first poll that began after sync exported them (or by one already under way).
    List<HistoricActivityInstance> polls = history.createHistoricActivityInstanceQuery()
        .activityId(ReplicationWatchProcess.TASK_POLL_DIRECTORY_CHANGES).finished().orderByHistoricActivityInstanceStartTime().asc().list();
    HistoricActivityInstance firstAfter = polls.stream().filter(p -> !p.getStartTime().before(synced)).findFirst().orElseThrow();
    int wokenUpToFirstAfter = polls.stream()
        .filter(p -> !p.getStartTime().after(firstAfter.getStartTime()) && !p.getEndTime().before(synced))
        .mapToInt(p -> (Integer) history.createHistoricVariableInstanceQuery().processInstanceId(p.getProcessInstanceId())
            .variableName(ReplicationWatchProcess.ONBOARDINGS_WOKEN.name()).singleResult().getValue())
        .sum();
    assertThat(wokenUpToFirstAfter).isEqualTo(25);
    for (int i = 1; i <= 25; i++) {
      String id = "R%05d".formatted(i);
      assertThat(awaitSettled(id).path("status").asText()).as(id).isEqualTo("ONBOARDED");
    }
  }
}
