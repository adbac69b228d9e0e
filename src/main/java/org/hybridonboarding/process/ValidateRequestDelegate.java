package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.LICENSE_SKU;
import static org.hybridonboarding.process.OnboardingProcess.PROVISIONING_STARTS_AT;
import static org.hybridonboarding.process.OnboardingProcess.REJECTION_REASON;
import static org.hybridonboarding.process.OnboardingProcess.REQUEST_VALID;
import static org.hybridonboarding.process.OnboardingProcess.TIME_ZONE;
import static org.hybridonboarding.process.OnboardingProcess.WAIT_FOR_PROVISIONING_WINDOW;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step 1: the same rules as the REST API, for requests that came in over /engine-rest. */
@Component
class ValidateRequestDelegate implements JavaDelegate {

  private final RequestRules rules;
  private final OnboardingSettings settings;
  private final Clock clock;

  ValidateRequestDelegate(RequestRules rules, OnboardingSettings settings, Clock clock) {
    this.rules = rules;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OnboardingRequest request = OnboardingRequest.from(execution).normalized();
    List<RequestRules.Violation> violations = rules.check(request);
    REQUEST_VALID.set(execution, violations.isEmpty());
    if (!violations.isEmpty()) {
      REJECTION_REASON.set(execution, violations.stream().map(Object::toString).collect(Collectors.joining("; ")));
      return;
    }
    // Written back as strings: requests over /engine-rest may carry other types.
    execution.setVariables(request.toVariables());
    if (request.licenseSku() == null) {
      LICENSE_SKU.set(execution, settings.getDefaultSku());
    }
    if (request.timeZone() == null) {
      TIME_ZONE.set(execution, settings.defaultTimeZone().getId());
    }
    Date startsAt = settings.provisioningStartsAt(LocalDate.parse(request.startDate()), settings.timeZone(execution));
    PROVISIONING_STARTS_AT.set(execution, startsAt);
    WAIT_FOR_PROVISIONING_WINDOW.set(execution, startsAt.toInstant().isAfter(clock.instant()));
  }
}
