package org.hybridonboarding.api;

import static org.hybridonboarding.process.OnboardingProcess.ACCOUNT_DN;
import static org.hybridonboarding.process.OnboardingProcess.CLOUD_USER_ID;
import static org.hybridonboarding.process.OnboardingProcess.CREDENTIALS_SENT_TO;
import static org.hybridonboarding.process.OnboardingProcess.IMMUTABLE_ID;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU;
import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU_ID;
import static org.hybridonboarding.process.OnboardingProcess.MAIL;
import static org.hybridonboarding.process.OnboardingProcess.MAILBOX_READY;
import static org.hybridonboarding.process.OnboardingProcess.MAIL_SLOT_AT;
import static org.hybridonboarding.process.OnboardingProcess.MAIL_SLOT_DUE;
import static org.hybridonboarding.process.OnboardingProcess.REHIRE;
import static org.hybridonboarding.process.OnboardingProcess.REJECTION_REASON;
import static org.hybridonboarding.process.OnboardingProcess.SAM_ACCOUNT_NAME;
import static org.hybridonboarding.process.OnboardingProcess.TIME_ZONE;
import static org.hybridonboarding.process.OnboardingProcess.USER_PRINCIPAL_NAME;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hybridonboarding.offboarding.OffboardingProcess;
import org.hybridonboarding.process.OnboardingProcess;
import org.hybridonboarding.process.StartGuard;
import org.hybridonboarding.process.OnboardingRequest;
import org.hybridonboarding.process.Var;
import org.springframework.stereotype.Service;

/** Starts onboardings and reports on them, from the engine's runtime and history. */
@Service
class OnboardingService {

  /** Thrown when an onboarding for that employeeId is running already. */
  static class AlreadyRunningException extends RuntimeException {
    AlreadyRunningException(String employeeId) {
      super("An onboarding for employeeId " + employeeId + " is already running");
    }
  }

  private static final Map<String, String> END_STATES = Map.of(
      OnboardingProcess.END_EVENT_ONBOARDED, "ONBOARDED",
      OnboardingProcess.END_EVENT_ONBOARDED_MANUALLY, "ONBOARDED",
      OnboardingProcess.END_EVENT_REJECTED, "REJECTED",
      OnboardingProcess.END_EVENT_INVALID, "INVALID",
      OnboardingProcess.END_EVENT_ABORTED, "ABORTED",
      OnboardingProcess.END_EVENT_CANCELLED, "CANCELLED");

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final StartGuard guard;
  private final ProcessView view;
  private final org.camunda.bpm.engine.IdentityService identity;

  OnboardingService(RuntimeService runtime, HistoryService history, TaskService tasks, StartGuard guard, ProcessView view,
      org.camunda.bpm.engine.IdentityService identity) {
    this.identity = identity;
    this.guard = guard;
    this.view = view;
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
  }

  OnboardingStatus start(OnboardingRequest request) {
    // Two identical requests, on one node or two, cannot both pass the check.
    guard.exclusively(request.employeeId(), () -> {
      if (isRunning(request.employeeId())) {
        throw new AlreadyRunningException(request.employeeId());
      }
      Optional<ProcessInstance> offboarding = view.running(OffboardingProcess.KEY, request.employeeId());
      if (offboarding.isPresent()) {
        if (!waitsAfterTheCut(offboarding.get().getId())) {
          throw new OffboardingService.ConflictException("An offboarding of employeeId " + request.employeeId()
              + " runs (GET /api/offboardings/" + request.employeeId() + ")");
        }
        // A rehire of someone offboarded whose offboarding still waits (reinstatement window, retention):
        // the onboarding takes the account over, the offboarding ends here.
        endForRehire(offboarding.get().getId());
      }
      if (view.running(org.hybridonboarding.transfer.TransferProcess.KEY, request.employeeId()).isPresent()) {
        throw new OffboardingService.ConflictException("A transfer of employeeId " + request.employeeId()
            + " runs (GET /api/transfers/" + request.employeeId() + ")");
      }
      return runtime.startProcessInstanceByKey(OnboardingProcess.KEY, request.employeeId(), request.toVariables());
    });
    return status(request.employeeId()).orElseThrow();
  }

  /** Why an offboarding ended early: the person was hired again. */
  static final String REHIRED = "Rehired: a new onboarding took the account over";

