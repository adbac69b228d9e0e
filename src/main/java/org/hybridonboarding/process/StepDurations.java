package org.hybridonboarding.process;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * onboarding_step_duration_seconds{step=…} for every task and wait of the diagram, and
 * onboarding_replication_wait_seconds for the wait for Connect Sync. Taken from the engine's
 * history events (Camunda's Spring Boot eventing), recorded only once the step's transaction has
 * committed, so an attempt that rolled back and is retried is not counted.
 */
@Component
class StepDurations {

  private static final Set<String> MEASURED = Set.of("serviceTask", "userTask", "subProcess");

  private final MeterRegistry meters;
  private final Timer replicationWait;

  StepDurations(MeterRegistry meters) {
    this.meters = meters;
    this.replicationWait = Timer.builder("onboarding.replication.wait")
        .description("From the AD account's creation until the user was found in Entra ID")
        .register(meters);
  }

  @EventListener
  public void onActivity(HistoricActivityInstanceEventEntity activity) {
    CommandContext command = Context.getCommandContext();
    if (command == null
        || !HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(activity.getEventType())
        || !MEASURED.contains(activity.getActivityType())
        || !activity.getProcessDefinitionId().startsWith(OnboardingProcess.KEY + ":")) {
      return;
    }
    Date start = startTime(command.getDbEntityManager(), activity);
    if (start == null) {
      return;
    }
    Duration duration = Duration.ofMillis(activity.getEndTime().getTime() - start.getTime());
    Timer step = Timer.builder("onboarding.step.duration").tag("step", activity.getActivityId())
        .description("How long each task or wait of an onboarding took").register(meters);
    boolean replication = OnboardingProcess.SUBPROCESS_WAIT_FOR_REPLICATION.equals(activity.getActivityId());
    command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> {
      step.record(duration);
      if (replication) {
        replicationWait.record(duration);
      }
    });
  }

  /** An end event carries no start; Camunda's own history handler looks it up the same way. */
  private static Date startTime(DbEntityManager db, HistoricActivityInstanceEventEntity ended) {
    if (ended.getStartTime() != null) {
      return ended.getStartTime();
    }
    HistoricActivityInstanceEventEntity started = db.getCachedEntity(HistoricActivityInstanceEventEntity.class, ended.getId());
    if (started == null) {
      started = db.selectById(HistoricActivityInstanceEventEntity.class, ended.getId());
    }
    return started == null ? null : started.getStartTime();
  }
}
