package org.hybridonboarding.api;

import java.time.Instant;
import java.util.List;

/** What GET /api/offboardings/{employeeId} answers. */
record OffboardingStatus(
    String employeeId,
    String processInstanceId,
    String status,
    List<String> currentSteps,
    Instant startedAt,
    Instant endedAt,
    String lastWorkingDay,
    String mailbox,
    String timeZone,
    Instant cutAt,
    String rejectionReason,
    Done done,
    List<OnboardingStatus.OpenTask> openTasks,
    List<OnboardingStatus.Incident> incidents) {

  /**
   * What the offboarding has done so far.
   *
   * @param mailboxType userPurpose as Graph showed it last (shared)
   * @param licensesRemoved skuIds
   * @param groupsRemoved distinguished names
   */
  record Done(Instant disabledAt, Boolean sessionsRevoked, Long passesDeleted, String mailboxType, String accessGrantedTo,
      List<String> licensesRemoved, String licensesKeptBecause, List<String> groupsRemoved, String movedTo,
      Instant offboardedAt, Instant reinstateUntil, Instant deleteAt, Boolean accountDeleted, String credentialsSentTo) {
  }
}
