package org.hybridonboarding.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.hybridonboarding.offboarding.OffboardingProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.cloud.LeaverCloud;
import org.hybridonboarding.directory.DirectoryException;
import org.hybridonboarding.directory.DirectoryProperties;
import org.hybridonboarding.directory.LeaverDirectory;
import org.hybridonboarding.exchange.ExchangeAdmin;
import org.hybridonboarding.exchange.ExchangeException;
import org.hybridonboarding.process.OnboardingProcess;
import org.hybridonboarding.process.OnboardingSettings;
import org.hybridonboarding.process.ProcessProperties;
import org.hybridonboarding.process.Resolution;
import org.hybridonboarding.process.ResolveProblemDelegates;
import org.hybridonboarding.process.ResolveProblemProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** hybrid-offboarding with its real delegates, the engine in memory, AD, Graph and Exchange Online mocked. */
@Deployment(resources = {"processes/hybrid-offboarding.bpmn", "processes/resolve-problem.bpmn",
    "forms/approve-offboarding.form", "forms/resolve-problem.form", "forms/resolve-licence.form",
    "forms/resolve-overdue.form", "forms/resolve-usage-location.form", "forms/resolve-existing-account.form",
    "forms/resolve-manager.form", "forms/resolve-credentials.form", "forms/resolve-mailbox-access.form"})
class OffboardingProcessTest {

  @RegisterExtension
  ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
  static final String LEAVERS = "OU=Leavers,DC=contoso,DC=com";
  static final String REMOVED = "OU=Removed,DC=contoso,DC=com";
  static final String FINANCE = "CN=Finance,OU=Groups,DC=contoso,DC=com";
  static final String SKU = "05e9a617-0261-4cee-bb44-138d3ef5d965";
  static final LeaverDirectory.Leaver LEE = new LeaverDirectory.Leaver("CN=Lee Gu,OU=Staff,DC=contoso,DC=com",
      LeaverDirectory.Place.MANAGED, "lee.gu", "lee.gu@contoso.com", "lee.gu@contoso.com", "Lee Gu", "Lee", "Gu", "guid==", true, 1,
      "E00001", "megan.bowen@contoso.com", List.of(FINANCE));

  LeaverDirectory directory = mock(LeaverDirectory.class);
  LeaverCloud leaverCloud = mock(LeaverCloud.class);
  CloudGateway cloud = mock(CloudGateway.class);
  ExchangeAdmin exchange = mock(ExchangeAdmin.class);

