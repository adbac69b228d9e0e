package org.hybridonboarding.process;

import static org.hybridonboarding.process.ReplicationWatchProcess.DELTA_LINK_LATEST;
import static org.hybridonboarding.process.ReplicationWatchProcess.DELTA_LINK_PREVIOUS;
import static org.hybridonboarding.process.OnboardingProcess.IMMUTABLE_ID;
import static org.hybridonboarding.process.OnboardingProcess.CLOUD_USER_ID;
import static org.hybridonboarding.process.OnboardingProcess.USER_SYNCED;
import static org.hybridonboarding.process.OnboardingProcess.MESSAGE_USER_REPLICATED;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.hybridonboarding.cloud.UserChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One watch for all onboardings waiting for Connect Sync, instead of one Graph poll per hire:
 * the process {@code replication-watch} asks Graph's delta query once per poll interval which
 * users were synced or changed, and wakes the onboardings waiting for exactly those users
 * (message UserReplicated, matched on employeeId and immutableId). Graph requests per interval
 * stay at one page however many hires wait.
 *
 * <p>Each poll reads from the delta link of the poll before last, so every change is offered
 * twice, one interval apart: an onboarding whose own check missed its user by moments, and which
 * began to wait only after the poll that saw the user, is still woken by the next one.
 *
 * <p>Each watch instance polls once, waits one interval and hands its delta links to a successor,
 * so its history ends and is cleaned like any other. The hand-over and the start at boot take a
 * lock, so two nodes keep one watch.
 */
@Component
class ReplicationWatch {

  private static final Logger log = LoggerFactory.getLogger(ReplicationWatch.class);

  private final RuntimeService runtime;
  private final StartGuard guard;

  ReplicationWatch(RuntimeService runtime, StartGuard guard) {
    this.runtime = runtime;
    this.guard = guard;
  }

  /**
   * Wakes the onboardings waiting for these users; returns how many woke. Only users someone
   * waits for are correlated (one query finds the waiting ones): most synced users were found by
   * their onboarding's own first check, and a poll must stay well inside the job lock time.
   */
  int offer(List<UserChanges.Synced> users) {
    if (users.isEmpty()) {
      return 0;
    }
    Set<String> waiting = new HashSet<>();
    runtime.createProcessInstanceQuery().processDefinitionKey(OnboardingProcess.KEY)
        .activityIdIn(OnboardingProcess.EVENT_USER_REPLICATED).list()
        .forEach(instance -> waiting.add(instance.getBusinessKey()));
    int woken = 0;
    for (UserChanges.Synced user : users) {
      // A rehire's cloud user is there, disabled, before sync carries the enabled account: not yet.
      if (user.enabled() && user.employeeId() != null && waiting.contains(user.employeeId())) {
        // The message brings what the onboarding's check would have asked Graph for.
        woken += runtime.createMessageCorrelation(MESSAGE_USER_REPLICATED)
            .processInstanceBusinessKey(user.employeeId())
            .processInstanceVariableEquals(IMMUTABLE_ID.name(), user.immutableId())
            .setVariable(CLOUD_USER_ID.name(), user.id())
            .setVariable(USER_SYNCED.name(), true)
            .correlateAllWithResult()
            .size();
      }
    }
    return woken;
  }

  @EventListener(PostDeployEvent.class)
  void ensureRunning() {
    guard.exclusively(ReplicationWatchProcess.KEY, () -> {
      if (runtime.createProcessInstanceQuery().processDefinitionKey(ReplicationWatchProcess.KEY).count() == 0) {
        runtime.startProcessInstanceByKey(ReplicationWatchProcess.KEY);
        log.info("Started the replication watch");
      }
      return null;
    });
  }

  /** Starts the next watch with these delta links, unless another watch runs (then this one simply ends). */
  void handOver(String currentInstanceId, String previousLink, String latestLink) {
    guard.exclusively(ReplicationWatchProcess.KEY, () -> {
      boolean another = runtime.createProcessInstanceQuery().processDefinitionKey(ReplicationWatchProcess.KEY).list().stream()
          .anyMatch(instance -> !instance.getId().equals(currentInstanceId));
      if (another) {
        log.info("Another replication watch runs; this one ends");
      } else {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DELTA_LINK_PREVIOUS.name(), previousLink);
        variables.put(DELTA_LINK_LATEST.name(), latestLink);
        runtime.startProcessInstanceByKey(ReplicationWatchProcess.KEY, variables);
      }
      return null;
    });
  }
}
