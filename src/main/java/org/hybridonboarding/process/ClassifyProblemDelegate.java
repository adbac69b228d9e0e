package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.PROBLEM_CODE;
import static org.hybridonboarding.process.OnboardingProcess.PROBLEM_KIND;
import static org.hybridonboarding.process.OnboardingProcess.RESOLUTION;
import static org.hybridonboarding.process.OnboardingProcess.RESOLUTION_ERROR;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The first step of resolve-problem: which task fits the problem code. A choice made on an
 * earlier problem of the same onboarding is not this one's: the form starts empty.
 */
@Component
class ClassifyProblemDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    PROBLEM_KIND.set(execution, ProblemKind.of(PROBLEM_CODE.find(execution).orElse("")).name());
    RESOLUTION.set(execution, null);
    RESOLUTION_ERROR.set(execution, null);
  }
}
