package org.hybridonboarding.process;

import java.util.Arrays;
import java.util.Optional;

/** What a person chose on a failure task (the forms' values of the variable resolution). */
public enum Resolution {
  RETRY,
  ABORT,
  /** OVERDUE: wait waitHours longer. */
  KEEP_WAITING,
  /** LICENCE: another SKU with free seats. */
  CHANGE_SKU,
  /** USAGE_LOCATION: another country. */
  CHANGE_USAGE_LOCATION,
  /** ACCOUNT_EXISTS: the existing account becomes this onboarding's. */
  ADOPT,
  /** MANAGER: another manager's employee ID. */
  CHANGE_MANAGER,
  /** MANAGER: go on without one. */
  WITHOUT_MANAGER,
  /** CREDENTIALS: the helpdesk hands them over in person. */
  MANUAL,
  /** MAILBOX_ACCESS: other people (mailboxAccess) get the leaver's mailbox. */
  CHANGE_ACCESS,
  /** MAILBOX_ACCESS: nobody gets FullAccess now. */
  SKIP_ACCESS;

  static Optional<Resolution> of(String value) {
    return Arrays.stream(values()).filter(r -> r.name().equals(value)).findFirst();
  }
}
