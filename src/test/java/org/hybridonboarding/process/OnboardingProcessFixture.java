package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.hybridonboarding.process.OnboardingProcess.*;
import static org.hybridonboarding.process.ResolveProblemProcess.TASK_RESOLVE_OVERDUE;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.cloud.CloudUser;
import org.hybridonboarding.directory.AdAccount;
import org.hybridonboarding.directory.DirectoryGateway;
import org.hybridonboarding.directory.IdentityPlan;
import org.hybridonboarding.directory.NamingProperties;
import org.hybridonboarding.directory.NamingRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The diagram with its real delegates, the engine in memory, AD and Graph mocked. */
/**
 * What the onboarding's process tests share: the engine with the four diagrams and the forms, the
 * real delegates with AD and Graph mocked, a hire, and the steps to bring one to a given point.
 */
@Deployment(resources = {"processes/hybrid-onboarding.bpmn", "processes/resolve-problem.bpmn",
    "processes/undo-onboarding.bpmn", "forms/approve-onboarding.form",
    "forms/resolve-problem.form", "forms/resolve-licence.form", "forms/resolve-overdue.form",
    "forms/resolve-usage-location.form", "forms/resolve-existing-account.form", "forms/resolve-manager.form",
    "forms/resolve-credentials.form", "forms/deliver-credentials.form"})
abstract class OnboardingProcessFixture {

  // Not "camunda.cfg.xml": ProcessEngines.init() would build that engine inside the Spring Boot tests too.
  // Per test class instance, not static: each test class of the fixture gets an extension of its own (the
  // engine itself is built once and cached by its configuration resource).
  @RegisterExtension
  ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
  static final String IMMUTABLE_ID = "tgyQxvXSI4TPm9wtmxAOZA==";
  static final String LICENSING_GROUP = "CN=Licensing-SPE_E3,OU=Groups,DC=contoso,DC=com";
  static final IdentityPlan PLAN = new IdentityPlan("jose.mueller", "jose.mueller@contoso.com", "jose.mueller",
      "jose.mueller@contoso.com", "José Müller", "José Müller", "OU=Staff,DC=contoso,DC=com",
      "CN=Megan Bowen,OU=Staff,DC=contoso,DC=com", "megan.bowen", "megan.bowen@contoso.com", null);

  DirectoryGateway directory = mock(DirectoryGateway.class);
  CloudGateway cloud = mock(CloudGateway.class);
  org.hybridonboarding.exchange.ExchangeAdmin exchange = mock(org.hybridonboarding.exchange.ExchangeAdmin.class);
  org.hybridonboarding.directory.LeaverDirectory leavers = mock(org.hybridonboarding.directory.LeaverDirectory.class);
  org.hybridonboarding.directory.MoverDirectory movers = mock(org.hybridonboarding.directory.MoverDirectory.class);
  NameReservations reservations = mock(NameReservations.class);
  org.hybridonboarding.cloud.MailSlots mailSlots = mock(org.hybridonboarding.cloud.MailSlots.class);

