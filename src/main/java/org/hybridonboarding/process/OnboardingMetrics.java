package org.hybridonboarding.process;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * onboardings_total{outcome=started|onboarded|rejected|invalid|aborted|cancelled}, counted from
 * the engine's execution events (Camunda's Spring Boot eventing).
 */
@Component
public class OnboardingMetrics {

  private static final Map<String, String> OUTCOMES = Map.of(
      OnboardingProcess.START_EVENT, "started",
      OnboardingProcess.END_EVENT_ONBOARDED, "onboarded",
      OnboardingProcess.END_EVENT_ONBOARDED_MANUALLY, "onboarded",
      OnboardingProcess.END_EVENT_REJECTED, "rejected",
      OnboardingProcess.END_EVENT_INVALID, "invalid",
      OnboardingProcess.END_EVENT_ABORTED, "aborted",
      OnboardingProcess.END_EVENT_CANCELLED, "cancelled");

  private final MeterRegistry meters;

  public OnboardingMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @EventListener(condition = "#execution.eventName == 'end'")
  public void onExecutionEvent(DelegateExecution execution) {
    String outcome = OUTCOMES.get(execution.getCurrentActivityId());
    if (outcome != null && ExecutionListener.EVENTNAME_END.equals(execution.getEventName())) {
      meters.counter("onboardings", "outcome", outcome).increment();
    }
  }
}
