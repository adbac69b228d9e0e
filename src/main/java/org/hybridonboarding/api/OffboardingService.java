package org.hybridonboarding.api;

import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hybridonboarding.directory.LeaverDirectory;
import org.hybridonboarding.offboarding.OffboardingRequest;
import org.hybridonboarding.process.StartGuard;
import org.springframework.stereotype.Service;

/** Starts offboardings, withdraws or reverses them, and reports on them. */
@Service
class OffboardingService {

  /** 409: the request does not fit the person's state now. */
  static class ConflictException extends RuntimeException {
    ConflictException(String message) {
      super(message);
    }
  }

  /** 404: no account of that person in the OUs this product manages. */
  static class NoAccountException extends RuntimeException {
    NoAccountException(String message) {
      super(message);
    }
  }

  private static final Map<String, String> END_STATES = Map.of(
      END_EVENT_OFFBOARDED, "OFFBOARDED",
      END_EVENT_WITHDRAWN, "WITHDRAWN",
      END_EVENT_REINSTATED, "REINSTATED",
      END_EVENT_ABORTED, "ABORTED",
      END_EVENT_INVALID, "INVALID",
      END_EVENT_REJECTED, "REJECTED");

  private final RuntimeService runtime;
  private final StartGuard guard;
  private final ProcessView view;
  private final LeaverDirectory directory;
  private final OnboardingService onboardings;

  OffboardingService(RuntimeService runtime, StartGuard guard, ProcessView view,
      LeaverDirectory directory, OnboardingService onboardings) {
    this.runtime = runtime;
    this.guard = guard;
    this.view = view;
    this.directory = directory;
    this.onboardings = onboardings;
  }

  OffboardingStatus start(OffboardingRequest request, String requestedBy) {
    String employeeId = request.employeeId();
    guard.exclusively(employeeId, () -> {
      if (onboardings.isRunning(employeeId)) {
        throw new ConflictException("An onboarding of employeeId " + employeeId + " is running: cancel it instead "
            + "(DELETE /api/onboardings/" + employeeId + ")");
      }
      if (view.running(org.hybridonboarding.transfer.TransferProcess.KEY, employeeId).isPresent()) {
        throw new ConflictException("A transfer of employeeId " + employeeId + " runs: withdraw it first "
            + "(DELETE /api/transfers/" + employeeId + ") or wait until it has ended");
      }
      if (running(employeeId).isPresent()) {
        throw new ConflictException("An offboarding of employeeId " + employeeId + " exists already ("
            + status(employeeId).map(OffboardingStatus::status).orElse("RUNNING") + ")");
      }
      LeaverDirectory.Leaver account = directory.find(employeeId)
          .orElseThrow(() -> new NoAccountException("No account has employeeID " + employeeId));
      switch (account.place()) {
        case ELSEWHERE -> throw new NoAccountException("The account with employeeID " + employeeId
            + " is not in an OU Hybrid Onboarding manages");
        case LEAVERS, REMOVED -> throw new ConflictException("The account with employeeID " + employeeId
            + " is offboarded already (" + account.dn() + ")");
        default -> { }
      }
      Map<String, Object> variables = request.toVariables();
      variables.put(REQUESTED_BY.name(), requestedBy);
      return runtime.startProcessInstanceByKey(KEY, employeeId, variables);
    });
    return status(employeeId).orElseThrow();
  }