  @BeforeEach
  void register() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    register(true);
    when(directory.planIdentity(any(), any(), any())).thenReturn(PLAN);
    when(cloud.addressesInUse(anyString(), any())).thenReturn(Set.of());
    when(cloud.handOverCredentials(any())).thenReturn("megan.bowen@contoso.com");
    // A free sender: the slot is due at once and taken when its timer fires.
    when(mailSlots.book(org.mockito.ArgumentMatchers.anyInt(), any()))
        .thenReturn(new org.hybridonboarding.cloud.MailSlots.MailSlot("slot-1", "onboarding@contoso.com", NOW));
    when(mailSlots.take("slot-1")).thenReturn(true);
    when(directory.createAccount(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenReturn(
        new AdAccount("CN=José Müller,OU=Staff,DC=contoso,DC=com", "jose.mueller", "jose.mueller@contoso.com",
            "jose.mueller@contoso.com", IMMUTABLE_ID, NOW));
    when(cloud.assignLicense(any(), any(), any())).thenReturn("05e9a617-0261-4cee-bb44-138d3ef5d965");
  }

  /** Who approves, and who else is reminded, as a test sets them before register(…). */
  ProcessProperties.ApprovalBy approvalBy = ProcessProperties.ApprovalBy.MANAGER;
  String reminderTo = "approvers@contoso.com";
  int maxReminderRecipients = 20;

  void register(boolean approvalRequired) {
    register(approvalRequired, ProcessProperties.Licensing.Mode.DIRECT);
  }

  void register(boolean approvalRequired, ProcessProperties.Licensing.Mode mode) {
    ProcessProperties properties = new ProcessProperties(Duration.ofDays(14), ZoneId.of("UTC"),
        new ProcessProperties.Approval(approvalRequired, approvalBy, Duration.ofHours(24), reminderTo,
            maxReminderRecipients, Duration.ofHours(72), "onboarding-escalation", "http://tasklist"),
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
    Mocks.register("bookMailSlotDelegate", new BookMailSlotDelegate(mailSlots, settings));
    Mocks.register("handOverCredentialsDelegate", new HandOverCredentialsDelegate(cloud, settings, clock));
    Mocks.register("checkReplicationDelegate", new CheckReplicationDelegate(cloud));
    Mocks.register("restoreUserMailboxDelegate", new RestoreUserMailboxDelegate(leavers, exchange));
    Mocks.register("assignLicenseDelegate", new AssignLicenseDelegate(cloud, movers));
    Mocks.register("checkMailboxDelegate", new CheckMailboxDelegate(cloud));
    Mocks.register("recordProblemListener", new RecordProblemListener(settings));
    Mocks.register("removeLicensesDelegate", new RemoveLicensesDelegate(cloud));
    Mocks.register("applyResolutionDelegate", new ApplyResolutionDelegate(new RequestRules(clock, new NamingRules(NamingProperties.defaults())), settings));
    Mocks.register("remindApproversDelegate", new RemindApproversDelegate(
        new Approvers(engine.getTaskService(), engine.getIdentityService()), cloud, settings));
    // Tasklist for the assigned manager is a grant: AccessIT and DirectorySignInIT cover it.
    Mocks.register("approverAccess", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    Mocks.register("escalateApprovalDelegate", new EscalateApprovalDelegate(engine.getTaskService(), settings));
    Mocks.register("releaseNamesListener", new ReleaseNamesListener(reservations));
    Mocks.register("classifyProblemDelegate", new ClassifyProblemDelegate());
    Mocks.register("groupLicenseWaitListener", new GroupLicenseWaitListener());
    Mocks.register("quarantineAccountDelegate", new QuarantineAccountDelegate(directory, clock));
  }

  @AfterEach
  void reset() {
    org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
    identity.createUserQuery().list().forEach(user -> identity.deleteUser(user.getId()));
    identity.createGroupQuery().list().forEach(group -> identity.deleteGroup(group.getId()));
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
    assertThat(task(pi)).hasCandidateGroupAssociated(GROUP_APPROVERS);
    complete(task(pi), withVariables(APPROVED.name(), true, APPROVAL_COMMENT.name(), "welcome"));
    return pi;
  }

  /**
   * From approval through the first check for the synced user: two jobs, plan with the pre-flight,
   * then the account with the check. Without the user it waits for the watch, with it at the licence.
   */
  void untilReplicationWait(ProcessInstance pi) {
    run(TASK_PLAN_IDENTITY);
    run(TASK_CREATE_AD_ACCOUNT);
    assertThat(pi).hasPassed(TASK_PREFLIGHT_CLOUD, TASK_CHECK_REPLICATION);
  }

  ProcessInstance replicationTimedOut() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.empty());
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    assertThat(pi).isWaitingAt(EVENT_USER_REPLICATED);
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

  ProcessInstance untilLicensing() {
    when(cloud.findSyncedUser(IMMUTABLE_ID)).thenReturn(Optional.of(new CloudUser("cloud-1", "u", "DE")));
    ProcessInstance pi = approved();
    untilReplicationWait(pi);
    return pi;
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

  /** Completes the operator's task with a choice and the values it needs. */
  void choose(ProcessInstance pi, Object... variables) {
    Map<String, Object> values = new java.util.HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    complete(task(problem(pi)), values);
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
}
