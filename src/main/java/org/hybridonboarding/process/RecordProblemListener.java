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
 * For onboardings started on version 1 of the diagram only (they finish on it): on every boundary
 * event that led to its single Task_ResolveProblem, records which step failed, so RETRY could
 * return there. Today's diagram gives each step its own loop and passes the step to the called
 * process resolve-problem instead.
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
        PROBLEM_MESSAGE.set(execution, settings.overdueMessage(overdue.name()));
      });
    }
    // The error code variable is set when the event is triggered, before this listener runs.
    String code = PROBLEM_CODE.find(execution).orElse("");
    OnboardingProcess.PROBLEM_KIND.set(execution, ProblemKind.of(code).name());
  }
}
