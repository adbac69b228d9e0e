package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hybridonboarding.process.OnboardingProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The diagram with its real delegates, the engine in memory, AD and Graph mocked. */

/** Cancellation at any point: the same undo as an abort, then Cancelled. */
class CancellationProcessTest extends OnboardingProcessFixture {
  @Test
  void cancelledWhileWaitingForApproval() {
    ProcessInstance pi = awaitingApproval(request());

    cancel(pi);

    verify(directory).quarantine(org.mockito.ArgumentMatchers.eq("E10001"), org.mockito.ArgumentMatchers.eq(pi.getId()),
        org.mockito.ArgumentMatchers.eq("Onboarding cancelled by hr-system: offer withdrawn on 2026-11-29"));
    verify(cloud, org.mockito.Mockito.never()).removeDirectLicenses(anyString());
    verify(directory, org.mockito.Mockito.never()).createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
  }

  @Test
  void cancelledWhileWaitingForReplication() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.empty());
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    assertThat(pi).isWaitingAt(EVENT_USER_REPLICATED);

    cancel(pi);

    verify(directory).quarantine(org.mockito.ArgumentMatchers.eq("E10001"), org.mockito.ArgumentMatchers.eq(pi.getId()), anyString());
    verify(cloud, org.mockito.Mockito.never()).removeDirectLicenses(anyString());
  }

  @Test
  void cancelledWhileWaitingForGroupLicensing() {
    register(true, ProcessProperties.Licensing.Mode.GROUP);
    when(cloud.groupLicenseActive(org.mockito.ArgumentMatchers.eq("cloud-1"), org.mockito.ArgumentMatchers.eq("SPE_E3"), any()))
        .thenReturn(false);
    ProcessInstance pi = untilLicensing();
    run(TASK_CHECK_GROUP_LICENSE);
    assertThat(pi).isWaitingAt(TIMER_GROUP_LICENSE_POLL);

    cancel(pi);

    org.mockito.InOrder order = org.mockito.Mockito.inOrder(cloud, directory);
    order.verify(cloud).removeDirectLicenses("cloud-1");
    order.verify(directory).quarantine(org.mockito.ArgumentMatchers.eq("E10001"), org.mockito.ArgumentMatchers.eq(pi.getId()), anyString());
  }

  @Test
  void cancelledWhileWaitingForTheMailbox() {
    when(cloud.hasMailbox("cloud-1")).thenReturn(false);
    ProcessInstance pi = untilLicensing();
    run(TASK_ASSIGN_LICENSE);
    assertThat(pi).isWaitingAt(TIMER_MAILBOX_POLL);

    cancel(pi);

    org.mockito.InOrder order = org.mockito.Mockito.inOrder(cloud, directory);
    order.verify(cloud).removeDirectLicenses("cloud-1");
    order.verify(directory).quarantine(org.mockito.ArgumentMatchers.eq("E10001"), org.mockito.ArgumentMatchers.eq(pi.getId()), anyString());
    verify(cloud, org.mockito.Mockito.never()).handOverCredentials(any());
  }
}
