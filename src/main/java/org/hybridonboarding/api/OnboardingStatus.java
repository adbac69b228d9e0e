package org.hybridonboarding.api;

import java.time.Instant;
import java.util.List;

/** What GET /api/onboardings/{employeeId} answers. */
record OnboardingStatus(
    String employeeId,
    String processInstanceId,
    String status,
    boolean rehire,
    String timeZone,
    List<String> currentSteps,
    Instant startedAt,
    Instant endedAt,
    String rejectionReason,
    Account account,
    Cloud cloud,
    List<OpenTask> openTasks,
    List<Incident> incidents) {

  record Account(String sAMAccountName, String userPrincipalName, String mail, String distinguishedName,
      String immutableId) {
  }

  /** @param credentialsMailAt while the welcome mail waits for a slot of a sender mailbox: when it goes */
  record Cloud(String userId, String licenseSku, String licenseSkuId, Boolean mailboxReady, Instant credentialsMailAt,
      String credentialsSentTo) {
  }

  /** @param assignee whose task it is (a hire's manager for an approval), or null: the candidate groups' */
  record OpenTask(String id, String name, String assignee, List<String> candidateGroups, Instant created) {
  }

  record Incident(String step, String type, String message, Instant created) {
  }
}
