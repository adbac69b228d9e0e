package org.hybridonboarding.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.hybridonboarding.process.RequestRules;
import org.hybridonboarding.process.RequestRules.Violation;
import org.springframework.stereotype.Component;

/** The checks of a transfer request, the same over /api and /engine-rest (its first step). */
@Component
public class TransferRules {

  static final int MAX_DAYS_IN_PAST = 30;
  static final int MAX_DAYS_AHEAD = 366;
  static final int MAX_REASON = 500;

  private final Clock clock;
  private final RequestRules names;

  TransferRules(Clock clock, RequestRules names) {
    this.clock = clock;
    this.names = names;
  }

  public List<Violation> check(TransferRequest request) {
    List<Violation> violations = new ArrayList<>();
    RequestRules.employeeId(violations, "employeeId", request.employeeId(), true);
    if (request.effectiveDate() == null) {
      violations.add(new Violation("effectiveDate", "is required"));
    } else {
      try {
        LocalDate day = LocalDate.parse(request.effectiveDate());
        LocalDate today = LocalDate.now(clock);
        if (day.isBefore(today.minusDays(MAX_DAYS_IN_PAST)) || day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
          violations.add(new Violation("effectiveDate", "must lie between " + MAX_DAYS_IN_PAST + " days ago and "
              + MAX_DAYS_AHEAD + " days ahead"));
        }
      } catch (DateTimeParseException e) {
        violations.add(new Violation("effectiveDate", "must be an ISO date such as 2026-12-31"));
      }
    }
    RequestRules.text(violations, "department", request.department(), RequestRules.MAX_DEPARTMENT, false);
    RequestRules.text(violations, "jobTitle", request.jobTitle(), RequestRules.MAX_JOB_TITLE, false);
    RequestRules.employeeId(violations, "managerEmployeeId", request.managerEmployeeId(), false);
    if (request.managerEmployeeId() != null && request.managerEmployeeId().equals(request.employeeId())) {
      violations.add(new Violation("managerEmployeeId", "must not be the person's own employeeId"));
    }
    RequestRules.country(violations, "usageLocation", request.usageLocation(), false);
    RequestRules.sku(violations, "licenseSku", request.licenseSku());
    names.newName(violations, "givenName", request.givenName(), request.usageLocation());
    names.newName(violations, "surname", request.surname(), request.usageLocation());
    if (request.timeZone() != null && !RequestRules.isTimeZone(request.timeZone())) {
      violations.add(new Violation("timeZone", "must be an IANA time zone such as Europe/Berlin or Australia/Sydney"));
    }
    RequestRules.text(violations, "reason", request.reason(), MAX_REASON, false);
    if (!request.asksForChange()) {
      violations.add(new Violation("request", "changes nothing: give at least one of department, jobTitle, "
          + "managerEmployeeId, usageLocation, licenseSku, givenName, surname"));
    }
    return violations;
  }
}