  /**
   * Before the cut: withdrawn, nothing changed. After it, while reinstatement is open: the person
   * comes back. Otherwise 409, saying why.
   */
  Optional<OffboardingStatus> reverse(String employeeId, String reason, String by) {
    Optional<OffboardingStatus> current = status(employeeId);
    if (current.isEmpty()) {
      return current;
    }
    Optional<ProcessInstance> instance = running(employeeId);
    if (instance.isEmpty()) {
      throw new ConflictException("The offboarding of employeeId " + employeeId + " has ended ("
          + current.get().status() + "): nothing to withdraw or reverse");
    }
    String id = instance.get().getId();
    String message = waitsFor(id, MESSAGE_WITHDRAW) ? MESSAGE_WITHDRAW : waitsFor(id, MESSAGE_REINSTATE) ? MESSAGE_REINSTATE : null;
    if (message == null) {
      throw new ConflictException(switch (current.get().status()) {
        case "OFFBOARDED" -> "The reinstatement window of employeeId " + employeeId + " closed at "
            + current.get().done().reinstateUntil() + ": onboard the person again instead";
        case "SCHEDULED" -> "The offboarding of employeeId " + employeeId + " waits for approval: reject it in Tasklist";
        default -> "The offboarding of employeeId " + employeeId + " is cutting access right now; try again when it is "
            + "OFFBOARDED to reinstate the person";
      });
    }
    view.correlate(runtime.createMessageCorrelation(message).processInstanceId(id)
        .setVariable(REVERSED_BY.name(), by)
        .setVariable(REVERSAL_REASON.name(), reason));
    return status(employeeId);
  }

  Optional<OffboardingStatus> status(String employeeId) {
    return view.latest(KEY, employeeId).map(this::status);
  }

  private Optional<ProcessInstance> running(String employeeId) {
    return view.running(KEY, employeeId);
  }

  private boolean waitsFor(String processInstanceId, String message) {
    return runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventType("message")
        .eventName(message).count() > 0;
  }

  private OffboardingStatus status(HistoricProcessInstance instance) {
    String id = instance.getId();
    Map<String, Object> v = view.variables(id);
    boolean running = instance.getEndTime() == null;
    List<String> instances = running ? view.withCalled(id) : List.of();
    String state;
    if (!running) {
      // A rehire ends the offboarding that still waited after the cut: the person was offboarded.
      state = OnboardingService.REHIRED.equals(instance.getDeleteReason()) ? "OFFBOARDED" : view.endState(id, END_STATES);
    } else if (get(v, OFFBOARDED_AT) != null) {
      state = waitsFor(id, MESSAGE_REINSTATE) || !runtime.createExecutionQuery().processInstanceId(id)
          .activityId(TIMER_RETENTION).list().isEmpty() ? "OFFBOARDED" : "RUNNING";
    } else {
      state = waitsFor(id, MESSAGE_WITHDRAW) || !runtime.createExecutionQuery().processInstanceId(id)
          .activityId(TASK_APPROVE).list().isEmpty() ? "SCHEDULED" : "RUNNING";
    }
    return new OffboardingStatus(instance.getBusinessKey(), id, state, view.currentSteps(instances),
        ProcessView.instant(instance.getStartTime()), ProcessView.instant(instance.getEndTime()),
        get(v, LAST_WORKING_DAY), get(v, MAILBOX), get(v, TIME_ZONE), ProcessView.instant(get(v, CUT_AT)),
        get(v, REJECTION_REASON),
        new OffboardingStatus.Done(ProcessView.instant(get(v, DISABLED_AT)), get(v, SESSIONS_REVOKED), get(v, PASSES_DELETED),
            get(v, MAILBOX_TYPE), get(v, ACCESS_GRANTED_TO), ProcessView.split(get(v, LICENSES_REMOVED), ","),
            get(v, LICENSES_KEPT_BECAUSE), ProcessView.split(get(v, GROUPS_REMOVED), "\n"), get(v, MOVED_TO),
            ProcessView.instant(get(v, OFFBOARDED_AT)), ProcessView.instant(get(v, REINSTATE_UNTIL)),
            ProcessView.instant(get(v, DELETE_AT)), get(v, ACCOUNT_DELETED), get(v, CREDENTIALS_SENT_TO)),
        view.openTasks(instances), view.incidents(instances));
  }

  private static <T> T get(Map<String, Object> variables, org.hybridonboarding.process.Var<T> var) {
    return ProcessView.get(variables, var);
  }
}
