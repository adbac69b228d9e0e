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
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_PROBLEM;
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_USAGE_LOCATION;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.cloud.CloudUser;
import org.hybridonboarding.directory.AdAccount;
import org.hybridonboarding.directory.DirectoryException;
import org.hybridonboarding.directory.DirectoryGateway;
import org.hybridonboarding.directory.IdentityPlan;
import org.hybridonboarding.directory.NamingProperties;
import org.hybridonboarding.directory.NamingRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The diagram with its real delegates, the engine in memory, AD and Graph mocked. */
@Deployment(resources = {"processes/hybrid-onboarding.bpmn", "processes/resolve-problem.bpmn",
    "processes/undo-onboarding.bpmn", "forms/approve-onboarding.form",
    "forms/resolve-problem.form", "forms/resolve-licence.form", "forms/resolve-overdue.form",
    "forms/resolve-usage-location.form", "forms/resolve-existing-account.form", "forms/resolve-manager.form",
    "forms/resolve-credentials.form", "forms/deliver-credentials.form"})
class HybridOnboardingProcessTest {

  // Not "camunda.cfg.xml": ProcessEngines.init() would build that engine inside the Spring Boot tests too.
  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
  static final String IMMUTABLE_ID = "tgyQxvXSI4TPm9wtmxAOZA==";
  static final String LICENSING_GROUP = "CN=Licensing-SPE_E3,OU=Groups,DC=contoso,DC=com";
  static final IdentityPlan PLAN = new IdentityPlan("jose.mueller", "jose.mueller@contoso.com", "jose.mueller",
      "jose.mueller@contoso.com", "José Müller", "José Müller", "OU=Staff,DC=contoso,DC=com",
      "CN=Megan Bowen,OU=Staff,DC=contoso,DC=com");

  DirectoryGateway directory = mock(DirectoryGateway.class);
  CloudGateway cloud = mock(CloudGateway.class);
  NameReservations reservations = mock(NameReservations.class);

  @BeforeEach
  void register() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    register(true);
    when(directory.planIdentity(any(), any(), any())).thenReturn(PLAN);
    when(cloud.addressesInUse(anyString(), any())).thenReturn(Set.of());
    when(cloud.handOverCredentials(any())).thenReturn("megan.bowen@contoso.com");
    when(directory.createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenReturn(
        new AdAccount("CN=José Müller,OU=Staff,DC=contoso,DC=com", "jose.mueller", "jose.mueller@contoso.com",
            "jose.mueller@contoso.com", IMMUTABLE_ID, NOW));
    when(cloud.assignLicense(anyString(), anyString(), anyString())).thenReturn("05e9a617-0261-4cee-bb44-138d3ef5d965");
  }

  private void register(boolean approvalRequired) {
    register(approvalRequired, ProcessProperties.Licensing.Mode.DIRECT);
  }

