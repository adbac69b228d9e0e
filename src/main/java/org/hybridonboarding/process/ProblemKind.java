package org.hybridonboarding.process;

import java.util.Arrays;
import java.util.List;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.directory.DirectoryException;
import org.hybridonboarding.exchange.ExchangeException;

/**
 * Which task (and form, with which choices) fits a problem: by the error code a step threw or the
 * wait that ran out. The diagram routes on the name (problemKind == 'LICENCE').
 */
public enum ProblemKind {
  LICENCE(CloudException.Code.NO_FREE_SEAT, CloudException.Code.LICENSE_ERROR),
  OVERDUE(Overdue.values()),
  USAGE_LOCATION(CloudException.Code.USAGE_LOCATION_INVALID),
  ACCOUNT_EXISTS(DirectoryException.Code.ACCOUNT_EXISTS),
  MANAGER(DirectoryException.Code.MANAGER_NOT_FOUND),
  CREDENTIALS(CloudException.Code.TAP_FAILED),
  /** A person to be given a leaver's mailbox has none (or no enabled account): another person, or nobody. */
  MAILBOX_ACCESS(ExchangeException.Code.MAILBOX_ACCESS_MISSING),
  /** Anything else (ADDRESS_IN_USE, say): retry or abort. */
  GENERIC;

  private final List<String> codes;

  ProblemKind(Enum<?>... codes) {
    this.codes = Arrays.stream(codes).map(Enum::name).toList();
  }

  /** The kind for a process error code; GENERIC for a code no task is made for. */
  public static ProblemKind of(String code) {
    return Arrays.stream(values())
        .filter(kind -> kind.codes.contains(code))
        .findFirst()
        .orElse(GENERIC);
  }
}
