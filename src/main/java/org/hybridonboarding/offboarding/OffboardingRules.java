package org.hybridonboarding.offboarding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hybridonboarding.process.RequestRules;
import org.hybridonboarding.process.RequestRules.Violation;
import org.springframework.stereotype.Component;

/** The checks of an offboarding request, the same over /api and /engine-rest (its first step). */
@Component
public class OffboardingRules {

  static final int MAX_AUTO_REPLY = 4000;
  static final int MAX_REASON = 500;
  static final int MAX_ACCESS = 10;

  private final Clock clock;

  OffboardingRules(Clock clock) {
    this.clock = clock;
  }

  public List<Violation> check(OffboardingRequest request) {
    List<Violation> violations = new ArrayList<>();
    RequestRules.employeeId(violations, "employeeId", request.employeeId(), true);
    if (request.lastWorkingDay() == null) {
      violations.add(new Violation("lastWorkingDay", "is required"));
    } else {
      try {
        LocalDate day = LocalDate.parse(request.lastWorkingDay());
        LocalDate today = LocalDate.now(clock);
        if (day.isBefore(today.minusYears(1)) || day.isAfter(today.plusYears(2))) {
          violations.add(new Violation("lastWorkingDay", "must lie between a year ago and two years ahead"));
        }
      } catch (DateTimeParseException e) {
        violations.add(new Violation("lastWorkingDay", "must be an ISO date such as 2026-12-31"));
      }
    }
    if (request.mailbox() != null && Arrays.stream(OffboardingRequest.Mailbox.values()).noneMatch(m -> m.name().equals(request.mailbox()))) {
      violations.add(new Violation("mailbox", "must be SHARED or REMOVE"));
    }
    if (request.mailboxAccess() != null) {
      if (request.mailboxAccess().size() > MAX_ACCESS) {
        violations.add(new Violation("mailboxAccess", "names at most " + MAX_ACCESS + " people"));
      }
      for (String id : request.mailboxAccess()) {
        RequestRules.employeeId(violations, "mailboxAccess", id, true);
        if (id != null && id.equals(request.employeeId())) {
          violations.add(new Violation("mailboxAccess", "must not name the leaver"));
        }
      }
      if ("REMOVE".equals(request.mailbox()) && !request.mailboxAccess().isEmpty()) {
        violations.add(new Violation("mailboxAccess", "fits only mailbox SHARED: a removed mailbox is given to nobody"));
      }
    }
    if (request.autoReply() != null) {
      RequestRules.text(violations, "autoReply", request.autoReply().replace('\n', ' ').replace('\r', ' '), MAX_AUTO_REPLY, false);
      if ("REMOVE".equals(request.mailbox())) {
        violations.add(new Violation("autoReply", "fits only mailbox SHARED: a removed mailbox answers nobody"));
      }
    }
    if (request.immediate() == null) {
      violations.add(new Violation("immediate", "must be true or false"));
    }
    RequestRules.text(violations, "reason", request.reason(), MAX_REASON, false);
    if (request.timeZone() != null && !RequestRules.isTimeZone(request.timeZone())) {
      violations.add(new Violation("timeZone", "must be an IANA time zone such as Europe/Berlin or Australia/Sydney"));
    }
    return violations;
  }
}
