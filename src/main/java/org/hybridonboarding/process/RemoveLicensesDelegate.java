package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.CLOUD_USER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudGateway;
import org.springframework.stereotype.Component;

/** Undo, first step: the seats go back before anything else (group licences leave with the group). */
@Component
class RemoveLicensesDelegate implements JavaDelegate {

  private final CloudGateway cloud;

  RemoveLicensesDelegate(CloudGateway cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CLOUD_USER_ID.find(execution).ifPresent(cloud::removeDirectLicenses);
  }
}