  private void register(boolean approvalRequired, ProcessProperties.Licensing.Mode mode) {
    ProcessProperties properties = new ProcessProperties(Duration.ofDays(14), ZoneId.of("UTC"),
        new ProcessProperties.Approval(approvalRequired, Duration.ofHours(24), "approvers@contoso.com",
            Duration.ofHours(72), "onboarding-escalation", "http://tasklist"),
        new ProcessProperties.Replication(Duration.ofMinutes(5), Duration.ofHours(2)),
        new ProcessProperties.Mailbox(Duration.ofMinutes(5), Duration.ofHours(24)),
        new ProcessProperties.Licensing("SPE_E3", mode, Map.of("SPE_E3", LICENSING_GROUP),
            Duration.ofMinutes(5), Duration.ofHours(4)),
        new ProcessProperties.Jobs("R2/PT1M"));
    OnboardingSettings settings = new OnboardingSettings(properties);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Mocks.register("onboardingSettings", settings);
    Mocks.register("validateRequestDelegate", new ValidateRequestDelegate(new RequestRules(clock, new NamingRules(NamingProperties.defaults())), settings, clock));
    Mocks.register("planIdentityDelegate", new PlanIdentityDelegate(new IdentityPlanner(directory, cloud, reservations)));
    Mocks.register("preflightCloudDelegate", new PreflightCloudDelegate(cloud, settings));
    Mocks.register("createAdAccountDelegate", new CreateAdAccountDelegate(directory, settings));
    Mocks.register("checkGroupLicenseDelegate", new CheckGroupLicenseDelegate(cloud));
    Mocks.register("handOverCredentialsDelegate", new HandOverCredentialsDelegate(cloud, settings, clock));
    Mocks.register("checkReplicationDelegate", new CheckReplicationDelegate(cloud));
    Mocks.register("assignLicenseDelegate", new AssignLicenseDelegate(cloud));
    Mocks.register("checkMailboxDelegate", new CheckMailboxDelegate(cloud));
    Mocks.register("recordProblemListener", new RecordProblemListener(settings));
    Mocks.register("removeLicensesDelegate", new RemoveLicensesDelegate(cloud));
    Mocks.register("applyResolutionDelegate", new ApplyResolutionDelegate(new RequestRules(clock, new NamingRules(NamingProperties.defaults())), settings));
    Mocks.register("remindApproversDelegate", new RemindApproversDelegate(cloud, settings));
    Mocks.register("escalateApprovalDelegate", new EscalateApprovalDelegate(engine.getTaskService(), settings));
    Mocks.register("releaseNamesListener", new ReleaseNamesListener(reservations));
    Mocks.register("classifyProblemDelegate", new ClassifyProblemDelegate());
    Mocks.register("groupLicenseWaitListener", new GroupLicenseWaitListener());
    Mocks.register("quarantineAccountDelegate", new QuarantineAccountDelegate(directory, clock));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  static Map<String, Object> request() {
    return new OnboardingRequest("E10001", "José", "Müller", "Finance", "Accountant", "E00001", "DE", null,
        "2026-12-01").toVariables();
  }

  ProcessInstance start(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(KEY, "E10001", variables);
  }

  ProcessEngine processEngine() {
    return engine.getProcessEngine();
  }

  /** The resolve-problem instance the onboarding called for its failed step. */
  ProcessInstance problem(ProcessInstance pi) {
    ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(ResolveProblemProcess.KEY).singleResult();
    assertThat(called).as("a problem being resolved for " + pi.getId()).isNotNull();
    return called;
  }

  /** The failed step's own loop has called resolve-problem, which waits at that person's task. */
  void assertWaitingForAPerson(ProcessInstance pi, String task) {
    assertThat(problem(pi)).isWaitingAt(task);
    assertThat(problem(pi)).hasBusinessKey("E10001");
  }

  /** Runs the one job waiting at that element. */
  long run(String activityId) {
    Job job = engine.getManagementService().createJobQuery().activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    engine.getManagementService().executeJob(job.getId());
    return job.getPriority();
  }

  /** Started, with the names previewed for the approver. */
  ProcessInstance awaitingApproval(Map<String, Object> variables) {
    ProcessInstance pi = start(variables);
    run(TASK_PREVIEW_IDENTITY);
    return pi;
  }

  ProcessInstance approved() {
    ProcessInstance pi = awaitingApproval(request());
    assertThat(pi).isWaitingAt(TASK_APPROVE_ONBOARDING);
    assertThat(task(pi)).hasCandidateGroup(GROUP_APPROVERS);
    complete(task(pi), withVariables(APPROVED.name(), true, APPROVAL_COMMENT.name(), "welcome"));
    return pi;
  }

  /** From approval to the replication wait: plan, pre-flight and create, each asynchronous. */
  void untilReplicationWait(ProcessInstance pi) {
    run(TASK_PLAN_IDENTITY);
    run(TASK_PREFLIGHT_CLOUD);
    run(TASK_CREATE_AD_ACCOUNT);
    assertThat(pi).isWaitingAt(TASK_CHECK_REPLICATION);
  }

  @Test
  void happyPath() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "jose.mueller@contoso.com", "DE")));
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);

    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_CHECK_REPLICATION);
    run(TASK_ASSIGN_LICENSE);
    run(TASK_CHECK_MAILBOX);
    run(TASK_HAND_OVER_CREDENTIALS);

    assertThat(pi).isEnded().hasPassedInOrder(TASK_VALIDATE_REQUEST, TASK_APPROVE_ONBOARDING, TASK_PLAN_IDENTITY,
        TASK_PREFLIGHT_CLOUD, TASK_CREATE_AD_ACCOUNT, TASK_CHECK_REPLICATION, TASK_ASSIGN_LICENSE, TASK_CHECK_MAILBOX,
        TASK_HAND_OVER_CREDENTIALS, END_EVENT_ONBOARDED);
    assertThat(pi).variables()
        .containsEntry(SAM_ACCOUNT_NAME.name(), "jose.mueller")
        .containsEntry(OnboardingProcess.IMMUTABLE_ID.name(), IMMUTABLE_ID)
        .containsEntry(CLOUD_USER_ID.name(), "cloud-1")
        .containsEntry(LICENSE_SKU.name(), "SPE_E3")
        .containsEntry(MAILBOX_READY.name(), true)
        .containsEntry(CREDENTIALS_SENT_TO.name(), "megan.bowen@contoso.com");
    verify(cloud).assignLicense("cloud-1", "DE", "SPE_E3");
    verify(cloud).preflight("SPE_E3", "E10001", List.of("jose.mueller@contoso.com"));
    verify(directory).createAccount(any(), any(), org.mockito.ArgumentMatchers.eq(List.of()), anyString(), org.mockito.ArgumentMatchers.eq(false));
  }

  /**
   * In a bulk, onboardings under way finish before new ones start: each step's jobs go before the
   * steps behind it (job acquisition by priority), and all after the replication watch's (100).
   */
  @Test
  void laterStepsGoFirst() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "jose.mueller@contoso.com", "DE")));
    when(cloud.hasMailbox("cloud-1")).thenReturn(true);
    ProcessInstance pi = approved();

    List<Long> priorities = List.of(run(TASK_PLAN_IDENTITY), run(TASK_PREFLIGHT_CLOUD), run(TASK_CREATE_AD_ACCOUNT),
        run(TASK_CHECK_REPLICATION), run(TASK_ASSIGN_LICENSE), run(TASK_CHECK_MAILBOX), run(TASK_HAND_OVER_CREDENTIALS));

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
    verify(cloud).notify(org.mockito.ArgumentMatchers.eq("approvers@contoso.com"),
        org.mockito.ArgumentMatchers.contains("José Müller"), org.mockito.ArgumentMatchers.contains("http://tasklist"));
    assertThat(pi).isWaitingAt(TASK_APPROVE_ONBOARDING);

    run(TIMER_APPROVAL_ESCALATION);
    run(TASK_ESCALATE_APPROVAL);
    assertThat(task(pi)).hasCandidateGroup(GROUP_APPROVERS).hasCandidateGroup("onboarding-escalation");
    assertThat(pi).isWaitingAt(TASK_APPROVE_ONBOARDING);
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

    run(TASK_CHECK_REPLICATION);
    assertThat(pi).isWaitingAt(EVENT_USER_REPLICATED);
    // No poll timer of its own: only the watch wakes it, and only for its own user.
    assertThat(engine.getRuntimeService().createMessageCorrelation(MESSAGE_USER_REPLICATED).processInstanceBusinessKey("E10001")
        .processInstanceVariableEquals(OnboardingProcess.IMMUTABLE_ID.name(), "someone else").correlateAllWithResult()).isEmpty();
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_USER_REPLICATED).processInstanceBusinessKey("E10001")
        .processInstanceVariableEquals(OnboardingProcess.IMMUTABLE_ID.name(), IMMUTABLE_ID).correlate();
    run(TASK_CHECK_REPLICATION);

    assertThat(pi).isWaitingAt(TASK_ASSIGN_LICENSE);
    verify(cloud, times(2)).findSyncedUser(IMMUTABLE_ID);
  }

  ProcessInstance replicationTimedOut() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.empty());
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_CHECK_REPLICATION);
    run(TIMER_REPLICATION_TIMEOUT);

    assertWaitingForAPerson(pi, TASK_RESOLVE_OVERDUE);
    assertThat(task(problem(pi))).hasCandidateGroup(GROUP_OPERATORS);
    assertThat(problem(pi)).variables()
        .containsEntry(PROBLEM_STEP.name(), SUBPROCESS_WAIT_FOR_REPLICATION)
        .containsEntry(PROBLEM_STEP_NAME.name(), "Wait for replication")
        .containsEntry(PROBLEM_CODE.name(), Overdue.REPLICATION_OVERDUE.name());
    assertThat((String) engine.getRuntimeService().getVariable(problem(pi).getId(), PROBLEM_MESSAGE.name())).contains("PT2H");
    // The wait for the watch went with the interrupted sub-process.
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().activityId(EVENT_USER_REPLICATED).count()).isZero();
    return pi;
  }

  @Test
  void replicationTimeoutThenRetryWaitsAgain() {
    ProcessInstance pi = replicationTimedOut();
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "u", "DE")));

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.RETRY.name()));

    assertThat(pi).isWaitingAt(TASK_CHECK_REPLICATION);
    run(TASK_CHECK_REPLICATION);
    assertThat(pi).isWaitingAt(TASK_ASSIGN_LICENSE);
    // The account is not created twice.
    verify(directory, times(1)).createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
  }

  @Test
  void replicationTimeoutThenAbort() {
    ProcessInstance pi = replicationTimedOut();

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.ABORT.name()));
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
    when(cloud.assignLicense("cloud-1", "DE", "SPE_E3"))
        .thenThrow(new CloudException(CloudException.Code.NO_FREE_SEAT, "No free seat for SPE_E3"))
        .thenReturn("05e9a617-0261-4cee-bb44-138d3ef5d965");
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_CHECK_REPLICATION);
    run(TASK_ASSIGN_LICENSE);

    assertWaitingForAPerson(pi, TASK_RESOLVE_LICENCE);
    assertThat(problem(pi)).variables()
        .containsEntry(PROBLEM_STEP.name(), TASK_ASSIGN_LICENSE)
        .containsEntry(PROBLEM_CODE.name(), CloudException.Code.NO_FREE_SEAT.name())
        .containsEntry(PROBLEM_MESSAGE.name(), "No free seat for SPE_E3");

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.RETRY.name()));
    run(TASK_ASSIGN_LICENSE);
    assertThat(pi).isWaitingAt(TASK_CHECK_MAILBOX);
  }

  @Test
  void existingAccountGoesToAPerson() {
    when(directory.createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenThrow(new DirectoryException(DirectoryException.Code.ACCOUNT_EXISTS, "taken"));
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_PREFLIGHT_CLOUD);
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
    run(TASK_CHECK_REPLICATION);
    run(TASK_ASSIGN_LICENSE);
    run(TASK_CHECK_MAILBOX);
    assertThat(pi).isWaitingAt(TIMER_MAILBOX_POLL);
    run(TIMER_MAILBOX_TIMEOUT);

    assertWaitingForAPerson(pi, TASK_RESOLVE_OVERDUE);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_CODE.name(), Overdue.MAILBOX_OVERDUE.name());
  }

  @Test
  void technicalFailuresAreRetriedThenBecomeAnIncident() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenThrow(new IllegalStateException("Graph answered 503"));
    ProcessInstance pi = approved();
    untilReplicationWait(pi);

    Job job = engine.getManagementService().createJobQuery().activityId(TASK_CHECK_REPLICATION).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the job executor would log it and try again later
      }
    }

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult().getIncidentMessage())
        .contains("Graph answered 503");
    assertThat(pi).isWaitingAt(TASK_CHECK_REPLICATION);
  }

  ProcessInstance untilLicensing() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "u", "DE")));
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_CHECK_REPLICATION);
    return pi;
  }

  @Test
  void noSeatStopsThePreflightBeforeAnythingIsCreated() {
    org.mockito.Mockito.doThrow(new CloudException(CloudException.Code.NO_FREE_SEAT, "No free seat for SPE_E3: 500 of 500 are assigned"))
        .doNothing()
        .when(cloud).preflight(anyString(), anyString(), any());
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_PREFLIGHT_CLOUD);

    assertWaitingForAPerson(pi, TASK_RESOLVE_LICENCE);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_STEP.name(), TASK_PREFLIGHT_CLOUD)
        .containsEntry(PROBLEM_CODE.name(), CloudException.Code.NO_FREE_SEAT.name());
    verify(directory, org.mockito.Mockito.never()).createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.RETRY.name()));
    run(TASK_PREFLIGHT_CLOUD);
    assertThat(pi).isWaitingAt(TASK_CREATE_AD_ACCOUNT);
  }

  @Test
  void planningStepsAroundAddressesTakenInTheCloud() {
    IdentityPlan numbered = new IdentityPlan("jose.mueller2", "jose.mueller2@contoso.com", "jose.mueller2",
        "jose.mueller2@contoso.com", "José Müller (2)", "José Müller", PLAN.ouDn(), PLAN.managerDn());
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
    run(TASK_CHECK_MAILBOX);
    run(TASK_HAND_OVER_CREDENTIALS);

    assertThat(pi).isEnded().hasPassed(END_EVENT_ONBOARDED).hasNotPassed(TASK_ASSIGN_LICENSE);
    verify(directory).createAccount(any(), any(), org.mockito.ArgumentMatchers.eq(List.of(LICENSING_GROUP)), anyString(), org.mockito.ArgumentMatchers.anyBoolean());
    verify(cloud, org.mockito.Mockito.never()).assignLicense(anyString(), anyString(), anyString());
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
    assertThat(pi).isWaitingAt(TASK_CHECK_MAILBOX);
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
    run(TASK_PREFLIGHT_CLOUD);

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
    run(TASK_CHECK_MAILBOX);
    run(TASK_HAND_OVER_CREDENTIALS);

    assertWaitingForAPerson(pi, TASK_RESOLVE_CREDENTIALS);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_STEP.name(), TASK_HAND_OVER_CREDENTIALS)
        .containsEntry(PROBLEM_CODE.name(), CloudException.Code.TAP_FAILED.name());

    complete(task(problem(pi)), withVariables(RESOLUTION.name(), Resolution.RETRY.name()));
    run(TASK_HAND_OVER_CREDENTIALS);
    assertThat(pi).isEnded().hasPassed(END_EVENT_ONBOARDED);
    var handover = org.mockito.ArgumentCaptor.forClass(org.hybridonboarding.cloud.CredentialHandover.class);
    verify(cloud, times(2)).handOverCredentials(handover.capture());
    assertThat(handover.getValue().validFrom()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(handover.getValue().managerEmployeeId()).isEqualTo("E00001");
  }

  @Test
  void aNameTakenMeanwhileIsPlannedAgainWithoutAPerson() {
    when(directory.createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean()))
        .thenThrow(new DirectoryException(DirectoryException.Code.NAME_COLLISION, "sAMAccountName taken"))
        .thenReturn(new AdAccount("CN=José Müller (2),OU=Staff,DC=contoso,DC=com", "jose.mueller2", "jose.mueller2@contoso.com",
            "jose.mueller2@contoso.com", IMMUTABLE_ID, NOW));
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_PREFLIGHT_CLOUD);
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

  @Test
  void anAddressTakenInTheCloudSincePlanningStopsThePreflight() {
    org.mockito.Mockito.doThrow(new CloudException(CloudException.Code.ADDRESS_IN_USE, "Already used in Entra ID by another user: jose.mueller@contoso.com"))
        .when(cloud).preflight(anyString(), anyString(), any());
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_PREFLIGHT_CLOUD);

    assertWaitingForAPerson(pi, TASK_RESOLVE_PROBLEM);
    assertThat(problem(pi)).variables().containsEntry(PROBLEM_CODE.name(), CloudException.Code.ADDRESS_IN_USE.name())
        .containsEntry(PROBLEM_STEP.name(), TASK_PREFLIGHT_CLOUD);
    verify(directory, org.mockito.Mockito.never()).createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
  }

  void cancel(ProcessInstance pi) {
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_CANCEL)
        .processInstanceBusinessKey("E10001")
        .setVariable(CANCELLATION_REASON.name(), "offer withdrawn")
        .setVariable(CANCELLED_BY.name(), "hr-system")
        .correlate();
    run(UndoOnboardingProcess.TASK_REMOVE_LICENSES);
    run(UndoOnboardingProcess.TASK_QUARANTINE_ACCOUNT);
    assertThat(pi).isEnded().hasPassed(END_EVENT_CANCELLED);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

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
    run(TASK_CHECK_REPLICATION);
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
    run(TASK_CHECK_MAILBOX);
    assertThat(pi).isWaitingAt(TIMER_MAILBOX_POLL);

    cancel(pi);

    org.mockito.InOrder order = org.mockito.Mockito.inOrder(cloud, directory);
    order.verify(cloud).removeDirectLicenses("cloud-1");
    order.verify(directory).quarantine(org.mockito.ArgumentMatchers.eq("E10001"), org.mockito.ArgumentMatchers.eq(pi.getId()), anyString());
    verify(cloud, org.mockito.Mockito.never()).handOverCredentials(any());
  }

  // --- the failure tasks: each kind and its choices

  /** Completes the operator's task with a choice and the values it needs. */
  void choose(ProcessInstance pi, Object... variables) {
    Map<String, Object> values = new java.util.HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    complete(task(problem(pi)), values);
  }

  @Test
  void anotherSkuWithFreeSeatsCanBeChosen() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "u", "DE")));
    when(cloud.assignLicense("cloud-1", "DE", "SPE_E3")).thenThrow(new CloudException(CloudException.Code.NO_FREE_SEAT,
        "No free seat for SPE_E3", Map.of("ENTERPRISEPACK", 2)));
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_CHECK_REPLICATION);
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
    verify(cloud).assignLicense("cloud-1", "DE", "ENTERPRISEPACK");
    assertThat(pi).isWaitingAt(TASK_CHECK_MAILBOX);
  }

  @Test
  void keepWaitingExtendsOnlyThatWait() {
    ProcessInstance pi = replicationTimedOut();
    choose(pi, RESOLUTION.name(), Resolution.KEEP_WAITING.name(), WAIT_HOURS.name(), 0L);
    assertWaitingForAPerson(pi, TASK_RESOLVE_OVERDUE);
    assertThat(problem(pi)).variables().containsEntry(RESOLUTION_ERROR.name(), "Wait between 1 and 168 hours");

    choose(pi, RESOLUTION.name(), Resolution.KEEP_WAITING.name(), WAIT_HOURS.name(), 5L);

    assertThat(pi).isWaitingAt(TASK_CHECK_REPLICATION);
    Job timeout = engine.getManagementService().createJobQuery().activityId(TIMER_REPLICATION_TIMEOUT).singleResult();
    assertThat(timeout.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(5))));
  }

  @Test
  void aRefusedUsageLocationIsCorrectedByTheOperator() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "u", "CU")));
    when(cloud.assignLicense("cloud-1", "DE", "SPE_E3"))
        .thenThrow(new CloudException(CloudException.Code.USAGE_LOCATION_INVALID, "not available in the usage location"));
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    run(TASK_CHECK_REPLICATION);
    run(TASK_ASSIGN_LICENSE);
    assertWaitingForAPerson(pi, TASK_RESOLVE_USAGE_LOCATION);

    choose(pi, RESOLUTION.name(), Resolution.CHANGE_USAGE_LOCATION.name(), USAGE_LOCATION.name(), "Frankreich");
    assertWaitingForAPerson(pi, TASK_RESOLVE_USAGE_LOCATION);
    assertThat((String) engine.getRuntimeService().getVariable(problem(pi).getId(), RESOLUTION_ERROR.name()))
        .startsWith("usageLocation: must be an upper-case ISO 3166-1 alpha-2");

    choose(pi, RESOLUTION.name(), Resolution.CHANGE_USAGE_LOCATION.name(), USAGE_LOCATION.name(), "FR");
    run(TASK_ASSIGN_LICENSE);
    verify(cloud).assignLicense("cloud-1", "FR", "SPE_E3");
  }

  @Test
  void anExistingAccountCanBeAdopted() {
    when(directory.createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.eq(false)))
        .thenThrow(new DirectoryException(DirectoryException.Code.ACCOUNT_EXISTS, "rehire"));
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_PREFLIGHT_CLOUD);
    run(TASK_CREATE_AD_ACCOUNT);
    assertWaitingForAPerson(pi, TASK_RESOLVE_EXISTING_ACCOUNT);

    choose(pi, RESOLUTION.name(), Resolution.ADOPT.name());
    run(TASK_CREATE_AD_ACCOUNT);

    verify(directory).createAccount(any(), any(), any(), org.mockito.ArgumentMatchers.eq(pi.getId()), org.mockito.ArgumentMatchers.eq(true));
    assertThat(pi).isWaitingAt(TASK_CHECK_REPLICATION);
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
    run(TASK_CHECK_MAILBOX);
    run(TASK_HAND_OVER_CREDENTIALS);
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

  void abortsAndUndoes(ProcessInstance pi, String task) {
    assertWaitingForAPerson(pi, task);
    choose(pi, RESOLUTION.name(), Resolution.ABORT.name());
    run(UndoOnboardingProcess.TASK_REMOVE_LICENSES);
    run(UndoOnboardingProcess.TASK_QUARANTINE_ACCOUNT);
    assertThat(pi).isEnded().hasPassed(END_EVENT_ABORTED);
    verify(directory).quarantine(org.mockito.ArgumentMatchers.eq("E10001"), org.mockito.ArgumentMatchers.eq(pi.getId()),
        org.mockito.ArgumentMatchers.contains("aborted by an operator"));
  }

  @Test
  void abortFromTheExistingAccountTask() {
    when(directory.createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean()))
        .thenThrow(new DirectoryException(DirectoryException.Code.ACCOUNT_EXISTS, "rehire"));
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_PREFLIGHT_CLOUD);
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
    run(TASK_CHECK_MAILBOX);
    run(TASK_HAND_OVER_CREDENTIALS);
    abortsAndUndoes(pi, TASK_RESOLVE_CREDENTIALS);
    verify(cloud).removeDirectLicenses("cloud-1");
  }

  @Test
  void abortFromTheLicenceTask() {
    org.mockito.Mockito.doThrow(new CloudException(CloudException.Code.NO_FREE_SEAT, "no seat", Map.of()))
        .when(cloud).preflight(anyString(), anyString(), any());
    ProcessInstance pi = approved();
    run(TASK_PLAN_IDENTITY);
    run(TASK_PREFLIGHT_CLOUD);
    abortsAndUndoes(pi, TASK_RESOLVE_LICENCE);
  }
}
