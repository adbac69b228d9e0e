package org.hybridonboarding.api;

import static org.hybridonboarding.transfer.TransferProcess.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hybridonboarding.directory.MoverDirectory;
import org.hybridonboarding.offboarding.OffboardingProcess;
import org.hybridonboarding.process.RequestRules;
import org.hybridonboarding.process.StartGuard;
import org.hybridonboarding.process.Var;
import org.hybridonboarding.transfer.Change;
import org.hybridonboarding.transfer.TransferRequest;
import org.springframework.stereotype.Service;

/** Starts transfers, withdraws them before their effective date, and reports on them. */
@Service
class TransferService {

  private static final Map<String, String> END_STATES = Map.of(
      END_EVENT_TRANSFERRED, "TRANSFERRED",
      END_EVENT_WITHDRAWN, "WITHDRAWN",
      END_EVENT_ABORTED, "ABORTED",
      END_EVENT_INVALID, "INVALID",
      END_EVENT_REJECTED, "REJECTED");

  private final RuntimeService runtime;
  private final StartGuard guard;
  private final ProcessView view;
  private final MoverDirectory directory;
  private final OnboardingService onboardings;

  TransferService(RuntimeService runtime, StartGuard guard, ProcessView view,
      MoverDirectory directory, OnboardingService onboardings) {
    this.runtime = runtime;
    this.guard = guard;
    this.view = view;
    this.directory = directory;
    this.onboardings = onboardings;
  }

  boolean isRunning(String employeeId) {
    return view.running(KEY, employeeId).isPresent();
  }

  TransferStatus start(TransferRequest request, String requestedBy) {
    String employeeId = request.employeeId();
    guard.exclusively(employeeId, () -> {
      if (onboardings.isRunning(employeeId)) {
        throw new OffboardingService.ConflictException("An onboarding of employeeId " + employeeId + " is running "
            + "(GET /api/onboardings/" + employeeId + "): transfer the person once it has ended");
      }
      if (view.running(OffboardingProcess.KEY, employeeId).isPresent()) {
        throw new OffboardingService.ConflictException("An offboarding of employeeId " + employeeId + " runs "
            + "(GET /api/offboardings/" + employeeId + ")");
      }
      if (isRunning(employeeId)) {
        throw new OffboardingService.ConflictException("A transfer of employeeId " + employeeId + " is under way ("
            + status(employeeId).map(TransferStatus::status).orElse("RUNNING") + "): withdraw it first "
            + "(DELETE /api/transfers/" + employeeId + ") or wait until it has ended");
      }
      MoverDirectory.Mover account = directory.findManaged(employeeId).orElseThrow(() ->
          new OffboardingService.NoAccountException("No account with employeeID " + employeeId
              + " in the OUs Hybrid Onboarding manages"));
      if (Change.between(request, account).isEmpty()) {
        throw new InvalidRequestException(List.of(new RequestRules.Violation("request",
            "changes nothing: AD holds these values already")));
      }
      Map<String, Object> variables = request.toVariables();
      variables.put(REQUESTED_BY.name(), requestedBy);
      return runtime.startProcessInstanceByKey(KEY, employeeId, variables);
    });
    return status(employeeId).orElseThrow();
  }

  /** Before the effective date: withdrawn, nothing changed. Otherwise 409, saying why. */
  Optional<TransferStatus> withdraw(String employeeId, String reason, String by) {
    Optional<TransferStatus> current = status(employeeId);
    if (current.isEmpty()) {
      return current;
    }
    Optional<ProcessInstance> instance = view.running(KEY, employeeId);
    if (instance.isEmpty()) {
      throw new OffboardingService.ConflictException("The transfer of employeeId " + employeeId + " has ended ("
          + current.get().status() + "): nothing to withdraw; request another transfer to change it back");
    }
    String id = instance.get().getId();
    if (!waitsForWithdrawal(id)) {
      throw new OffboardingService.ConflictException(current.get().currentSteps().contains(TASK_APPROVE)
          ? "The transfer of employeeId " + employeeId + " waits for approval: reject it in Tasklist"
          : "The transfer of employeeId " + employeeId + " is being made (its effective date has come): "
              + "request another transfer to change it back");
    }
    view.correlate(runtime.createMessageCorrelation(MESSAGE_WITHDRAW).processInstanceId(id)
        .setVariable(WITHDRAWN_BY.name(), by)
        .setVariable(WITHDRAWAL_REASON.name(), reason));
    return status(employeeId);
  }

  Optional<TransferStatus> status(String employeeId) {
    return view.latest(KEY, employeeId).map(this::status);
  }

  private boolean waitsForWithdrawal(String processInstanceId) {
    return runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventType("message")
        .eventName(MESSAGE_WITHDRAW).count() > 0;
  }

  private TransferStatus status(HistoricProcessInstance instance) {
    String id = instance.getId();
    Map<String, Object> v = view.variables(id);
    boolean running = instance.getEndTime() == null;
    List<String> instances = running ? view.withCalled(id) : List.of();
    String state = !running ? view.endState(id, END_STATES)
        : waitsForWithdrawal(id) || !runtime.createExecutionQuery().processInstanceId(id).activityId(TASK_APPROVE).list().isEmpty()
            ? "SCHEDULED" : "RUNNING";
    List<String> changes = ProcessView.split(get(v, CHANGES), ",");
    return new TransferStatus(instance.getBusinessKey(), id, state, view.currentSteps(instances),
        ProcessView.instant(instance.getStartTime()), ProcessView.instant(instance.getEndTime()),
        get(v, EFFECTIVE_DATE), get(v, TIME_ZONE), ProcessView.instant(get(v, EFFECTIVE_AT)), changes,
        get(v, REJECTION_REASON),
        new TransferStatus.Value(get(v, FROM_DEPARTMENT), get(v, DEPARTMENT)),
        new TransferStatus.Value(get(v, FROM_JOB_TITLE), get(v, JOB_TITLE)),
        new TransferStatus.Value(get(v, FROM_MANAGER_EMPLOYEE_ID), get(v, MANAGER_EMPLOYEE_ID)),
        new TransferStatus.Value(get(v, FROM_USAGE_LOCATION), get(v, USAGE_LOCATION)),
        new TransferStatus.Value(get(v, FROM_GIVEN_NAME), changes != null && changes.contains("NAME") ? get(v, GIVEN_NAME) : null),
        new TransferStatus.Value(get(v, FROM_SURNAME), changes != null && changes.contains("NAME") ? get(v, SURNAME) : null),
        get(v, LICENSE_SKU),
        new TransferStatus.Done(get(v, MOVED_TO), get(v, NEW_USER_PRINCIPAL_NAME), get(v, NEW_MAIL),
            get(v, NEW_MAIL) == null ? null : get(v, FROM_MAIL), ProcessView.split(get(v, GROUPS_LEFT), "\n"), ProcessView.split(get(v, GROUPS_JOINED), "\n"),
            get(v, CLOUD_USER_ID), ProcessView.split(get(v, LICENSES_REMOVED), ","), ProcessView.split(get(v, MANAGERS_NOTIFIED), ","),
            ProcessView.instant(get(v, TRANSFERRED_AT))),
        view.openTasks(instances), view.incidents(instances));
  }

  private static <T> T get(Map<String, Object> variables, Var<T> var) {
    return ProcessView.get(variables, var);
  }
}
