package org.hybridonboarding.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.hybridonboarding.transfer.TransferProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.hybridonboarding.cloud.MoverCloud;
import org.hybridonboarding.directory.DirectoryException;
import org.hybridonboarding.directory.DirectoryProperties;
import org.hybridonboarding.directory.MoverDirectory;
import org.hybridonboarding.directory.NamingProperties;
import org.hybridonboarding.directory.NamingRules;
import org.hybridonboarding.process.IdentityPlanner;
import org.hybridonboarding.process.OnboardingProcess;
import org.hybridonboarding.process.RequestRules;
import org.hybridonboarding.process.OnboardingSettings;
import org.hybridonboarding.process.ProcessProperties;
import org.hybridonboarding.process.Resolution;
import org.hybridonboarding.process.ResolveProblemDelegates;
import org.hybridonboarding.process.ResolveProblemProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** hybrid-transfer with its real delegates, the engine in memory, AD and Graph mocked. */
@Deployment(resources = {"processes/hybrid-transfer.bpmn", "processes/resolve-problem.bpmn",
    "forms/approve-transfer.form", "forms/resolve-problem.form", "forms/resolve-licence.form",
    "forms/resolve-overdue.form", "forms/resolve-usage-location.form", "forms/resolve-existing-account.form",
    "forms/resolve-manager.form", "forms/resolve-credentials.form", "forms/resolve-mailbox-access.form"})
class TransferProcessTest {

  @RegisterExtension
  ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
  static final String STAFF = "OU=Staff,DC=contoso,DC=com";
  static final String SALES_OU = "OU=Sales,OU=Staff,DC=contoso,DC=com";
  static final String FINANCE = "CN=Finance,OU=Groups,DC=contoso,DC=com";
  static final String SALES = "CN=Sales,OU=Groups,DC=contoso,DC=com";
  static final String E3_GROUP = "CN=Licensing-SPE_E3,OU=Groups,DC=contoso,DC=com";
  static final String E1_GROUP = "CN=Licensing-STANDARDPACK,OU=Groups,DC=contoso,DC=com";
  static final MoverDirectory.Mover LEE = new MoverDirectory.Mover("CN=Lee Gu,OU=Staff,DC=contoso,DC=com", "lee.gu",
      "lee.gu@contoso.com", "lee.gu@contoso.com", "Lee Gu", "Lee", "Gu", "Finance", "Accountant", "US", "guid==", "E00001",
      "megan.bowen@contoso.com", List.of(FINANCE));

  static final org.hybridonboarding.directory.IdentityPlan SMITH = new org.hybridonboarding.directory.IdentityPlan(
      "lee.smith", "lee.smith@contoso.com", "lee.smith", "lee.smith@contoso.com", "Lee Smith", "Lee Smith", SALES_OU, null, null);
  static final MoverDirectory.Rename RENAME = new MoverDirectory.Rename("Lee", "Smith", "Lee Smith", "Lee Smith", "lee.smith",
      "lee.smith@contoso.com", "lee.smith@contoso.com", null);

  MoverDirectory directory = mock(MoverDirectory.class);
  MoverCloud moverCloud = mock(MoverCloud.class);
  CloudGateway cloud = mock(CloudGateway.class);
  IdentityPlanner planner = mock(IdentityPlanner.class);
  boolean renameSam;