  /**
   * The product ends the offboarding, not the caller: a requester may start an onboarding but not
   * delete process instances, so this one call runs without the caller's authorizations.
   */
  private void endForRehire(String offboardingId) {
    org.camunda.bpm.engine.impl.identity.Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      runtime.deleteProcessInstance(offboardingId, REHIRED, true, true);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** Offboarded, and only waiting now: for a reinstatement that nobody asked for, or for the retention to end. */
  private boolean waitsAfterTheCut(String offboardingId) {
    return runtime.getVariable(offboardingId, OffboardingProcess.OFFBOARDED_AT.name()) != null
        && runtime.getVariable(offboardingId, OffboardingProcess.REVERSED_BY.name()) == null
        && runtime.createExecutionQuery().processInstanceId(offboardingId)
            .activityId(OffboardingProcess.TIMER_RETENTION).count()
        + runtime.createEventSubscriptionQuery().processInstanceId(offboardingId)
            .eventName(OffboardingProcess.MESSAGE_REINSTATE).count() > 0;
  }

  /** Thrown when there is an onboarding for that employeeId but none is running. */
  static class NotRunningException extends RuntimeException {
    NotRunningException(String employeeId, String status) {
      super("The onboarding for employeeId " + employeeId + " has ended (" + status + "): nothing to cancel");
    }
  }

  /**
   * Cancels the running onboarding: the process undoes what it did (licences, AD account) on its
   * own; the answer is the state right after the request was accepted.
   */
  Optional<OnboardingStatus> cancel(String employeeId, String reason, String cancelledBy) {
    Optional<OnboardingStatus> current = status(employeeId);
    if (current.isEmpty()) {
      return current;
    }
    if (!isRunning(employeeId)) {
      throw new NotRunningException(employeeId, current.get().status());
    }
    view.correlate(runtime.createMessageCorrelation(OnboardingProcess.MESSAGE_CANCEL)
        .processInstanceBusinessKey(employeeId)
        .setVariable(OnboardingProcess.CANCELLATION_REASON.name(), reason)
        .setVariable(OnboardingProcess.CANCELLED_BY.name(), cancelledBy));
    return status(employeeId);
  }

  /** Whether an onboarding of that person runs: an offboarding waits for it to end. */
  boolean isRunning(String employeeId) {
    return view.running(OnboardingProcess.KEY, employeeId).isPresent();
  }

  /** The newest onboarding for that employeeId, running or ended. */
  Optional<OnboardingStatus> status(String employeeId) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(OnboardingProcess.KEY)
        .processInstanceBusinessKey(employeeId)
        .orderByProcessInstanceStartTime().desc()
        .listPage(0, 1);
    return instances.stream().findFirst().map(this::status);
  }

  private OnboardingStatus status(HistoricProcessInstance instance) {
    String id = instance.getId();
    Map<String, Object> variables = view.variables(id);
    boolean running = instance.getEndTime() == null;
    // Looked up once: steps, tasks and incidents all span the onboarding and what it called.
    List<String> instances = running ? view.withCalled(id) : List.of();
    String state = running ? "RUNNING" : endState(id);
    return new OnboardingStatus(
        instance.getBusinessKey(),
        id,
        state,
        Boolean.TRUE.equals(get(variables, REHIRE)),
        get(variables, TIME_ZONE),
        view.currentSteps(instances),
        instant(instance.getStartTime()),
        instant(instance.getEndTime()),
        get(variables, REJECTION_REASON),
        new OnboardingStatus.Account(get(variables, SAM_ACCOUNT_NAME), get(variables, USER_PRINCIPAL_NAME),
            get(variables, MAIL), get(variables, ACCOUNT_DN), get(variables, IMMUTABLE_ID)),
        new OnboardingStatus.Cloud(get(variables, CLOUD_USER_ID), get(variables, LICENSE_SKU),
            get(variables, LICENSE_SKU_ID), get(variables, MAILBOX_READY), running ? welcomeMailAt(id) : null,
            get(variables, CREDENTIALS_SENT_TO)),
        view.openTasks(instances),
        view.incidents(instances));
  }

  /**
   * When the welcome mail goes, while it waits for its slot: the runtime's, since history keeps
   * neither value (a bulk books thousands, and they mean nothing once the mail went).
   */
  private Instant welcomeMailAt(String processInstanceId) {
    Map<String, Object> slot = new HashMap<>();
    runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
        .variableNameIn(MAIL_SLOT_AT.name(), MAIL_SLOT_DUE.name()).disableBinaryFetching().list()
        .forEach(variable -> slot.put(variable.getName(), variable.getValue()));
    return Boolean.FALSE.equals(get(slot, MAIL_SLOT_DUE)) ? instant(get(slot, MAIL_SLOT_AT)) : null;
  }

  /** Which of the process's end events it reached (the sub-processes' own end events do not count). */
  private String endState(String processInstanceId) {
    return view.endState(processInstanceId, END_STATES);
  }

  private static <T> T get(Map<String, Object> variables, Var<T> var) {
    return ProcessView.get(variables, var);
  }

  private static Instant instant(Date date) {
    return ProcessView.instant(date);
  }
}
