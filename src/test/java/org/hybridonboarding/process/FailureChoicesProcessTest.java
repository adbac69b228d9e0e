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
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_MANAGER;
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_OVERDUE;
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_USAGE_LOCATION;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudUser;
import org.hybridonboarding.directory.DirectoryException;
import org.junit.jupiter.api.Test;

/** The diagram with its real delegates, the engine in memory, AD and Graph mocked. */

/** Each failure task's choices, checked again in the process, and abort from each kind through the one undo. */
class FailureChoicesProcessTest extends OnboardingProcessFixture {
  @Test
  void anotherSkuWithFreeSeatsCanBeChosen() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "u", "DE")));
    when(cloud.assignLicense("cloud-1", null, "SPE_E3")).thenThrow(new CloudException(CloudException.Code.NO_FREE_SEAT,
        "No free seat for SPE_E3", Map.of("ENTERPRISEPACK", 2)));
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_ASSIGN_LICENSE);
    assertWaitingForAPerson(pi, TASK_RESOLVE_LICENCE);
    assertThat(engine.getRuntimeService().getVariableTyped(pi.getId(), AVAILABLE_SKUS).getValue().toString())
        .contains("ENTERPRISEPACK (2 free)");

    choose(pi, RESOLUTION.name(), Resolution.CHANGE_SKU.name(), LICENSE_SKU.name(), "NOT_OFFERED");
    assertWaitingForAPerson(pi, TASK_RESOLVE_LICENCE);
    assertThat(problem(pi)).variables().containsEntry(RESOLUTION_ERROR.name(),
        "Choose one of the SKUs that have free seats: [ENTERPRISEPACK]");

    choose(pi, RESOLUTION.name(), Resolution.CHANGE_SKU.name(), LICENSE_SKU.name(), "ENTERPRISEPACK");
    run(TASK_ASSIGN_LICENSE);
    verify(cloud).assignLicense("cloud-1", null, "ENTERPRISEPACK");
    assertThat(pi).hasPassed(TASK_CHECK_MAILBOX).isWaitingAt(TIMER_MAILBOX_POLL);
  }

  @Test
  void keepWaitingExtendsOnlyThatWait() {
    ProcessInstance pi = replicationTimedOut();
    choose(pi, RESOLUTION.name(), Resolution.KEEP_WAITING.name(), WAIT_HOURS.name(), 0L);
    assertWaitingForAPerson(pi, TASK_RESOLVE_OVERDUE);
    assertThat(problem(pi)).variables().containsEntry(RESOLUTION_ERROR.name(), "Wait between 1 and 168 hours");

    choose(pi, RESOLUTION.name(), Resolution.KEEP_WAITING.name(), WAIT_HOURS.name(), 5L);

    assertThat(pi).isWaitingAt(GATEWAY_RETRY_REPLICATION);
    run(GATEWAY_RETRY_REPLICATION);
    assertThat(pi).isWaitingAt(EVENT_USER_REPLICATED);
    Job timeout = engine.getManagementService().createJobQuery().activityId(TIMER_REPLICATION_TIMEOUT).singleResult();
    assertThat(timeout.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(5))));
  }

  @Test
  void aRefusedUsageLocationIsCorrectedByTheOperator() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "u", "CU")));
    when(cloud.assignLicense("cloud-1", null, "SPE_E3"))
        .thenThrow(new CloudException(CloudException.Code.USAGE_LOCATION_INVALID, "not available in the usage location"));
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_ASSIGN_LICENSE);
    assertWaitingForAPerson(pi, TASK_RESOLVE_USAGE_LOCATION);

    verify(movers, org.mockito.Mockito.never()).move(org.mockito.ArgumentMatchers.anyString(), any());
    choose(pi, RESOLUTION.name(), Resolution.CHANGE_USAGE_LOCATION.name(), USAGE_LOCATION.name(), "Frankreich");
    assertWaitingForAPerson(pi, TASK_RESOLVE_USAGE_LOCATION);
    assertThat((String) engine.getRuntimeService().getVariable(problem(pi).getId(), RESOLUTION_ERROR.name()))
        .startsWith("usageLocation: must be an upper-case ISO 3166-1 alpha-2");

    choose(pi, RESOLUTION.name(), Resolution.CHANGE_USAGE_LOCATION.name(), USAGE_LOCATION.name(), "FR");
    run(TASK_ASSIGN_LICENSE);
    // AD first: Connect Sync carries msExchUsageLocation and would put a cloud-only change back.
    var order = org.mockito.Mockito.inOrder(movers, cloud);
    order.verify(movers).move("E10001", org.hybridonboarding.directory.MoverDirectory.Move.usageLocation("FR"));
    order.verify(cloud).assignLicense("cloud-1", "FR", "SPE_E3");
  }

  @Test
  void anExistingAccountCanBeAdopted() {
    when(directory.createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.eq(false)))
        .thenThrow(new DirectoryException(DirectoryException.Code.ACCOUNT_EXISTS, "rehire"));
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_CREATE_AD_ACCOUNT);
    assertWaitingForAPerson(pi, TASK_RESOLVE_EXISTING_ACCOUNT);

    choose(pi, RESOLUTION.name(), Resolution.ADOPT.name());
    run(TASK_CREATE_AD_ACCOUNT);

    verify(directory).createAccount(any(), any(), any(), org.mockito.ArgumentMatchers.eq(pi.getId()), org.mockito.ArgumentMatchers.eq(true));
    assertThat(pi).hasPassed(TASK_CHECK_REPLICATION).isWaitingAt(EVENT_USER_REPLICATED);
  }

  @Test
  void anUnknownManagerIsReplacedOrLeftOut() {
    when(directory.planIdentity(any(), any(), any()))
        .thenThrow(new DirectoryException(DirectoryException.Code.MANAGER_NOT_FOUND, "No AD account has employeeID E00001"))
        .thenThrow(new DirectoryException(DirectoryException.Code.MANAGER_NOT_FOUND, "No AD account has employeeID E77777"))
        .thenReturn(PLAN);
    ProcessInstance pi = start(request());
    run(TASK_PREVIEW_IDENTITY);
    assertWaitingForAPerson(pi, TASK_RESOLVE_MANAGER);

    choose(pi, RESOLUTION.name(), Resolution.CHANGE_MANAGER.name(), MANAGER_EMPLOYEE_ID.name(), "E77777");
    run(TASK_PREVIEW_IDENTITY);
    assertWaitingForAPerson(pi, TASK_RESOLVE_MANAGER);

    choose(pi, RESOLUTION.name(), Resolution.WITHOUT_MANAGER.name());
    run(TASK_PREVIEW_IDENTITY);
    assertThat(pi).isWaitingAt(TASK_APPROVE_ONBOARDING);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), MANAGER_EMPLOYEE_ID.name())).isNull();
    var hires = org.mockito.ArgumentCaptor.forClass(org.hybridonboarding.directory.NewHire.class);
    verify(directory, times(3)).planIdentity(hires.capture(), any(), any());
    assertThat(hires.getAllValues()).extracting(org.hybridonboarding.directory.NewHire::managerEmployeeId)
        .containsExactly("E00001", "E77777", null);
  }

  @Test
  void theHelpdeskCanHandOverCredentialsInPerson() {
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);
    when(cloud.handOverCredentials(any())).thenThrow(new CloudException(CloudException.Code.TAP_FAILED, "policy off"));
    ProcessInstance pi = untilLicensing();
    run(TASK_ASSIGN_LICENSE);
    run(TIMER_MAIL_SLOT);
    assertWaitingForAPerson(pi, TASK_RESOLVE_CREDENTIALS);

    choose(pi, RESOLUTION.name(), Resolution.MANUAL.name());

    assertThat(pi).isWaitingAt(TASK_DELIVER_CREDENTIALS_MANUALLY);
    assertThat(task(pi)).hasCandidateGroup(GROUP_HELPDESK);
    complete(task(pi), withVariables("credentialsDelivered", true));
    assertThat(pi).isEnded().hasPassed(END_EVENT_ONBOARDED_MANUALLY);
  }

  @Test
  void aChoiceThatDoesNotFitTheProblemComesBack() {
    ProcessInstance pi = replicationTimedOut();

    choose(pi, RESOLUTION.name(), Resolution.ADOPT.name());

    assertWaitingForAPerson(pi, TASK_RESOLVE_OVERDUE);
    assertThat(problem(pi)).variables().containsEntry(RESOLUTION_ERROR.name(), "ADOPT does not fit this problem");
  }

  @Test
  void abortFromTheExistingAccountTask() {
    when(directory.createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean()))
        .thenThrow(new DirectoryException(DirectoryException.Code.ACCOUNT_EXISTS, "rehire"));
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_CREATE_AD_ACCOUNT);
    abortsAndUndoes(pi, TASK_RESOLVE_EXISTING_ACCOUNT);
  }

  @Test
  void abortFromTheManagerTask() {
    when(directory.planIdentity(any(), any(), any())).thenThrow(new DirectoryException(DirectoryException.Code.MANAGER_NOT_FOUND, "no manager"));
    ProcessInstance pi = start(request());
    run(TASK_PREVIEW_IDENTITY);
    abortsAndUndoes(pi, TASK_RESOLVE_MANAGER);
  }

  @Test
  void abortFromTheCredentialsTaskRemovesTheLicence() {
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);
    when(cloud.handOverCredentials(any())).thenThrow(new CloudException(CloudException.Code.TAP_FAILED, "policy off"));
    ProcessInstance pi = untilLicensing();
    run(TASK_ASSIGN_LICENSE);
    run(TIMER_MAIL_SLOT);
    abortsAndUndoes(pi, TASK_RESOLVE_CREDENTIALS);
    verify(cloud).removeDirectLicenses("cloud-1");
  }

  @Test
  void abortFromTheLicenceTask() {
    org.mockito.Mockito.doThrow(new CloudException(CloudException.Code.NO_FREE_SEAT, "no seat", Map.of()))
        .when(cloud).preflight(anyString(), anyString(), any());
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    assertWaitingForAPerson(pi, TASK_RESOLVE_LICENCE);
    choose(pi, RESOLUTION.name(), Resolution.ABORT.name());
    // After a pre-flight problem the choice is taken up in a job of its own.
    run(GATEWAY_RETRY_PREFLIGHT);
    run(UndoOnboardingProcess.TASK_REMOVE_LICENSES);
    run(UndoOnboardingProcess.TASK_QUARANTINE_ACCOUNT);
    assertThat(pi).isEnded().hasPassed(END_EVENT_ABORTED);
  }
}
