package org.hybridonboarding.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hybridonboarding.directory.MoverDirectory;

/** What a transfer changes: the fields of the request that differ from what AD holds now. */
public enum Change {
  DEPARTMENT,
  JOB_TITLE,
  MANAGER,
  USAGE_LOCATION,
  /** givenName or surname: new display name, cn, alias, UPN and primary address; the old address stays a proxy. */
  NAME,
  /** AD does not hold the licence: a licenseSku in the request is a change (the swap skips what is held). */
  LICENCE;

  public static List<Change> between(TransferRequest request, MoverDirectory.Mover account) {
    List<Change> changes = new ArrayList<>();
    if (differs(request.department(), account.department())) {
      changes.add(DEPARTMENT);
    }
    if (differs(request.jobTitle(), account.jobTitle())) {
      changes.add(JOB_TITLE);
    }
    if (request.managerEmployeeId() != null && !request.managerEmployeeId().equalsIgnoreCase(
        Objects.toString(account.managerEmployeeId(), ""))) {
      changes.add(MANAGER);
    }
    if (differs(request.usageLocation(), account.usageLocation())) {
      changes.add(USAGE_LOCATION);
    }
    if (differs(request.givenName(), account.givenName()) || differs(request.surname(), account.surname())) {
      changes.add(NAME);
    }
    if (request.licenseSku() != null) {
      changes.add(LICENCE);
    }
    return changes;
  }

  public static String join(List<Change> changes) {
    return String.join(",", changes.stream().map(Change::name).toList());
  }

  public static List<Change> parse(String joined) {
    return joined == null || joined.isBlank() ? List.of()
        : Arrays.stream(joined.split(",")).map(String::strip).map(Change::valueOf).toList();
  }

  private static boolean differs(String requested, String current) {
    return requested != null && !requested.equals(current);
  }
}
