package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.hybridonboarding.process.OnboardingProcess.*;
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_CREDENTIALS;
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_EXISTING_ACCOUNT;
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_LICENCE;
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_OVERDUE;
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_PROBLEM;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudUser;
import org.hybridonboarding.directory.DirectoryException;
import org.junit.jupiter.api.Test;

/** The diagram with its real delegates, the engine in memory, AD and Graph mocked. */

/** A step that fails goes to a person through its own loop and the called resolve-problem: retry returns to that step. */
class ProblemLoopProcessTest extends OnboardingProcessFixture {
  @Test
  void replicationTimeoutThenRetryWaitsAgain() {
    ProcessInstance pi = replicationTimedOut();
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "u", "DE")));

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.RETRY.name()));

    // The retry is a job of its own, not part of the operator's completion.
    assertThat(pi).isWaitingAt(GATEWAY_RETRY_REPLICATION);
    run(GATEWAY_RETRY_REPLICATION);
    assertThat(pi).isWaitingAt(TASK_ASSIGN_LICENSE);
    // The account is not created twice.
    verify(directory, times(1)).createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
  }

  @Test
  void replicationTimeoutThenAbort() {
    ProcessInstance pi = replicationTimedOut();

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.ABORT.name()));
    run(GATEWAY_RETRY_REPLICATION);
    run(UndoOnboardingProcess.TASK_REMOVE_LICENSES);
    run(UndoOnboardingProcess.TASK_QUARANTINE_ACCOUNT);

    assertThat(pi).isEnded().hasPassed(END_EVENT_ABORTED);
    // The user never reached Entra: no licence to remove; the account is quarantined with the reason.
    verify(cloud, org.mockito.Mockito.never()).removeDirectLicenses(anyString());
    verify(directory).quarantine(org.mockito.ArgumentMatchers.eq("E10001"), org.mockito.ArgumentMatchers.eq(pi.getId()),
        org.mockito.ArgumentMatchers.contains("aborted by an operator at Wait for replication (REPLICATION_OVERDUE)"));
  }

  @Test
  void licenceErrorGoesToAPersonAndRetryAssignsAgain() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "u", "DE")));
    when(cloud.assignLicense("cloud-1", null, "SPE_E3"))
        .thenThrow(new CloudException(CloudException.Code.NO_FREE_SEAT, "No free seat for SPE_E3"))
        .thenReturn("05e9a617-0261-4cee-bb44-138d3ef5d965");
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_ASSIGN_LICENSE);

    assertWaitingForAPerson(pi, TASK_RESOLVE_LICENCE);
    assertThat(problem(pi)).variables()
        .containsEntry(PROBLEM_STEP.name(), TASK_ASSIGN_LICENSE)
        .containsEntry(PROBLEM_CODE.name(), CloudException.Code.NO_FREE_SEAT.name())
        .containsEntry(PROBLEM_MESSAGE.name(), "No free seat for SPE_E3");

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.RETRY.name()));
    run(TASK_ASSIGN_LICENSE);
    assertThat(pi).hasPassed(TASK_CHECK_MAILBOX).isWaitingAt(TIMER_MAILBOX_POLL);
  }

  @Test
  void existingAccountGoesToAPerson() {
    when(directory.createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenThrow(new DirectoryException(DirectoryException.Code.ACCOUNT_EXISTS, "taken"));
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_CREATE_AD_ACCOUNT);

    assertWaitingForAPerson(pi, TASK_RESOLVE_EXISTING_ACCOUNT);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_STEP.name(), TASK_CREATE_AD_ACCOUNT)
        .containsEntry(PROBLEM_CODE.name(), DirectoryException.Code.ACCOUNT_EXISTS.name());
  }

  @Test
  void mailboxTimeoutGoesToAPerson() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "u", "DE")));
    when(cloud.hasMailbox("cloud-1")).thenReturn(false);
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_ASSIGN_LICENSE);
    assertThat(pi).isWaitingAt(TIMER_MAILBOX_POLL);
    run(TIMER_MAILBOX_TIMEOUT);

    assertWaitingForAPerson(pi, TASK_RESOLVE_OVERDUE);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_CODE.name(), Overdue.MAILBOX_OVERDUE.name());
  }

  @Test
  void noSeatStopsThePreflightBeforeAnythingIsCreated() {
    org.mockito.Mockito.doThrow(new CloudException(CloudException.Code.NO_FREE_SEAT, "No free seat for SPE_E3: 500 of 500 are assigned"))
        .doNothing()
        .when(cloud).preflight(anyString(), anyString(), any());
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);

    assertWaitingForAPerson(pi, TASK_RESOLVE_LICENCE);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_STEP.name(), TASK_PREFLIGHT_CLOUD)
        .containsEntry(PROBLEM_CODE.name(), CloudException.Code.NO_FREE_SEAT.name());
    verify(directory, org.mockito.Mockito.never()).createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.RETRY.name()));
    run(GATEWAY_RETRY_PREFLIGHT);
    assertThat(pi).isWaitingAt(TASK_CREATE_AD_ACCOUNT);
  }

  @Test
  void aGroupLicensingErrorGoesToAPersonAndRetryWaitsAgain() {
    register(true, ProcessProperties.Licensing.Mode.GROUP);
    when(cloud.groupLicenseActive(org.mockito.ArgumentMatchers.eq("cloud-1"), org.mockito.ArgumentMatchers.eq("SPE_E3"), any()))
        .thenThrow(new CloudException(CloudException.Code.NO_FREE_SEAT, "Group-based licensing of SPE_E3 failed: CountViolation"))
        .thenReturn(true);
    ProcessInstance pi = untilLicensing();
    run(TASK_CHECK_GROUP_LICENSE);

    assertWaitingForAPerson(pi, TASK_RESOLVE_LICENCE);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_STEP.name(), SUBPROCESS_WAIT_FOR_GROUP_LICENSE)
        .containsEntry(PROBLEM_CODE.name(), CloudException.Code.NO_FREE_SEAT.name());

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.RETRY.name()));
    run(TASK_CHECK_GROUP_LICENSE);
    assertThat(pi).hasPassed(TASK_CHECK_MAILBOX).isWaitingAt(TIMER_MAILBOX_POLL);
  }

  @Test
  void aGroupLicenceThatNeverActivatesIsOverdue() {
    register(true, ProcessProperties.Licensing.Mode.GROUP);
    when(cloud.groupLicenseActive(org.mockito.ArgumentMatchers.eq("cloud-1"), org.mockito.ArgumentMatchers.eq("SPE_E3"), any())).thenReturn(false);
    ProcessInstance pi = untilLicensing();
    run(TASK_CHECK_GROUP_LICENSE);
    run(TIMER_GROUP_LICENSE_TIMEOUT);

    assertWaitingForAPerson(pi, TASK_RESOLVE_OVERDUE);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_CODE.name(), Overdue.LICENSE_OVERDUE.name());
  }

  @Test
  void groupModeNeedsAGroupForTheSku() {
    register(true, ProcessProperties.Licensing.Mode.GROUP);
    Map<String, Object> variables = request();
    variables.put(LICENSE_SKU.name(), "ENTERPRISEPACK");
    ProcessInstance pi = awaitingApproval(variables);
    complete(task(pi), withVariables(APPROVED.name(), true));
    run(TASK_PLAN_IDENTITY);

    assertWaitingForAPerson(pi, TASK_RESOLVE_LICENCE);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_CODE.name(), CloudException.Code.LICENSE_ERROR.name());
    assertThat((String) engine.getRuntimeService().getVariable(problem(pi).getId(), PROBLEM_MESSAGE.name()))
        .contains("onboarding.licensing.groups.ENTERPRISEPACK");
  }

  @Test
  void aRefusedTemporaryAccessPassGoesToAPerson() {
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);
    when(cloud.handOverCredentials(any()))
        .thenThrow(new CloudException(CloudException.Code.TAP_FAILED, "Entra ID refused a Temporary Access Pass"))
        .thenReturn("megan.bowen@contoso.com");
    ProcessInstance pi = untilLicensing();
    run(TASK_ASSIGN_LICENSE);
    run(TIMER_MAIL_SLOT);

    assertWaitingForAPerson(pi, TASK_RESOLVE_CREDENTIALS);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_STEP.name(), TASK_HAND_OVER_CREDENTIALS)
        .containsEntry(PROBLEM_CODE.name(), CloudException.Code.TAP_FAILED.name());

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.RETRY.name()));
    run(TIMER_MAIL_SLOT);
    assertThat(pi).isEnded().hasPassed(END_EVENT_ONBOARDED);
    var handover = org.mockito.ArgumentCaptor.forClass(org.hybridonboarding.cloud.CredentialHandover.class);
    verify(cloud, times(2)).handOverCredentials(handover.capture());
    assertThat(handover.getValue().validFrom()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(handover.getValue().managerMail()).as("the manager's mail as AD had it when the names were planned")
        .isEqualTo("megan.bowen@contoso.com");
    assertThat(handover.getValue().managerToLookUp()).as("nothing to ask Graph").isNull();
  }

  @Test
  void anAddressTakenInTheCloudSincePlanningStopsThePreflight() {
    org.mockito.Mockito.doThrow(new CloudException(CloudException.Code.ADDRESS_IN_USE, "Already used in Entra ID by another user: jose.mueller@contoso.com"))
        .when(cloud).preflight(anyString(), anyString(), any());
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);

    assertWaitingForAPerson(pi, TASK_RESOLVE_PROBLEM);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_CODE.name(), CloudException.Code.ADDRESS_IN_USE.name())
        .containsEntry(PROBLEM_STEP.name(), TASK_PREFLIGHT_CLOUD);
    verify(directory, org.mockito.Mockito.never()).createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
  }
}