  @BeforeEach
  void register() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    register(TransferProperties.Approval.LICENCE_OR_MANAGER, ProcessProperties.Licensing.Mode.DIRECT);
    when(directory.findManaged("E00003")).thenReturn(Optional.of(LEE));
    when(directory.move(eq("E00003"), any())).thenAnswer(call -> {
      MoverDirectory.Move move = call.getArgument(1);
      return new MoverDirectory.Moved(move.ouDn() == null ? LEE.dn() : "CN=Lee Gu," + move.ouDn(), move.leaveGroups(),
          move.joinGroups(), move.managerEmployeeId() == null ? null : "alex.wilber@contoso.com");
    });
  }

  void register(TransferProperties.Approval approval, ProcessProperties.Licensing.Mode mode) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ProcessProperties process = new ProcessProperties(Duration.ofDays(14), ZoneId.of("UTC"),
        new ProcessProperties.Approval(true, ProcessProperties.ApprovalBy.MANAGER, Duration.ofHours(24), null, 20,
            Duration.ofHours(72), "onboarding-escalation", "x"),
        new ProcessProperties.Replication(Duration.ofMinutes(5), Duration.ofHours(2)),
        new ProcessProperties.Mailbox(Duration.ofMinutes(5), Duration.ofHours(24)),
        new ProcessProperties.Licensing("SPE_E3", mode, Map.of("SPE_E3", E3_GROUP, "STANDARDPACK", E1_GROUP),
            Duration.ofMinutes(5), Duration.ofHours(4)),
        new ProcessProperties.Jobs("R2/PT1M"));
    OnboardingSettings onboarding = new OnboardingSettings(process);
    DirectoryProperties directoryProperties = new DirectoryProperties(true, STAFF, "OU=Quarantine,DC=contoso,DC=com",
        "OU=Leavers,DC=contoso,DC=com", "OU=Removed,DC=contoso,DC=com", "contoso.com", "contoso.com",
        "contoso.mail.onmicrosoft.com", false, Map.of("Sales", SALES_OU),
        Map.of("Finance", List.of(FINANCE), "Sales", List.of(SALES)), 10);
    TransferSettings settings = new TransferSettings(new TransferProperties(approval, renameSam), onboarding, directoryProperties, clock);
    Mocks.register("onboardingSettings", onboarding);
    Mocks.register("transferSettings", settings);
    ResolveProblemDelegates.register(onboarding, clock);
    Mocks.register("validateTransferDelegate", new ValidateTransferDelegate(new TransferRules(clock, new RequestRules(clock, new NamingRules(NamingProperties.defaults()))), directory, settings));
    Mocks.register("preflightTransferLicenceDelegate", new PreflightTransferLicenceDelegate(cloud, onboarding));
    Mocks.register("planNewNamesDelegate", new PlanNewNamesDelegate(planner, settings));
    Mocks.register("releaseTransferNamesListener", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> { });
    Mocks.register("moveAdAccountDelegate", new MoveAdAccountDelegate(directory, settings, clock));
    Mocks.register("checkTransferSyncedDelegate", new CheckTransferSyncedDelegate(moverCloud, settings));
    Mocks.register("swapLicenceDelegate", new SwapLicenceDelegate(moverCloud));
    Mocks.register("leaveOldLicensingGroupDelegate", new LeaveOldLicensingGroupDelegate(directory, settings));
    Mocks.register("notifyManagersDelegate", new NotifyManagersDelegate(cloud));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  static Map<String, Object> request(String department, String jobTitle, String manager, String usageLocation, String sku) {
    return new TransferRequest("E00003", "2026-12-07", department, jobTitle, manager, usageLocation, sku, null, null,
        "Europe/Berlin", "Reorganisation").toVariables();
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

  void approve(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(TASK_APPROVE);
    assertThat(task(pi)).hasCandidateGroup(OnboardingProcess.GROUP_APPROVERS);
    complete(task(pi), withVariables(APPROVED.name(), true, APPROVAL_COMMENT.name(), "fine"));
  }

  void synced(String department, String jobTitle, String usageLocation, String... licences) {
    when(moverCloud.findMover("guid==")).thenReturn(Optional.of(new MoverCloud.Mover("cloud-1", "lee.gu@contoso.com",
        department, jobTitle, usageLocation, List.of(licences))));
  }

  @Test
  void aDepartmentChangeMovesTheAccountSwapsTheDepartmentGroupsAndWaitsUntilEntraShowsIt() {
    ProcessInstance pi = start(request("Sales", null, null, null, null));

    assertThat(pi).isWaitingAt(TIMER_EFFECTIVE).hasNotPassed(TASK_APPROVE);
    // The start of 2026-12-07 in Berlin (UTC+1).
    assertThat(job(TIMER_EFFECTIVE).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-06T23:00:00Z")));
    verify(directory, never()).move(anyString(), any());
    run(TIMER_EFFECTIVE, TASK_MOVE_ACCOUNT);
    verify(directory).move("E00003", new MoverDirectory.Move("Sales", SALES_OU, List.of(FINANCE), List.of(SALES), null, null, null, null));

    synced("Finance", "Accountant", "US", "SPE_E3");
    run(TASK_CHECK_SYNCED);
    assertThat(pi).isWaitingAt(TIMER_SYNC_POLL);
    synced("Sales", "Accountant", "US", "SPE_E3");
    run(TIMER_SYNC_POLL, TASK_CHECK_SYNCED);

    assertThat(pi).isEnded().hasPassed(END_EVENT_TRANSFERRED).hasNotPassed(TASK_PREFLIGHT, TASK_SWAP_LICENCE,
        TASK_LEAVE_LICENSING_GROUP, TASK_NOTIFY_MANAGERS);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(MOVED_TO.name()).singleResult().getValue()).isEqualTo("CN=Lee Gu," + SALES_OU);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(TRANSFERRED_AT.name()).singleResult().getValue()).isEqualTo(Date.from(NOW));
    verify(cloud, never()).notify(anyList(), anyString(), anyString());
  }

  @Test
  void aNewManagerIsApprovedFirstAndBothManagersAreTold() {
    ProcessInstance pi = start(request(null, "Senior Accountant", "E00002", null, null));

    approve(pi);
    run(TIMER_EFFECTIVE, TASK_MOVE_ACCOUNT);
    verify(directory).move("E00003", new MoverDirectory.Move(null, null, List.of(), List.of(), "Senior Accountant", "E00002", null, null));
    synced("Finance", "Senior Accountant", "US");
    run(TASK_CHECK_SYNCED, TASK_NOTIFY_MANAGERS);

    assertThat(pi).isEnded().hasPassed(END_EVENT_TRANSFERRED);
    verify(cloud).notify(eq(List.of("megan.bowen@contoso.com", "alex.wilber@contoso.com")), contains("new manager"),
        contains("reports to alex.wilber@contoso.com"));
  }

  @Test
  void aDirectLicenceChangeIsCheckedForASeatBeforeAnythingChangesAndSwappedInOneCallAfterSync() {
    when(moverCloud.swapLicense("cloud-1", "ENTERPRISEPACK")).thenReturn(List.of("SPE_E3"));
    ProcessInstance pi = start(request(null, null, null, "DE", "ENTERPRISEPACK"));

    approve(pi);
    run(TIMER_EFFECTIVE, TASK_PREFLIGHT, TASK_MOVE_ACCOUNT);
    synced("Finance", "Accountant", "DE", "SPE_E3");
    run(TASK_CHECK_SYNCED, TASK_SWAP_LICENCE);

    assertThat(pi).isEnded().hasPassed(END_EVENT_TRANSFERRED).hasNotPassed(TASK_LEAVE_LICENSING_GROUP);
    var order = inOrder(cloud, directory, moverCloud);
    order.verify(cloud).preflight("ENTERPRISEPACK", "E00003", List.of());
    order.verify(directory).move("E00003", new MoverDirectory.Move(null, null, List.of(), List.of(), null, null, "DE", null));
    order.verify(moverCloud).swapLicense("cloud-1", "ENTERPRISEPACK");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(LICENSES_REMOVED.name()).singleResult().getValue()).isEqualTo("SPE_E3");
  }

  @Test
  void aGroupLicenceChangeJoinsTheNewGroupAndLeavesTheOldOneOnlyOnceTheNewLicenceIsActive() {
    register(TransferProperties.Approval.NEVER, ProcessProperties.Licensing.Mode.GROUP);
    ProcessInstance pi = start(request(null, null, null, null, "STANDARDPACK"));

    run(TIMER_EFFECTIVE, TASK_PREFLIGHT, TASK_MOVE_ACCOUNT);
    verify(directory).move("E00003", new MoverDirectory.Move(null, null, List.of(), List.of(E1_GROUP), null, null, null, null));
    synced("Finance", "Accountant", "US", "SPE_E3");
    run(TASK_CHECK_SYNCED);
    assertThat(pi).isWaitingAt(TIMER_SYNC_POLL);
    verify(directory, never()).leaveGroups(anyString(), anyList());
    synced("Finance", "Accountant", "US", "SPE_E3", "STANDARDPACK");
    run(TIMER_SYNC_POLL, TASK_CHECK_SYNCED, TASK_LEAVE_LICENSING_GROUP);

    assertThat(pi).isEnded().hasPassed(END_EVENT_TRANSFERRED).hasNotPassed(TASK_SWAP_LICENCE, TASK_APPROVE);
    verify(directory).leaveGroups("E00003", List.of(E3_GROUP));
    verify(moverCloud, never()).swapLicense(anyString(), anyString());
  }

  @Test
  void everythingAtOnceRunsEachStepOnceInOrder() {
    when(moverCloud.swapLicense("cloud-1", "ENTERPRISEPACK")).thenReturn(List.of("SPE_E3"));
    when(planner.plan(any(), anyString())).thenReturn(SMITH);
    Map<String, Object> variables = request("Sales", "Sales Lead", "E00002", "DE", "ENTERPRISEPACK");
    variables.put(SURNAME.name(), "Smith");
    ProcessInstance pi = start(variables);
    assertThat(pi).variables().containsEntry(CHANGES.name(), "DEPARTMENT,JOB_TITLE,MANAGER,USAGE_LOCATION,NAME,LICENCE");

    approve(pi);
    run(TIMER_EFFECTIVE, TASK_PREFLIGHT, TASK_PLAN_NEW_NAMES, TASK_MOVE_ACCOUNT);
    when(moverCloud.findMover("guid==")).thenReturn(Optional.of(new MoverCloud.Mover("cloud-1", "lee.smith@contoso.com",
        "Sales", "Sales Lead", "DE", List.of("SPE_E3"))));
    run(TASK_CHECK_SYNCED, TASK_SWAP_LICENCE, TASK_NOTIFY_MANAGERS);

    assertThat(pi).isEnded().hasPassedInOrder(TASK_VALIDATE, TASK_APPROVE, TIMER_EFFECTIVE, TASK_PREFLIGHT,
        TASK_PLAN_NEW_NAMES, TASK_MOVE_ACCOUNT, TASK_CHECK_SYNCED, TASK_SWAP_LICENCE, TASK_NOTIFY_MANAGERS,
        END_EVENT_TRANSFERRED);
    verify(directory).move("E00003", new MoverDirectory.Move("Sales", SALES_OU, List.of(FINANCE), List.of(SALES),
        "Sales Lead", "E00002", "DE", RENAME));
  }

  @Test
  void approvalRulesFollowTheSetting() {
    register(TransferProperties.Approval.ALWAYS, ProcessProperties.Licensing.Mode.DIRECT);
    ProcessInstance titleOnly = start(request(null, "Senior Accountant", null, null, null));
    assertThat(titleOnly).isWaitingAt(TASK_APPROVE);
    complete(task(titleOnly), withVariables(APPROVED.name(), false, APPROVAL_COMMENT.name(), "not now"));
    assertThat(titleOnly).isEnded().hasPassed(END_EVENT_REJECTED);

    register(TransferProperties.Approval.NEVER, ProcessProperties.Licensing.Mode.DIRECT);
    assertThat(start(request(null, null, "E00002", null, "ENTERPRISEPACK"))).isWaitingAt(TIMER_EFFECTIVE);

    register(TransferProperties.Approval.LICENCE_OR_MANAGER, ProcessProperties.Licensing.Mode.DIRECT);
    assertThat(start(request("Sales", "Sales Lead", null, "DE", null))).isWaitingAt(TIMER_EFFECTIVE);
    assertThat(start(request(null, null, null, null, "ENTERPRISEPACK"))).isWaitingAt(TASK_APPROVE);
  }

  @Test
  void withdrawnBeforeTheEffectiveDateChangesNothing() {
    ProcessInstance pi = start(request("Sales", null, null, null, null));

    engine.getRuntimeService().createMessageCorrelation(MESSAGE_WITHDRAW).processInstanceId(pi.getId())
        .setVariable(WITHDRAWN_BY.name(), "hr-system").correlate();

    assertThat(pi).isEnded().hasPassed(END_EVENT_WITHDRAWN);
    verify(directory, never()).move(anyString(), any());
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aRequestThatChangesNothingOrNamesNoManagedAccountEndsInvalid() {
    ProcessInstance same = start(request("Finance", "Accountant", "E00001", "US", null));
    assertThat(same).isEnded().hasPassed(END_EVENT_INVALID);
    assertThat(same).variables().containsEntry(REJECTION_REASON.name(), "The request changes nothing: AD holds these values already");

    when(directory.findManaged("E00003")).thenReturn(Optional.empty());
    ProcessInstance missing = start(request("Sales", null, null, null, null));
    assertThat(missing).isEnded().hasPassed(END_EVENT_INVALID);
    assertThat(missing).variables().containsEntry(REJECTION_REASON.name(),
        "No account with employeeID E00003 in the OUs Hybrid Onboarding manages");
  }

  @Test
  void noSeatForTheNewLicenceAsksForAnotherSkuBeforeAnythingChanges() {
    doThrow(new CloudException(CloudException.Code.NO_FREE_SEAT, "No free seat for ENTERPRISEPACK",
        Map.of("SPE_E3", 400))).when(cloud).preflight("ENTERPRISEPACK", "E00003", List.of());
    register(TransferProperties.Approval.NEVER, ProcessProperties.Licensing.Mode.DIRECT);
    ProcessInstance pi = start(request(null, null, null, null, "ENTERPRISEPACK"));

    run(TIMER_EFFECTIVE, TASK_PREFLIGHT);
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_LICENCE);
    verify(directory, never()).move(anyString(), any());
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.CHANGE_SKU.name(), LICENSE_SKU.name(), "SPE_E3");
    run(TASK_PREFLIGHT);
    verify(cloud).preflight("SPE_E3", "E00003", List.of());
    assertThat(pi).isWaitingAt(TASK_MOVE_ACCOUNT);
  }

  @Test
  void anUnknownNewManagerAsksForAnotherOne() {
    when(directory.move(eq("E00003"), any())).thenThrow(new DirectoryException(DirectoryException.Code.MANAGER_NOT_FOUND,
        "No AD account has employeeID E09999 (the new manager)"));
    register(TransferProperties.Approval.NEVER, ProcessProperties.Licensing.Mode.DIRECT);
    ProcessInstance pi = start(request(null, null, "E09999", null, null));

    run(TIMER_EFFECTIVE, TASK_MOVE_ACCOUNT);
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_MANAGER);
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.ABORT.name());
    assertThat(pi).isEnded().hasPassed(END_EVENT_ABORTED);
  }

  @Test
  void aSyncThatDoesNotComeAsksAPersonAndCanWaitLonger() {
    ProcessInstance pi = start(request("Sales", null, null, null, null));
    run(TIMER_EFFECTIVE, TASK_MOVE_ACCOUNT);
    synced("Finance", "Accountant", "US");
    run(TASK_CHECK_SYNCED);
    assertThat(job(TIMER_SYNC_TIMEOUT).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(2))));

    run(TIMER_SYNC_TIMEOUT);
    assertThat(problem(pi)).isWaitingAt(ResolveProblemProcess.TASK_RESOLVE_OVERDUE);
    assertThat(problem(pi)).variables().containsEntry(OnboardingProcess.PROBLEM_CODE.name(), "TRANSFER_SYNC_OVERDUE");
    choose(pi, OnboardingProcess.RESOLUTION.name(), Resolution.KEEP_WAITING.name(), OnboardingProcess.WAIT_HOURS.name(), 4L);
    assertThat(job(TIMER_SYNC_TIMEOUT).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(4))));
    synced("Sales", "Accountant", "US");
    run(TASK_CHECK_SYNCED);
    assertThat(pi).isEnded().hasPassed(END_EVENT_TRANSFERRED);
  }
  @Test
  void aNameChangePlansNewNamesKeepsTheSignInNameAndWaitsForTheNewUpnInEntra() {
    when(planner.plan(any(), anyString())).thenReturn(SMITH);
    Map<String, Object> variables = request(null, null, null, null, null);
    variables.put(SURNAME.name(), "Smith");
    ProcessInstance pi = start(variables);
    assertThat(pi).isWaitingAt(TIMER_EFFECTIVE).hasNotPassed(TASK_APPROVE);

    run(TIMER_EFFECTIVE, TASK_PLAN_NEW_NAMES);
    var person = org.mockito.ArgumentCaptor.forClass(org.hybridonboarding.directory.NewHire.class);
    verify(planner).plan(person.capture(), eq(pi.getId()));
    assertThat(person.getValue().givenName()).isEqualTo("Lee");
    assertThat(person.getValue().surname()).isEqualTo("Smith");
    assertThat(person.getValue().usageLocation()).isEqualTo("US");
    run(TASK_MOVE_ACCOUNT);
    verify(directory).move("E00003", new MoverDirectory.Move(null, null, List.of(), List.of(), null, null, null, RENAME));
    synced("Finance", "Accountant", "US");
    run(TASK_CHECK_SYNCED);
    assertThat(pi).isWaitingAt(TIMER_SYNC_POLL);
    when(moverCloud.findMover("guid==")).thenReturn(Optional.of(new MoverCloud.Mover("cloud-1", "lee.smith@contoso.com",
        "Finance", "Accountant", "US", List.of())));
    run(TIMER_SYNC_POLL, TASK_CHECK_SYNCED);

    assertThat(pi).isEnded().hasPassed(END_EVENT_TRANSFERRED);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(FROM_MAIL.name()).singleResult().getValue()).isEqualTo("lee.gu@contoso.com");
  }
  @Test
  void aNewCountryOrTitleAloneChangesOnlyThatAttributeInAdAndWaitsForIt() {
    ProcessInstance country = start(request(null, null, null, "FR", null));
    assertThat(country).isWaitingAt(TIMER_EFFECTIVE).hasNotPassed(TASK_APPROVE);
    run(TIMER_EFFECTIVE, TASK_MOVE_ACCOUNT);
    verify(directory).move("E00003", MoverDirectory.Move.usageLocation("FR"));
    synced("Finance", "Accountant", "US");
    run(TASK_CHECK_SYNCED);
    assertThat(country).isWaitingAt(TIMER_SYNC_POLL);
    synced("Finance", "Accountant", "FR");
    run(TIMER_SYNC_POLL, TASK_CHECK_SYNCED);
    assertThat(country).isEnded().hasPassed(END_EVENT_TRANSFERRED).hasNotPassed(TASK_PREFLIGHT, TASK_PLAN_NEW_NAMES,
        TASK_SWAP_LICENCE, TASK_NOTIFY_MANAGERS);

    ProcessInstance title = start(request(null, "Controller", null, null, null));
    run(TIMER_EFFECTIVE, TASK_MOVE_ACCOUNT);
    verify(directory).move("E00003", new MoverDirectory.Move(null, null, List.of(), List.of(), "Controller", null, null, null));
    synced("Finance", "Controller", "US");
    run(TASK_CHECK_SYNCED);
    assertThat(title).isEnded().hasPassed(END_EVENT_TRANSFERRED);
  }
  @Test
  void theSignInNameChangesWithTheNameOnlyWhenConfigured() {
    renameSam = true;
    register(TransferProperties.Approval.NEVER, ProcessProperties.Licensing.Mode.DIRECT);
    when(planner.plan(any(), anyString())).thenReturn(SMITH);
    Map<String, Object> variables = request(null, null, null, null, null);
    variables.put(SURNAME.name(), "Smith");
    start(variables);
    run(TIMER_EFFECTIVE, TASK_PLAN_NEW_NAMES, TASK_MOVE_ACCOUNT);
    verify(directory).move("E00003", new MoverDirectory.Move(null, null, List.of(), List.of(), null, null, null,
        new MoverDirectory.Rename("Lee", "Smith", "Lee Smith", "Lee Smith", "lee.smith", "lee.smith@contoso.com",
            "lee.smith@contoso.com", "lee.smith")));
  }
}
