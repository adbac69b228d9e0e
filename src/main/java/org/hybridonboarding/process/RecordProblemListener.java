package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.PROBLEM_CODE;
import static org.hybridonboarding.process.OnboardingProcess.PROBLEM_MESSAGE;
import static org.hybridonboarding.process.OnboardingProcess.PROBLEM_STEP;
import static org.hybridonboarding.process.OnboardingProcess.PROBLEM_STEP_NAME;
import static org.hybridonboarding.process.OnboardingProcess.RESOLUTION_ERROR;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.stereotype.Component;

/**
 * On every boundary event that leads to Task_ResolveProblem: records which step failed (the
 * element the event is attached to), so RETRY can return there. Error events carry their code
 * and message already (errorCodeVariable/errorMessageVariable); timeouts get theirs here.
 */
@Component
class RecordProblemListener implements ExecutionListener {

  private final OnboardingSettings settings;

  RecordProblemListener(OnboardingSettings settings) {
    this.settings = settings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    BoundaryEvent event = (BoundaryEvent) execution.getBpmnModelElementInstance();
    FlowElement step = event.getAttachedTo();
    PROBLEM_STEP.set(execution, step.getId());
    PROBLEM_STEP_NAME.set(execution, step.getName());
    RESOLUTION_ERROR.set(execution, null);
    boolean timeout = event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
    if (timeout) {
      Overdue.ofWait(step.getId()).ifPresent(overdue -> {
        PROBLEM_CODE.set(execution, overdue.name());
        PROBLEM_MESSAGE.set(execution, timeoutMessage(overdue));
      });
    }
    // The error code variable is set when the event is triggered, before this listener runs.
    String code = PROBLEM_CODE.find(execution).orElse("");
    OnboardingProcess.PROBLEM_KIND.set(execution, ProblemKind.of(code).name());
  }

  private String timeoutMessage(Overdue overdue) {
    return switch (overdue) {
      case REPLICATION_OVERDUE -> "The account did not appear in Entra ID within " + settings.getReplicationTimeout()
          + ". Check that Connect Sync runs and that the account's OU is in its sync scope.";
      case LICENSE_OVERDUE -> "Group-based licensing did not make the licence Active within " + settings.getGroupLicenseTimeout()
          + ". Check the licensing group's membership and its licence assignment errors in Entra ID.";
      case MAILBOX_OVERDUE -> "Exchange Online did not provision the mailbox within " + settings.getMailboxTimeout()
          + ". Check the licence's Exchange plan and that the account carries no msExchMailboxGuid.";
    };
  }
}
