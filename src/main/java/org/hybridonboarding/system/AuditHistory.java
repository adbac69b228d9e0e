package org.hybridonboarding.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.hybridonboarding.process.OnboardingProcess;
import org.springframework.stereotype.Component;

/**
 * What history keeps, at Camunda's level "full": everything an auditor or an operator reads —
 * each process instance, each task, timer, message, sub-process, call and end event with its start
 * and end, each task with who was assigned and its candidate groups, each variable's last value,
 * every incident, every failed or succeeded job, and the user operation log (who completed
 * which task, who retried a job in Cockpit, who modified or cancelled an instance) — but not what
 * nobody reads and every onboarding paid for: a row per exclusive gateway and per none start event
 * passed, a row per job created or deleted (its success or failure is logged), a copy of every
 * variable at every change (ACT_HI_DETAIL), and an onboarding's working values and the waits' end
 * events (OnboardingProcess.VARIABLES_NOT_IN_HISTORY, ACTIVITIES_NOT_IN_HISTORY). README, "What history keeps".
 */
@Component
class AuditHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Camunda's own database handler, minus the rows above. */
  static final class Handler extends DbHistoryEventHandler {

    /** Activity types whose passing says nothing the next activity does not (Camunda's ActivityTypes). */
    static final Set<String> UNREAD_ACTIVITIES = Set.of("exclusiveGateway", "inclusiveGateway", "startEvent");

    @Override
    public void handleEvent(HistoryEvent event) {
      if (kept(event)) {
        super.handleEvent(event);
      }
    }

    static boolean kept(HistoryEvent event) {
      boolean onboarding = OnboardingProcess.KEY.equals(event.getProcessDefinitionKey());
      if (event instanceof HistoricActivityInstanceEventEntity activity) {
        return !UNREAD_ACTIVITIES.contains(activity.getActivityType())
            && !(onboarding && OnboardingProcess.ACTIVITIES_NOT_IN_HISTORY.contains(activity.getActivityId()));
      }
      if (event instanceof HistoricJobLogEvent job) {
        // Created: its success or failure follows. Deleted: a boundary timer whose wait ended, or an instance's end.
        return job.getState() == JobState.FAILED.getStateCode() || job.getState() == JobState.SUCCESSFUL.getStateCode();
      }
      if (event instanceof HistoricVariableUpdateEventEntity variable && onboarding) {
        return !OnboardingProcess.VARIABLES_NOT_IN_HISTORY.contains(variable.getVariableName());
      }
      return true;
    }

    /** The variable's instance (its last value) is kept; its copy per change is not. */
    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
