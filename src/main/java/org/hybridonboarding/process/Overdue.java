package org.hybridonboarding.process;

import java.util.Arrays;
import java.util.Optional;

/** A wait that ran out: the problem code its timeout stands for, by the waiting sub-process. */
public enum Overdue {
  REPLICATION_OVERDUE(OnboardingProcess.SUBPROCESS_WAIT_FOR_REPLICATION),
  LICENSE_OVERDUE(OnboardingProcess.SUBPROCESS_WAIT_FOR_GROUP_LICENSE),
  MAILBOX_OVERDUE(OnboardingProcess.SUBPROCESS_WAIT_FOR_MAILBOX),
  /** A leaver's mailbox does not show as shared in Graph. */
  SHARED_MAILBOX_OVERDUE("SubProcess_WaitForSharedMailbox"),
  /** A reinstated account does not show as enabled (or restored) in Entra ID. */
  RETURN_OVERDUE("SubProcess_WaitForReturn"),
  /** A transfer does not show in Entra ID. */
  TRANSFER_SYNC_OVERDUE("SubProcess_WaitForTransferSync");

  private final String waitId;

  Overdue(String waitId) {
    this.waitId = waitId;
  }

  String waitId() {
    return waitId;
  }

  static Optional<Overdue> ofWait(String waitId) {
    return Arrays.stream(values()).filter(overdue -> overdue.waitId.equals(waitId)).findFirst();
  }
}
