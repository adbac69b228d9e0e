package org.hybridonboarding.offboarding;

import org.hybridonboarding.process.Problems;
import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.cloud.CredentialHandover;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A new Temporary Access Pass for the reinstated person, mailed to the manager; the pass is never stored. */
@Component
class HandOverReinstatedCredentialsDelegate implements JavaDelegate {

  private final CloudGateway cloud;
  private final OffboardingSettings settings;
  private final Clock clock;

  HandOverReinstatedCredentialsDelegate(CloudGateway cloud, OffboardingSettings settings, Clock clock) {
    this.cloud = cloud;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var zone = settings.timeZone(execution);
    String sentTo = Problems.cloud(() -> cloud.handOverCredentials(new CredentialHandover(CLOUD_USER_ID.get(execution),
        DISPLAY_NAME.get(execution), USER_PRINCIPAL_NAME.get(execution), MAIL.get(execution), LocalDate.now(clock.withZone(zone)),
        clock.instant(), zone, MANAGER_MAIL.find(execution).orElse(null), null, null)));
    CREDENTIALS_SENT_TO.set(execution, sentTo);
  }
}
