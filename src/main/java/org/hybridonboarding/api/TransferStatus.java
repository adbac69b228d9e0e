package org.hybridonboarding.api;

import java.time.Instant;
import java.util.List;

/**
 * What GET /api/transfers/{employeeId} answers.
 *
 * @param changes what the transfer changes (DEPARTMENT, JOB_TITLE, MANAGER, USAGE_LOCATION, LICENCE)
 */
record TransferStatus(
    String employeeId,
    String processInstanceId,
    String status,
    List<String> currentSteps,
    Instant startedAt,
    Instant endedAt,
    String effectiveDate,
    String timeZone,
    Instant effectiveAt,
    List<String> changes,
    String rejectionReason,
    Value department,
    Value jobTitle,
    Value managerEmployeeId,
    Value usageLocation,
    Value givenName,
    Value surname,
    String licenseSku,
    Done done,
    List<OnboardingStatus.OpenTask> openTasks,
    List<OnboardingStatus.Incident> incidents) {

  /** A field as it was and as asked (to is null when the request leaves it as it is). */
  record Value(String from, String to) {
  }

  /**
   * What the transfer has done so far.
   *
   * @param userPrincipalName the new one of a name change (null: it stays)
   * @param previousMail the old primary address, kept as a secondary smtp: proxy address
   * @param groupsLeft distinguished names
   * @param licensesRemoved skuPartNumbers
   */
  record Done(String movedTo, String userPrincipalName, String mail, String previousMail, List<String> groupsLeft,
      List<String> groupsJoined, String cloudUserId, List<String> licensesRemoved, List<String> managersNotified,
      Instant transferredAt) {
  }
}
