package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.hybridonboarding.process.OnboardingProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hybridonboarding.cloud.CloudUser;
import org.hybridonboarding.directory.AdAccount;
import org.hybridonboarding.directory.DirectoryException;
import org.hybridonboarding.directory.IdentityPlan;
import org.junit.jupiter.api.Test;

/** The diagram with its real delegates, the engine in memory, AD and Graph mocked. */

/** The onboarding's own path: approval, the provisioning window, the waits for sync and licences, planning, retries of technical failures. */
class OnboardingPathProcessTest extends OnboardingProcessFixture {
  @Test
  void aRehireRunsTheSamePathUnderTheOldAccountsNames() {
    when(directory.planIdentity(any(), any(), any())).thenReturn(new org.hybridonboarding.directory.IdentityPlan(
        "jose.mueller", "jose.mueller@contoso.com", "jose.mueller", "jose.mueller@contoso.com", "José Müller", "José Müller",
        "OU=Staff,DC=contoso,DC=com", null, null, null, "CN=José Müller,OU=Leavers,DC=contoso,DC=com"));
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "jose.mueller@contoso.com", "DE")));
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);

    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_ASSIGN_LICENSE);
    run(OnboardingProcess.TASK_RESTORE_USER_MAILBOX);
    run(TIMER_MAIL_SLOT);

    assertThat(pi).isEnded().hasPassedInOrder(TASK_CREATE_AD_ACCOUNT, TASK_ASSIGN_LICENSE,
        OnboardingProcess.TASK_RESTORE_USER_MAILBOX, TASK_CHECK_MAILBOX, END_EVENT_ONBOARDED);
    var order = org.mockito.Mockito.inOrder(cloud, leavers, exchange);
    order.verify(cloud).assignLicense("cloud-1", null, "SPE_E3");
    order.verify(leavers).stampMailboxType("E10001", false);
    order.verify(exchange).setType("jose.mueller@contoso.com", false);
    assertThat(pi).variables().containsEntry(OnboardingProcess.REHIRE.name(), true)
        .containsEntry(SAM_ACCOUNT_NAME.name(), "jose.mueller");
    // The directory brings the offboarded account back itself; the onboarding asks nobody to adopt it.
    verify(directory).createAccount(any(), any(), any(), anyString(), org.mockito.ArgumentMatchers.eq(false));
  }

  @Test
  void happyPath() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "jose.mueller@contoso.com", "DE")));
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);

    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_ASSIGN_LICENSE);
    run(TIMER_MAIL_SLOT);

    assertThat(pi).isEnded().hasPassedInOrder(TASK_VALIDATE_REQUEST, TASK_APPROVE_ONBOARDING, TASK_PLAN_IDENTITY,
        TASK_PREFLIGHT_CLOUD, TASK_CREATE_AD_ACCOUNT, TASK_CHECK_REPLICATION, TASK_ASSIGN_LICENSE, TASK_CHECK_MAILBOX,
        TASK_HAND_OVER_CREDENTIALS, END_EVENT_ONBOARDED);
    assertThat(pi).variables()
        .containsEntry(SAM_ACCOUNT_NAME.name(), "jose.mueller")
        .containsEntry(OnboardingProcess.IMMUTABLE_ID.name(), IMMUTABLE_ID)
        .containsEntry(CLOUD_USER_ID.name(), "cloud-1")
        .containsEntry(LICENSE_SKU.name(), "SPE_E3")
        .containsEntry(MAILBOX_READY.name(), true)
        .containsEntry(CREDENTIALS_SENT_TO.name(), "megan.bowen@contoso.com")
        .containsEntry(OnboardingProcess.REHIRE.name(), false);
    assertThat(pi).hasNotPassed(OnboardingProcess.TASK_RESTORE_USER_MAILBOX);
    // Sync brought the usage location from AD: nothing to set first.
    verify(cloud).assignLicense("cloud-1", null, "SPE_E3");
    // The planner asked Entra ID for the addresses in the same job: the pre-flight asks only for a seat.
    // previewed for the approver, planned
    verify(cloud, times(2)).addressesInUse("E10001", List.of("jose.mueller@contoso.com"));
    verify(cloud).preflight("SPE_E3", "E10001", List.of());
    verify(directory).createAccount(any(), any(), org.mockito.ArgumentMatchers.eq(List.of()), anyString(), org.mockito.ArgumentMatchers.eq(false));
  }

  /** The welcome mail's slot is booked due by the start of the first day where the person works: 2026-12-01 in Sydney. */
  @Test
  void theWelcomeMailIsDueByTheStartOfTheFirstDayWhereThePersonWorks() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "jose.mueller@contoso.com", "DE")));
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);
    Map<String, Object> variables = request();
    variables.put(OnboardingProcess.TIME_ZONE.name(), "Australia/Sydney");
    ProcessInstance pi = awaitingApproval(variables);
    complete(task(pi), withVariables(APPROVED.name(), true));
    untilReplicationWait(pi);
    run(TASK_ASSIGN_LICENSE);

    verify(mailSlots).book(1, java.time.Instant.parse("2026-11-30T13:00:00Z"));
  }

  /** The pass goes to the manager's mail as AD had it at planning; an onboarding planned before that was read asks Graph. */
  @Test
  void anOnboardingPlannedBeforeTheUpgradeHasItsManagerLookedUp() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "jose.mueller@contoso.com", "DE")));
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_ASSIGN_LICENSE);
    engine.getRuntimeService().removeVariable(pi.getId(), PlanIdentityDelegate.MANAGER_MAIL.name());
    run(TIMER_MAIL_SLOT);

    var handover = org.mockito.ArgumentCaptor.forClass(org.hybridonboarding.cloud.CredentialHandover.class);
    verify(cloud).handOverCredentials(handover.capture());
    assertThat(handover.getValue().managerMail()).isNull();
    assertThat(handover.getValue().managerToLookUp()).isEqualTo("E00001");
  }

  /**
   * In a bulk, onboardings under way finish before new ones start: each step's jobs go before the
   * steps behind it (job acquisition by priority), and all after the replication watch's (100).
   * Four jobs: plan with the pre-flight, the account with the first replication check, the licence
   * with the first mailbox check and the booking, the hand-over at its slot.
   */
  @Test
  void laterStepsGoFirst() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "jose.mueller@contoso.com", "DE")));
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);
    ProcessInstance pi = approved();

    List<Long> priorities = List.of(run(TASK_PLAN_IDENTITY), run(TASK_CREATE_AD_ACCOUNT), run(TASK_ASSIGN_LICENSE),
        run(TIMER_MAIL_SLOT));

    assertThat(pi).isEnded().hasPassed(END_EVENT_ONBOARDED);
    assertThat(priorities).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates().allMatch(p -> p < 100);
  }

  @Test
  void rejectedByApprover() {
    ProcessInstance pi = awaitingApproval(request());
    assertThat(pi).variables().containsEntry(SAM_ACCOUNT_NAME.name(), "jose.mueller");
    complete(task(pi), withVariables(APPROVED.name(), false, APPROVAL_COMMENT.name(), "not in the budget"));

    assertThat(pi).isEnded().hasPassed(END_EVENT_REJECTED);
    verify(directory, org.mockito.Mockito.never()).createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
    verify(cloud, org.mockito.Mockito.never()).preflight(anyString(), anyString(), any());
  }

  @Test
  void aWaitingApprovalRemindsThenEscalates() {
    ProcessInstance pi = awaitingApproval(request());

    run(TIMER_APPROVAL_REMINDER);
    run(TASK_REMIND_APPROVERS);
    // Nobody of the approvers' group is known to this engine: only the configured address.
    verify(cloud).notify(org.mockito.ArgumentMatchers.eq(List.of("approvers@contoso.com")),
        org.mockito.ArgumentMatchers.contains("José Müller"), org.mockito.ArgumentMatchers.contains("http://tasklist"));
    assertThat(pi).isWaitingAt(TASK_APPROVE_ONBOARDING);

    run(TIMER_APPROVAL_ESCALATION);
    run(TASK_ESCALATE_APPROVAL);
    assertThat(task(pi)).hasCandidateGroupAssociated(GROUP_APPROVERS).hasCandidateGroupAssociated("onboarding-escalation");
    assertThat(pi).isWaitingAt(TASK_APPROVE_ONBOARDING);
  }

  @Test
  void theManagerApprovesAndTheApproversMayToo() {
    ProcessInstance pi = awaitingApproval(request());

    assertThat(task(pi)).isAssignedTo("megan.bowen").hasCandidateGroupAssociated(GROUP_APPROVERS);
  }

  @Test
  void withoutAManagerAccountTheGroupApproves() {
    // No manager, or a disabled one (a leaver): the plan names no account.
    when(directory.planIdentity(any(), any(), any())).thenReturn(new IdentityPlan(PLAN.samAccountName(),
        PLAN.userPrincipalName(), PLAN.mailNickname(), PLAN.mail(), PLAN.cn(), PLAN.displayName(), PLAN.ouDn(),
        PLAN.managerDn(), null));
    ProcessInstance pi = awaitingApproval(request());

    assertThat(task(pi)).isNotAssigned().hasCandidateGroup(GROUP_APPROVERS);
  }

  @Test
  void approvalByGroupAssignsNobody() {
    approvalBy = ProcessProperties.ApprovalBy.GROUP;
    register(true);
    ProcessInstance pi = awaitingApproval(request());

    assertThat(task(pi)).isNotAssigned().hasCandidateGroup(GROUP_APPROVERS);
  }

  @Test
  void theReminderGoesToTheAssignedManager() {
    user("megan.bowen", "Megan", "Bowen", "megan.bowen@contoso.com");
    reminderTo = null;
    register(true);
    ProcessInstance pi = awaitingApproval(request());

    run(TIMER_APPROVAL_REMINDER);
    run(TASK_REMIND_APPROVERS);

    verify(cloud).notify(org.mockito.ArgumentMatchers.eq(List.of("megan.bowen@contoso.com")),
        org.mockito.ArgumentMatchers.contains("José Müller"), org.mockito.ArgumentMatchers.argThat(html -> !html.contains("Also able")));
  }

  @Test
  void aGroupReminderReachesAtMostTheLimitAndNamesTheRest() {
    approvalBy = ProcessProperties.ApprovalBy.GROUP;
    reminderTo = null;
    maxReminderRecipients = 2;
    register(true);
    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(GROUP_APPROVERS));
    for (String name : List.of("ann", "bob", "cem")) {
      user(name, name, "Approver", name + "@contoso.com");
      engine.getIdentityService().createMembership(name, GROUP_APPROVERS);
    }
    user("dan", "dan", "NoMail", null);
    engine.getIdentityService().createMembership("dan", GROUP_APPROVERS);
    ProcessInstance pi = awaitingApproval(request());

    run(TIMER_APPROVAL_REMINDER);
    run(TASK_REMIND_APPROVERS);

    @SuppressWarnings("unchecked")
    org.mockito.ArgumentCaptor<List<String>> to = org.mockito.ArgumentCaptor.forClass(List.class);
    org.mockito.ArgumentCaptor<String> html = org.mockito.ArgumentCaptor.forClass(String.class);
    verify(cloud).notify(to.capture(), anyString(), html.capture());
    assertThat(to.getValue()).hasSize(2).allMatch(address -> address.endsWith("@contoso.com"));
    // The one not mailed and the one without a mail address are named.
    assertThat(html.getValue()).contains("Also able to approve it:").contains("dan NoMail (dan)")
        .containsAnyOf("ann Approver (ann)", "bob Approver (bob)", "cem Approver (cem)");
  }

  private void user(String id, String first, String last, String mail) {
    org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(mail);
    engine.getIdentityService().saveUser(user);
  }

  @Test
  void invalidRequestEndsWithTheReason() {
    Map<String, Object> variables = request();
    variables.put(USAGE_LOCATION.name(), "Germany");
    variables.remove(SURNAME.name());

    ProcessInstance pi = start(variables);

    assertThat(pi).isEnded().hasPassed(END_EVENT_INVALID);
    assertThat(pi).variables().containsEntry(REQUEST_VALID.name(), false);
    assertThat((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(REJECTION_REASON.name()).singleResult().getValue())
        .contains("surname: is required").contains("usageLocation:");
    verifyNoInteractions(directory, cloud);
  }

  @Test
  void approvalCanBeSwitchedOff() {
    register(false);
    ProcessInstance pi = start(request());
    assertThat(pi).isWaitingAt(TASK_PLAN_IDENTITY);
    assertThat(pi).hasNotPassed(TASK_APPROVE_ONBOARDING);
  }

  @Test
  void waitsForTheProvisioningWindow() {
    Map<String, Object> variables = request();
    variables.put(START_DATE.name(), "2027-01-15");
    ProcessInstance pi = awaitingApproval(variables);
    complete(task(pi), withVariables(APPROVED.name(), true));

    assertThat(pi).isWaitingAt(TIMER_PROVISIONING_WINDOW);
    Job timer = engine.getManagementService().createJobQuery().activityId(TIMER_PROVISIONING_WINDOW).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(LocalDate.parse("2027-01-01").atStartOfDay(ZoneOffset.UTC).toInstant()));
    run(TIMER_PROVISIONING_WINDOW);
    assertThat(pi).isWaitingAt(TASK_PLAN_IDENTITY);
  }

  @Test
  void waitsForTheReplicationWatchUntilTheUserArrives() {
    when(cloud.findSyncedUser(IMMUTABLE_ID))
        .thenReturn(Optional.empty(), Optional.of(new CloudUser("cloud-1", "jose.mueller@contoso.com", null)));
    ProcessInstance pi = approved();
    untilReplicationWait(pi);

    assertThat(pi).isWaitingAt(EVENT_USER_REPLICATED);
    // No poll timer of its own: only the watch wakes it, and only for its own user.
    assertThat(engine.getRuntimeService().createMessageCorrelation(MESSAGE_USER_REPLICATED).processInstanceBusinessKey("E10001")
        .processInstanceVariableEquals(OnboardingProcess.IMMUTABLE_ID.name(), "someone else").correlateAllWithResult()).isEmpty();
    // As ReplicationWatch.offer wakes it: the message says the user is there, enabled, with its cloud id.
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_USER_REPLICATED).processInstanceBusinessKey("E10001")
        .processInstanceVariableEquals(OnboardingProcess.IMMUTABLE_ID.name(), IMMUTABLE_ID)
        .setVariable(CLOUD_USER_ID.name(), "cloud-1").setVariable(OnboardingProcess.USER_SYNCED.name(), true).correlate();

    assertThat(pi).isWaitingAt(TASK_ASSIGN_LICENSE);
    assertThat(pi).variables().containsEntry(CLOUD_USER_ID.name(), "cloud-1");
    // Graph was asked once, right after the account was created; the watch's message answered the rest.
    verify(cloud, times(1)).findSyncedUser(IMMUTABLE_ID);
  }

  @Test
  void planningStepsAroundAddressesTakenInTheCloud() {
    IdentityPlan numbered = new IdentityPlan("jose.mueller2", "jose.mueller2@contoso.com", "jose.mueller2",
        "jose.mueller2@contoso.com", "José Müller (2)", "José Müller", PLAN.ouDn(), PLAN.managerDn(), PLAN.managerAccountName());
    when(directory.planIdentity(any(), org.mockito.ArgumentMatchers.eq(Set.of()), any())).thenReturn(PLAN);
    when(directory.planIdentity(any(), org.mockito.ArgumentMatchers.eq(Set.of("jose.mueller@contoso.com")), any())).thenReturn(numbered);
    when(cloud.addressesInUse("E10001", List.of("jose.mueller@contoso.com"))).thenReturn(Set.of("jose.mueller@contoso.com"));
    ProcessInstance pi = approved();

    run(TASK_PLAN_IDENTITY);

    assertThat(pi).variables().containsEntry(USER_PRINCIPAL_NAME.name(), "jose.mueller2@contoso.com")
        .containsEntry(SAM_ACCOUNT_NAME.name(), "jose.mueller2");
  }

  @Test
  void groupLicensingJoinsTheGroupAndWaitsUntilActive() {
    register(true, ProcessProperties.Licensing.Mode.GROUP);
    when(cloud.groupLicenseActive(org.mockito.ArgumentMatchers.eq("cloud-1"), org.mockito.ArgumentMatchers.eq("SPE_E3"), any())).thenReturn(false, false, true);
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);
    ProcessInstance pi = untilLicensing();

    assertThat(pi).isWaitingAt(TASK_CHECK_GROUP_LICENSE);
    run(TASK_CHECK_GROUP_LICENSE);
    run(TIMER_GROUP_LICENSE_POLL);
    run(TASK_CHECK_GROUP_LICENSE);
    run(TIMER_GROUP_LICENSE_POLL);
    run(TASK_CHECK_GROUP_LICENSE);
    run(TIMER_MAIL_SLOT);

    assertThat(pi).isEnded().hasPassed(END_EVENT_ONBOARDED).hasNotPassed(TASK_ASSIGN_LICENSE);
    verify(directory).createAccount(any(), any(), org.mockito.ArgumentMatchers.eq(List.of(LICENSING_GROUP)), anyString(), org.mockito.ArgumentMatchers.anyBoolean());
    verify(cloud, org.mockito.Mockito.never()).assignLicense(any(), any(), any());
  }

  @Test
  void aNameTakenMeanwhileIsPlannedAgainWithoutAPerson() {
    when(directory.createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean()))
        .thenThrow(new DirectoryException(DirectoryException.Code.NAME_COLLISION, "sAMAccountName taken"))
        .thenReturn(new AdAccount("CN=José Müller (2),OU=Staff,DC=contoso,DC=com", "jose.mueller2", "jose.mueller2@contoso.com",
            "jose.mueller2@contoso.com", IMMUTABLE_ID, NOW));
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_CREATE_AD_ACCOUNT);

    assertThat(pi).isWaitingAt(TASK_PLAN_IDENTITY);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    untilReplicationWait(pi);
    // previewed, planned, planned again
    verify(directory, times(3)).planIdentity(any(), any(), any());
  }

  @Test
  void theAccountIsMarkedWithThisOnboarding() {
    ProcessInstance pi = approved();
    untilReplicationWait(pi);

    verify(directory).createAccount(any(), any(), any(), org.mockito.ArgumentMatchers.eq(pi.getId()), org.mockito.ArgumentMatchers.eq(false));
  }

  /**
   * The first replication check runs in the account's job: a failure there retries the account's
   * creation too, which the directory gateway finds done (the same onboarding's account) and completes.
   */
  @Test
  void technicalFailuresAreRetriedThenBecomeAnIncident() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenThrow(new IllegalStateException("Graph answered 503"));
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);

    Job job = engine.getManagementService().createJobQuery().activityId(TASK_CREATE_AD_ACCOUNT).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the job executor would log it and try again later
      }
    }

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult().getIncidentMessage())
        .contains("Graph answered 503");
    assertThat(pi).isWaitingAt(TASK_CREATE_AD_ACCOUNT);
    verify(directory, times(3)).createAccount(any(), any(), any(), org.mockito.ArgumentMatchers.eq(pi.getId()),
        org.mockito.ArgumentMatchers.eq(false));
  }
}
