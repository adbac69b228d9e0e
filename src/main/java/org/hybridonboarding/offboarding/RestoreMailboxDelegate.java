package org.hybridonboarding.offboarding;

import org.hybridonboarding.process.Problems;
import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.util.Arrays;
import org.hybridonboarding.cloud.LeaverCloud;
import org.hybridonboarding.exchange.ExchangeAdmin;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The mailbox back: a user mailbox in Exchange Online again, the licences assigned again, no automatic reply. */
@Component
class RestoreMailboxDelegate implements JavaDelegate {

  private final LeaverCloud cloud;
  private final ExchangeAdmin exchange;

  RestoreMailboxDelegate(LeaverCloud cloud, ExchangeAdmin exchange) {
    this.cloud = cloud;
    this.exchange = exchange;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String userId = CLOUD_USER_ID.get(execution);
    // Licensed before it turns into a user mailbox, which without a licence would be disconnected.
    Problems.cloud(() -> {
      cloud.restoreLicenses(userId, Arrays.stream(LICENSES_REMOVED.find(execution).orElse("").split(","))
          .filter(id -> !id.isBlank()).toList());
      return null;
    });
    if (!OffboardingRequest.Mailbox.REMOVE.name().equals(MAILBOX.get(execution))) {
      Problems.exchange(() -> {
        exchange.setType(MAIL.get(execution), false);
        return null;
      });
      if (AUTO_REPLY.find(execution).isPresent()) {
        cloud.setAutomaticReply(userId, null);
      }
    }
  }
}
