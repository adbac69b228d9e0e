package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.CLOUD_USER_ID;
import static org.hybridonboarding.process.OnboardingProcess.CREDENTIALS_SENT_TO;
import static org.hybridonboarding.process.OnboardingProcess.DISPLAY_NAME;
import static org.hybridonboarding.process.OnboardingProcess.MAIL;
import static org.hybridonboarding.process.OnboardingProcess.MAIL_SENDER;
import static org.hybridonboarding.process.OnboardingProcess.MANAGER_EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.START_DATE;
import static org.hybridonboarding.process.OnboardingProcess.USER_PRINCIPAL_NAME;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.cloud.CredentialHandover;
import org.springframework.stereotype.Component;

/**
 * Step 10: a Temporary Access Pass for the first day, mailed to the manager. The pass never
 * reaches the process: only where it was sent is recorded.
 */
@Component
class HandOverCredentialsDelegate implements JavaDelegate {

  private final CloudGateway cloud;
  private final OnboardingSettings settings;
  private final Clock clock;

  HandOverCredentialsDelegate(CloudGateway cloud, OnboardingSettings settings, Clock clock) {
    this.cloud = cloud;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate startDate = LocalDate.parse(START_DATE.get(execution));
    ZoneId zone = settings.timeZone(execution);
    String sentTo;
    try {
      sentTo = cloud.handOverCredentials(new CredentialHandover(
          CLOUD_USER_ID.get(execution),
          DISPLAY_NAME.get(execution),
          USER_PRINCIPAL_NAME.get(execution),
          MAIL.get(execution),
          startDate,
          settings.credentialsValidFrom(startDate, zone, clock.instant()),
          zone,
          PlanIdentityDelegate.MANAGER_MAIL.find(execution).orElse(null),
          // Planned before the manager's mail was read from AD: Graph is asked, as then.
          execution.hasVariable(PlanIdentityDelegate.MANAGER_MAIL.name()) ? null : MANAGER_EMPLOYEE_ID.find(execution).orElse(null),
          MAIL_SENDER.get(execution)));
    } catch (CloudException e) {
      throw new BpmnError(e.code().name(), e.getMessage());
    }
    CREDENTIALS_SENT_TO.set(execution, sentTo);
  }
}
