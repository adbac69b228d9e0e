package org.hybridonboarding.offboarding;

import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.LeaverCloud;
import org.hybridonboarding.exchange.ExchangeAdmin;
import org.hybridonboarding.process.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One poll: does Graph show the mailbox as shared yet? A user mailbox again means a Connect Sync
 * cycle that had read the account before AD was stamped exported it after the conversion and
 * turned it back; AD says shared now, so converting once more sticks (Set-Mailbox is idempotent).
 */
@Component
class CheckSharedMailboxDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CheckSharedMailboxDelegate.class);

  private final LeaverCloud cloud;
  private final ExchangeAdmin exchange;

  CheckSharedMailboxDelegate(LeaverCloud cloud, ExchangeAdmin exchange) {
    this.cloud = cloud;
    this.exchange = exchange;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String purpose = CLOUD_USER_ID.find(execution).flatMap(cloud::mailboxPurpose).orElse(null);
    if ("user".equals(purpose)) {
      log.info("The mailbox of {} is a user mailbox again: converting it to shared once more", MAIL.get(execution));
      Problems.exchange(() -> {
        exchange.setType(MAIL.get(execution), true);
        return null;
      });
    }
    MAILBOX_TYPE.set(execution, purpose);
    MAILBOX_SHARED.set(execution, "shared".equals(purpose));
  }
}
