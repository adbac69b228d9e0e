package org.hybridonboarding.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.hybridonboarding.process.Var;
import org.springframework.stereotype.Component;

/** What every lifecycle's status shows of its process: variables, where it waits, open tasks, incidents, how it ended. */
@Component
class ProcessView {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;

  ProcessView(RuntimeService runtime, HistoryService history, TaskService tasks) {
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
  }

  /**
   * Correlates the message. A job of the process (a poll timer, say) may be running right now:
   * then the engine refuses the correlation with nothing changed, and it is simply tried again.
   */
  void correlate(MessageCorrelationBuilder message) {
    for (int attempt = 1; ; attempt++) {
      try {
        message.correlate();
        return;
      } catch (OptimisticLockingException busy) {
        if (attempt == 5) {
          throw busy;
        }
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw busy;
        }
      }
    }
  }

  /** The running instance of that lifecycle for that person (the business key), if there is one. */
  Optional<ProcessInstance> running(String processKey, String employeeId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(employeeId)
        .list().stream().findFirst();
  }

  /** The latest instance of that lifecycle for that person, running or ended. */
  Optional<HistoricProcessInstance> latest(String processKey, String employeeId) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(employeeId).orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).stream().findFirst();
  }

  /** A variable that holds a list joined by the separator, as the status shows it (null stays null). */
  static List<String> split(String joined, String separator) {
    return joined == null ? null : java.util.Arrays.stream(joined.split(separator)).filter(s -> !s.isBlank()).toList();
  }

  Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableBinaryFetching().disableCustomObjectDeserialization().list()) {
      variables.put(variable.getName(), variable.getValue());
    }
    return variables;
  }

  /** Which of the process's end events it reached (the sub-processes' own end events do not count). */
  String endState(String processInstanceId, Map<String, String> endStates) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityType("noneEndEvent").finished().list().stream()
        .map(activity -> endStates.get(activity.getActivityId()))
        .filter(state -> state != null)
        .findFirst()
        .orElse("ENDED");
  }

  /** The onboarding and everything it called that runs now (resolve-problem, undo-onboarding), and theirs. */
  List<String> withCalled(String processInstanceId) {
    List<String> ids = new ArrayList<>(List.of(processInstanceId));
    for (int i = 0; i < ids.size(); i++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list().stream()
          .map(ProcessInstance::getId)
          .forEach(ids::add);
    }
    return ids;
  }

  /**
   * Where it waits. A step that waits in a called process (a person resolving a problem, the
   * undo) shows what it waits at there, e.g. "Solve a licence problem", not the call itself.
   */
  List<String> currentSteps(List<String> processInstanceIds) {
    List<String> steps = new ArrayList<>();
    for (String id : processInstanceIds) {
      ActivityInstance root = runtime.getActivityInstance(id);
      if (root != null) {
        collectLeaves(root, steps);
      }
    }
    return steps;
  }

  private static void collectLeaves(ActivityInstance instance, List<String> steps) {
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
        if (!"callActivity".equals(child.getActivityType())) {
          steps.add(child.getActivityName() != null ? child.getActivityName() : child.getActivityId());
        }
      } else {
        collectLeaves(child, steps);
      }
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      steps.add(transition.getActivityName() != null ? transition.getActivityName() : transition.getActivityId());
    }
  }

  List<OnboardingStatus.OpenTask> openTasks(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new)).list().stream()
        .map(task -> new OnboardingStatus.OpenTask(task.getId(), task.getName(), task.getAssignee(),
            tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList(),
            instant(task.getCreateTime())))
        .toList();
  }

  /**
   * The incidents where something failed: a failure in a called process shows once, where it
   * happened (Camunda also marks the calling step with an incident of its own that points there).
   */
  List<OnboardingStatus.Incident> incidents(List<String> processInstanceIds) {
    List<OnboardingStatus.Incident> found = new ArrayList<>();
    for (String id : processInstanceIds) {
      runtime.createIncidentQuery().processInstanceId(id).list().stream()
          .filter(incident -> incident.getId().equals(incident.getRootCauseIncidentId()))
          .map(incident -> new OnboardingStatus.Incident(incident.getActivityId(), incident.getIncidentType(),
              incident.getIncidentMessage(), instant(incident.getIncidentTimestamp())))
          .forEach(found::add);
    }
    return found;
  }

  static <T> T get(Map<String, Object> variables, Var<T> var) {
    return var.cast(variables.get(var.name())).orElse(null);
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