  @BeforeEach
  void register() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    register(false);
    when(directory.find("E00003")).thenReturn(Optional.of(LEE));
    when(directory.cutAccess("E00003")).thenReturn(LEE);
    when(directory.mailOfActive("E00001")).thenReturn(Optional.of("megan.bowen@contoso.com"));
    when(directory.mailOfActive("E00002")).thenReturn(Optional.of("alex.wilber@contoso.com"));
    when(directory.retire(eq("E00003"), any(), anyString(), anyString()))
        .thenAnswer(call -> "CN=Lee Gu," + call.getArgument(3));
    when(directory.reinstate(eq("E00003"), anyString(), any(), anyString())).thenReturn(LEE);
    when(leaverCloud.findLeaver("guid==")).thenReturn(Optional.of(new LeaverCloud.Leaver("cloud-1", "lee.gu@contoso.com",
        false, "US", List.of(SKU))));
    when(leaverCloud.mailboxPurpose("cloud-1")).thenReturn(Optional.of("shared"));
    when(exchange.mailbox("lee.gu@contoso.com")).thenReturn(new ExchangeAdmin.Mailbox("SharedMailbox", false, false, 1_000_000));
    when(cloud.removeDirectLicenses("cloud-1")).thenReturn(List.of(SKU));
    when(cloud.handOverCredentials(any())).thenReturn("megan.bowen@contoso.com");
  }

  void register(boolean approvalRequired) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ProcessProperties process = new ProcessProperties(Duration.ofDays(14), ZoneId.of("UTC"),
        new ProcessProperties.Approval(true, ProcessProperties.ApprovalBy.MANAGER, Duration.ofHours(24), null, 20, Duration.ofHours(72), "onboarding-escalation", "x"),
        new ProcessProperties.Replication(Duration.ofMinutes(5), Duration.ofHours(2)),
        new ProcessProperties.Mailbox(Duration.ofMinutes(5), Duration.ofHours(24)),
        new ProcessProperties.Licensing("SPE_E3", ProcessProperties.Licensing.Mode.DIRECT, Map.of(), Duration.ofMinutes(5),
            Duration.ofHours(4)),
        new ProcessProperties.Jobs("R2/PT1M"));
    OnboardingSettings onboarding = new OnboardingSettings(process);
    OffboardingSettings settings = new OffboardingSettings(new OffboardingProperties(
        new OffboardingProperties.Approval(approvalRequired), Duration.ofDays(7), LocalTime.of(18, 0), Duration.ofDays(90),
        Duration.ofDays(30), Duration.ofMinutes(5), Duration.ofHours(2)), onboarding, clock);
    DirectoryProperties directoryProperties = new DirectoryProperties(true, "OU=Staff,DC=contoso,DC=com",
        "OU=Quarantine,DC=contoso,DC=com", LEAVERS, REMOVED, "contoso.com", "contoso.com", "contoso.mail.onmicrosoft.com",
        false, Map.of(), Map.of(), 10);
    Mocks.register("onboardingSettings", onboarding);
    Mocks.register("offboardingSettings", settings);
    ResolveProblemDelegates.register(onboarding, clock);
    Mocks.register("validateOffboardingDelegate", new ValidateOffboardingDelegate(new OffboardingRules(clock), directory, settings));
    Mocks.register("notifyManagerDelegate", new NotifyManagerDelegate(cloud, settings));
    Mocks.register("cutAccessDelegate", new CutAccessDelegate(directory, clock));
    Mocks.register("revokeSessionsDelegate", new RevokeSessionsDelegate(leaverCloud));
    Mocks.register("convertMailboxDelegate", new ConvertMailboxDelegate(directory, exchange));
    Mocks.register("checkSharedMailboxDelegate", new CheckSharedMailboxDelegate(leaverCloud, exchange));
    Mocks.register("grantMailboxAccessDelegate", new GrantMailboxAccessDelegate(directory, exchange));
    Mocks.register("setAutoReplyDelegate", new SetAutoReplyDelegate(leaverCloud));
    Mocks.register("removeLeaverLicensesDelegate", new RemoveLeaverLicensesDelegate(cloud, exchange));
    Mocks.register("retireAccountDelegate", new RetireAccountDelegate(directory, directoryProperties, settings, onboarding, clock));
    Mocks.register("deleteAccountDelegate", new DeleteAccountDelegate(directory, directoryProperties));
    Mocks.register("reinstateAccountDelegate", new ReinstateAccountDelegate(directory, settings, clock));
    Mocks.register("checkUserBackDelegate", new CheckUserBackDelegate(leaverCloud));
    Mocks.register("restoreMailboxDelegate", new RestoreMailboxDelegate(leaverCloud, exchange));
    Mocks.register("handOverReinstatedCredentialsDelegate", new HandOverReinstatedCredentialsDelegate(cloud, settings, clock));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  static Map<String, Object> request(String lastWorkingDay, boolean immediate, String mailbox) {
    Map<String, Object> variables = new OffboardingRequest("E00003", lastWorkingDay, mailbox, null,
        "Lee has left.", immediate, "Resigned", "Europe/Berlin").toVariables();
    if ("REMOVE".equals(mailbox)) {
      variables.put(AUTO_REPLY.name(), null);
    }
    return variables;
  }

  ProcessInstance start(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(KEY, "E00003", variables);
  }

  Job job(String activityId) {
    Job job = engine.getManagementService().createJobQuery().activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    return job;
  }

  void run(String... activityIds) {
    for (String activityId : activityIds) {
      engine.getManagementService().executeJob(job(activityId).getId());
    }
  }

  ProcessInstance problem(ProcessInstance pi) {
    ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(ResolveProblemProcess.KEY).singleResult();
    assertThat(called).as("a problem being resolved").isNotNull();
    return called;
  }

  void choose(ProcessInstance pi, Object... variables) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    complete(task(problem(pi)), values);
  }

  /** Immediate: from the start to the wait for a reinstatement, every step run once. */
  ProcessInstance offboarded(String mailbox) {
    ProcessInstance pi = start(request("2026-11-29", true, mailbox));
    run(TIMER_CUT, TASK_CUT_ACCESS, TASK_REVOKE_SESSIONS);
    if (!"REMOVE".equals(mailbox)) {
      run(TASK_CONVERT_MAILBOX, TASK_CHECK_SHARED_MAILBOX, TASK_GRANT_MAILBOX_ACCESS, TASK_SET_AUTO_REPLY);
    }
    run(TASK_REMOVE_LICENSES, TASK_RETIRE_ACCOUNT, TASK_REPORT);
    assertThat(pi).isWaitingAt(GATEWAY_REINSTATE_OR_KEEP);
    return pi;
  }

  @Test
  void sharedMailboxPathConvertsOnBothSidesBeforeTheLicencesGo() {
    ProcessInstance pi = offboarded("SHARED");

    assertThat(pi).hasPassedInOrder(TASK_VALIDATE, TIMER_CUT, TASK_CUT_ACCESS, TASK_REVOKE_SESSIONS, TASK_CONVERT_MAILBOX,
        TASK_CHECK_SHARED_MAILBOX, TASK_GRANT_MAILBOX_ACCESS, TASK_SET_AUTO_REPLY, TASK_REMOVE_LICENSES, TASK_RETIRE_ACCOUNT,
        TASK_REPORT).hasNotPassed(TIMER_NOTICE, TASK_APPROVE);
    var order = org.mockito.Mockito.inOrder(directory, exchange, cloud);
    order.verify(directory).stampMailboxType("E00003", true);
    order.verify(exchange).setType("lee.gu@contoso.com", true);
    order.verify(exchange).grantFullAccess("lee.gu@contoso.com", "megan.bowen@contoso.com");
    order.verify(cloud).removeDirectLicenses("cloud-1");
    order.verify(directory).retire(eq("E00003"), eq(List.of(FINANCE)), contains("Resigned"), eq(LEAVERS));
    verify(leaverCloud).revokeSignInSessions("cloud-1");
    verify(leaverCloud).deleteTemporaryAccessPasses("cloud-1");
    verify(leaverCloud).setAutomaticReply("cloud-1", "Lee has left.");
    verify(cloud).notify(eq("megan.bowen@contoso.com"), contains("has been offboarded"), contains("shared mailbox"));
    assertThat(pi).variables().containsEntry(LICENSES_REMOVED.name(), SKU).containsEntry(MOVED_TO.name(), "CN=Lee Gu," + LEAVERS)
        .containsEntry(MAILBOX_TYPE.name(), "shared").containsEntry(GROUPS_REMOVED.name(), FINANCE);
    assertThat(job(TIMER_REINSTATE_WINDOW).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(30))));

    run(TIMER_REINSTATE_WINDOW);
    assertThat(pi).isEnded().hasPassed(END_EVENT_OFFBOARDED).hasNotPassed(TIMER_RETENTION);
    verify(directory, never()).deleteIfIn(anyString(), anyString());
  }

  @Test
  void removePathLeavesSyncScopeAndDeletesAfterTheRetention() {
    ProcessInstance pi = offboarded("REMOVE");

    verify(exchange, never()).setType(anyString(), org.mockito.ArgumentMatchers.anyBoolean());
    verify(directory).retire(eq("E00003"), eq(List.of(FINANCE)), anyString(), eq(REMOVED));
    run(TIMER_REINSTATE_WINDOW);
    assertThat(pi).isWaitingAt(TIMER_RETENTION);
    assertThat(job(TIMER_RETENTION).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(90))));
    when(directory.deleteIfIn("E00003", REMOVED)).thenReturn(true);
    run(TIMER_RETENTION, TASK_DELETE_ACCOUNT);
    assertThat(pi).isEnded().hasPassed(END_EVENT_OFFBOARDED);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(ACCOUNT_DELETED.name()).singleResult().getValue()).isEqualTo(true);
  }

  @Test
  void theManagerIsToldAWeekAheadAndAccessEndsAtTheCutOffWhereThePersonWorks() {
    ProcessInstance pi = start(request("2026-12-10", false, "SHARED"));

    assertThat(pi).isWaitingAt(TIMER_NOTICE);
    // 2026-12-10 00:00 in Berlin (UTC+1) minus 7 days; 18:00 in Berlin.
    assertThat(job(TIMER_NOTICE).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-02T23:00:00Z")));
    run(TIMER_NOTICE, TASK_NOTIFY_MANAGER);
    verify(cloud).notify(eq("megan.bowen@contoso.com"), contains("leaves on 2026-12-10"), contains("access ends on"));
    assertThat(pi).isWaitingAt(TIMER_CUT);
    assertThat(job(TIMER_CUT).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-10T17:00:00Z")));
    verify(directory, never()).cutAccess(anyString());
  }

  @Test
  void withdrawnBeforeTheCutChangesNothing() {
    ProcessInstance pi = start(request("2026-12-10", false, "SHARED"));

    engine.getRuntimeService().createMessageCorrelation(MESSAGE_WITHDRAW).processInstanceId(pi.getId())
        .setVariable(REVERSED_BY.name(), "hr-system").correlate();

    assertThat(pi).isEnded().hasPassed(END_EVENT_WITHDRAWN);
    verify(directory, never()).cutAccess(anyString());
    verify(cloud, never()).notify(anyString(), anyString(), anyString());
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aReinstatementBringsBackAccountMailboxLicencesAndANewPass() {
    ProcessInstance pi = offboarded("SHARED");
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_REINSTATE).processInstanceId(pi.getId())
        .setVariable(REVERSED_BY.name(), "hr-system").setVariable(REVERSAL_REASON.name(), "terminated by mistake").correlate();
    when(leaverCloud.findLeaver("guid==")).thenReturn(Optional.of(new LeaverCloud.Leaver("cloud-1", "lee.gu@contoso.com",
        true, "US", List.of())));

    run(TASK_REINSTATE_ACCOUNT, TASK_CHECK_USER_BACK, TASK_RESTORE_MAILBOX, TASK_HAND_OVER_CREDENTIALS);

    assertThat(pi).isEnded().hasPassed(END_EVENT_REINSTATED);
    verify(directory).reinstate(eq("E00003"), eq("OU=Staff,DC=contoso,DC=com"), eq(List.of(FINANCE)), contains("terminated by mistake"));
    verify(directory).stampMailboxType("E00003", false);
    var order = org.mockito.Mockito.inOrder(leaverCloud, exchange);
    order.verify(leaverCloud).restoreLicenses("cloud-1", List.of(SKU));
    order.verify(exchange).setType("lee.gu@contoso.com", false);
    verify(leaverCloud).setAutomaticReply("cloud-1", null);
    verify(cloud).handOverCredentials(any());
    assertThat(pi).variables().containsEntry(CREDENTIALS_SENT_TO.name(), "megan.bowen@contoso.com");
  }

  @Test
  void aCommaInTheNameKeepsTheOuTheAccountComesBackTo() {
    when(directory.find("E00003")).thenReturn(Optional.of(new LeaverDirectory.Leaver(
        "CN=Gu\\, Lee,OU=Finance,OU=Staff,DC=contoso,DC=com", LeaverDirectory.Place.MANAGED, "lee.gu", "lee.gu@contoso.com",
        "lee.gu@contoso.com", "Gu, Lee", "Lee", "Gu", "guid==", true, 1, "E00001", "megan.bowen@contoso.com", List.of())));
    ProcessInstance pi = start(request("2026-12-10", false, "SHARED"));
    assertThat(pi).variables().containsEntry(ACCOUNT_OU.name(), "OU=Finance,OU=Staff,DC=contoso,DC=com");
  }

  @Test
  void anApprovalFirstWhenConfigured() {
    register(true);
    ProcessInstance pi = start(request("2026-12-10", false, "SHARED"));
    assertThat(pi).isWaitingAt(TASK_APPROVE);
    assertThat(task(pi)).hasCandidateGroup(OnboardingProcess.GROUP_APPROVERS);
    complete(task(pi), withVariables(APPROVED.name(), false, APPROVAL_COMMENT.name(), "not yet"));
    assertThat(pi).isEnded().hasPassed(END_EVENT_REJECTED);
  }

  @Test
  void anAccountNotManagedOrMissingEndsInvalid() {
    when(directory.find("E00003")).thenReturn(Optional.of(new LeaverDirectory.Leaver("CN=Lee Gu,OU=Other,DC=contoso,DC=com",
        LeaverDirectory.Place.ELSEWHERE, "lee.gu", null, null, null, null, null, null, true, 0, null, null, List.of())));
    ProcessInstance pi = start(request("2026-12-10", false, "SHARED"));
    assertThat(pi).isEnded().hasPassed(END_EVENT_INVALID);
    assertThat(pi).variables().containsEntry(REJECTION_REASON.name(),
        "The account with employeeID E00003 (CN=Lee Gu,OU=Other,DC=contoso,DC=com) is not in an OU Hybrid Onboarding manages");
  }

  @Test
  void accountGoneAtTheCutAsksAPersonRetryThenAbort() {
    when(directory.cutAccess("E00003")).thenThrow(new DirectoryException(DirectoryException.Code.ACCOUNT_NOT_FOUND, "gone"))
        .thenReturn(LEE).thenThrow(new DirectoryException(DirectoryException.Code.ACCOUNT_NOT_FOUND, "gone again"));
    ProcessInstance pi = start(request("2026-11-29", true, "SHARED"));
    run(TIMER_CUT, TASK_CUT_ACCESS);
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_PROBLEM);
    assertThat(problem(pi)).variables().containsEntry(OnboardingProcess.PROBLEM_CODE.name(), "ACCOUNT_NOT_FOUND")
        .containsEntry(OnboardingProcess.PROBLEM_STEP_NAME.name(), "Disable AD account");
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.RETRY.name());
    run(TASK_CUT_ACCESS);
    assertThat(pi).isWaitingAt(TASK_REVOKE_SESSIONS);
  }

  @Test
  void abortEndsAbortedWithWhatWasDoneRecorded() {
    when(directory.cutAccess("E00003")).thenThrow(new DirectoryException(DirectoryException.Code.ACCOUNT_NOT_FOUND, "gone"));
    ProcessInstance pi = start(request("2026-11-29", true, "SHARED"));
    run(TIMER_CUT, TASK_CUT_ACCESS);
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.ABORT.name());
    assertThat(pi).isEnded().hasPassed(END_EVENT_ABORTED);
  }

  @Test
  void exchangeRefusingTheCmdletSaysWhichPermissionIsMissing() {
    doThrow(new ExchangeException(ExchangeException.Code.EXCHANGE_ACCESS_DENIED,
        "Exchange Online refused Set-Mailbox (HTTP 403). The app needs Exchange.ManageAsApp"))
        .doNothing().when(exchange).setType("lee.gu@contoso.com", true);
    ProcessInstance pi = start(request("2026-11-29", true, "SHARED"));
    run(TIMER_CUT, TASK_CUT_ACCESS, TASK_REVOKE_SESSIONS, TASK_CONVERT_MAILBOX);
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_PROBLEM);
    assertThat((String) engine.getRuntimeService().getVariable(problem(pi).getId(), OnboardingProcess.PROBLEM_MESSAGE.name()))
        .contains("Exchange.ManageAsApp");
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.RETRY.name());
    run(TASK_CONVERT_MAILBOX);
    assertThat(pi).isWaitingAt(TASK_CHECK_SHARED_MAILBOX);
    verify(directory, times(2)).stampMailboxType("E00003", true);
  }

  @Test
  void aMailboxThatSyncTurnedBackIntoAUserMailboxIsConvertedAgain() {
    when(leaverCloud.mailboxPurpose("cloud-1")).thenReturn(Optional.of("user"), Optional.of("shared"));
    ProcessInstance pi = start(request("2026-11-29", true, "SHARED"));
    run(TIMER_CUT, TASK_CUT_ACCESS, TASK_REVOKE_SESSIONS, TASK_CONVERT_MAILBOX, TASK_CHECK_SHARED_MAILBOX);
    assertThat(pi).isWaitingAt(TIMER_SHARED_MAILBOX_POLL);
    verify(exchange, times(2)).setType("lee.gu@contoso.com", true);

    run(TIMER_SHARED_MAILBOX_POLL, TASK_CHECK_SHARED_MAILBOX);

    assertThat(pi).isWaitingAt(TASK_GRANT_MAILBOX_ACCESS);
    verify(exchange, times(2)).setType("lee.gu@contoso.com", true);
  }

  @Test
  void aConversionOverdueCanWaitLonger() {
    when(leaverCloud.mailboxPurpose("cloud-1")).thenReturn(Optional.of("user"));
    ProcessInstance pi = start(request("2026-11-29", true, "SHARED"));
    run(TIMER_CUT, TASK_CUT_ACCESS, TASK_REVOKE_SESSIONS, TASK_CONVERT_MAILBOX, TASK_CHECK_SHARED_MAILBOX);
    assertThat(pi).isWaitingAt(TIMER_SHARED_MAILBOX_POLL);
    run(TIMER_SHARED_MAILBOX_TIMEOUT);
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_OVERDUE);
    assertThat(problem(pi)).variables().containsEntry(OnboardingProcess.PROBLEM_CODE.name(), "SHARED_MAILBOX_OVERDUE");
    assertThat((String) engine.getRuntimeService().getVariable(problem(pi).getId(), OnboardingProcess.PROBLEM_MESSAGE.name()))
        .contains("PT2H").contains("34359738368");
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.KEEP_WAITING.name(), OnboardingProcess.WAIT_HOURS.name(), 4L);
    assertThat(pi).isWaitingAt(TASK_CHECK_SHARED_MAILBOX);
    assertThat(job(TIMER_SHARED_MAILBOX_TIMEOUT).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(4))));
  }

  @Test
  void aManagerWithoutMailboxLetsAPersonNameAnotherOrNobody() {
    when(directory.mailOfActive("E00001")).thenReturn(Optional.empty());
    ProcessInstance pi = start(request("2026-11-29", true, "SHARED"));
    run(TIMER_CUT, TASK_CUT_ACCESS, TASK_REVOKE_SESSIONS, TASK_CONVERT_MAILBOX, TASK_CHECK_SHARED_MAILBOX,
        TASK_GRANT_MAILBOX_ACCESS);
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_MAILBOX_ACCESS);
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.CHANGE_ACCESS.name(), MAILBOX_ACCESS.name(), "not valid!");
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_MAILBOX_ACCESS);
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.CHANGE_ACCESS.name(), MAILBOX_ACCESS.name(), "E00002");
    run(TASK_GRANT_MAILBOX_ACCESS);
    verify(exchange).grantFullAccess("lee.gu@contoso.com", "alex.wilber@contoso.com");
    assertThat(pi).isWaitingAt(TASK_SET_AUTO_REPLY);
  }

  @Test
  void skippingTheMailboxAccessGivesItToNobody() {
    when(directory.mailOfActive("E00001")).thenReturn(Optional.empty());
    ProcessInstance pi = start(request("2026-11-29", true, "SHARED"));
    run(TIMER_CUT, TASK_CUT_ACCESS, TASK_REVOKE_SESSIONS, TASK_CONVERT_MAILBOX, TASK_CHECK_SHARED_MAILBOX,
        TASK_GRANT_MAILBOX_ACCESS);
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.SKIP_ACCESS.name());
    run(TASK_GRANT_MAILBOX_ACCESS);
    verify(exchange, never()).grantFullAccess(anyString(), anyString());
    assertThat(pi).isWaitingAt(TASK_SET_AUTO_REPLY).variables().containsEntry(ACCESS_GRANTED_TO.name(), "");
  }

  @Test
  void licencesRefusedAskAPersonAndAMailboxOnHoldKeepsThem() {
    when(cloud.removeDirectLicenses("cloud-1"))
        .thenThrow(new CloudException(CloudException.Code.LICENSE_REMOVAL_REFUSED, "dependency"));
    ProcessInstance pi = offboardedUntilLicences();
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_PROBLEM);
    assertThat(problem(pi)).variables().containsEntry(OnboardingProcess.PROBLEM_CODE.name(), "LICENSE_REMOVAL_REFUSED");
    when(exchange.mailbox("lee.gu@contoso.com")).thenReturn(new ExchangeAdmin.Mailbox("SharedMailbox", true, false, 1));
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.RETRY.name());
    run(TASK_REMOVE_LICENSES);
    assertThat(pi).isWaitingAt(TASK_RETIRE_ACCOUNT).variables()
        .containsEntry(LICENSES_KEPT_BECAUSE.name(), "the mailbox is on Litigation Hold");
    verify(cloud, times(1)).removeDirectLicenses("cloud-1");
  }

  private ProcessInstance offboardedUntilLicences() {
    ProcessInstance pi = start(request("2026-11-29", true, "SHARED"));
    run(TIMER_CUT, TASK_CUT_ACCESS, TASK_REVOKE_SESSIONS, TASK_CONVERT_MAILBOX, TASK_CHECK_SHARED_MAILBOX,
        TASK_GRANT_MAILBOX_ACCESS, TASK_SET_AUTO_REPLY, TASK_REMOVE_LICENSES);
    return pi;
  }

  @Test
  void aReinstatementWhoseLicenceHasNoSeatAsksAPerson() {
    ProcessInstance pi = offboarded("SHARED");
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_REINSTATE).processInstanceId(pi.getId()).correlate();
    when(leaverCloud.findLeaver("guid==")).thenReturn(Optional.empty());
    run(TASK_REINSTATE_ACCOUNT, TASK_CHECK_USER_BACK);
    assertThat(pi).isWaitingAt(TIMER_RETURN_POLL);
    run(TIMER_RETURN_TIMEOUT);
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_OVERDUE);
    assertThat(problem(pi)).variables().containsEntry(OnboardingProcess.PROBLEM_CODE.name(), "RETURN_OVERDUE");
    when(leaverCloud.findLeaver("guid==")).thenReturn(Optional.of(new LeaverCloud.Leaver("cloud-1", "lee.gu@contoso.com",
        true, "US", List.of())));
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.RETRY.name());
    doThrow(new CloudException(CloudException.Code.NO_FREE_SEAT, "No free seat")).doNothing()
        .when(leaverCloud).restoreLicenses("cloud-1", List.of(SKU));
    run(TASK_CHECK_USER_BACK, TASK_RESTORE_MAILBOX);
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_LICENCE);
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.RETRY.name());
    run(TASK_RESTORE_MAILBOX, TASK_HAND_OVER_CREDENTIALS);
    assertThat(pi).isEnded().hasPassed(END_EVENT_REINSTATED);
  }
}
