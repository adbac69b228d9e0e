package org.hybridonboarding.process;

import java.util.Date;
import java.util.Set;

/** The process key, the BPMN element ids and the process variables, declared once. */
public final class OnboardingProcess {

  public static final String KEY = "hybrid-onboarding";

  // Element ids of processes/hybrid-onboarding.bpmn
  public static final String START_EVENT = "StartEvent_OnboardingRequested";
  public static final String TASK_VALIDATE_REQUEST = "Task_ValidateRequest";
  public static final String TASK_PREVIEW_IDENTITY = "Task_PreviewIdentity";
  public static final String TASK_APPROVE_ONBOARDING = "Task_ApproveOnboarding";
  public static final String TIMER_APPROVAL_REMINDER = "Timer_ApprovalReminder";
  public static final String TASK_REMIND_APPROVERS = "Task_RemindApprovers";
  public static final String TIMER_APPROVAL_ESCALATION = "Timer_ApprovalEscalation";
  public static final String TASK_ESCALATE_APPROVAL = "Task_EscalateApproval";
  public static final String TIMER_PROVISIONING_WINDOW = "Timer_ProvisioningWindow";
  public static final String TASK_PLAN_IDENTITY = "Task_PlanIdentity";
  public static final String TASK_PREFLIGHT_CLOUD = "Task_PreflightCloud";
  public static final String TASK_CREATE_AD_ACCOUNT = "Task_CreateAdAccount";
  public static final String SUBPROCESS_WAIT_FOR_REPLICATION = "SubProcess_WaitForReplication";
  public static final String TASK_CHECK_REPLICATION = "Task_CheckReplication";
  /** Where an onboarding waits for the replication watch to see its user in Entra ID. */
  public static final String EVENT_USER_REPLICATED = "Event_UserReplicated";
  public static final String MESSAGE_USER_REPLICATED = "UserReplicated";
  public static final String TIMER_REPLICATION_TIMEOUT = "Timer_ReplicationTimeout";
  public static final String TASK_ASSIGN_LICENSE = "Task_AssignLicense";
  public static final String GATEWAY_REHIRE_MAILBOX = "Gateway_RehireMailbox";
  /** After an operator's choice the step is retried in a job of its own, not in the task's completion. */
  public static final String GATEWAY_RETRY_PREFLIGHT = "Gateway_RetryPreflight";
  public static final String GATEWAY_RETRY_REPLICATION = "Gateway_RetryReplication";
  public static final String GATEWAY_RETRY_MAILBOX = "Gateway_RetryMailbox";
  public static final String TASK_RESTORE_USER_MAILBOX = "Task_RestoreUserMailbox";
  public static final String SUBPROCESS_WAIT_FOR_GROUP_LICENSE = "SubProcess_WaitForGroupLicense";
  public static final String TASK_CHECK_GROUP_LICENSE = "Task_CheckGroupLicense";
  public static final String TIMER_GROUP_LICENSE_POLL = "Timer_GroupLicensePoll";
  public static final String TIMER_GROUP_LICENSE_TIMEOUT = "Timer_GroupLicenseTimeout";
  public static final String SUBPROCESS_WAIT_FOR_MAILBOX = "SubProcess_WaitForMailbox";
  public static final String TASK_CHECK_MAILBOX = "Task_CheckMailbox";
  public static final String TIMER_MAILBOX_POLL = "Timer_MailboxPoll";
  public static final String TIMER_MAILBOX_TIMEOUT = "Timer_MailboxTimeout";
  public static final String TASK_BOOK_MAIL_SLOT = "Task_BookMailSlot";
  public static final String TIMER_MAIL_SLOT = "Timer_MailSlot";
  public static final String TASK_HAND_OVER_CREDENTIALS = "Task_HandOverCredentials";
  public static final String BOUNDARY_PREVIEW_FAILED = "Boundary_PreviewFailed";
  public static final String BOUNDARY_PLAN_IDENTITY_FAILED = "Boundary_PlanIdentityFailed";
  public static final String BOUNDARY_PREFLIGHT_FAILED = "Boundary_PreflightFailed";
  public static final String BOUNDARY_CREATE_AD_ACCOUNT_FAILED = "Boundary_CreateAdAccountFailed";
  public static final String BOUNDARY_NAME_COLLISION = "Boundary_NameCollision";
  public static final String BOUNDARY_ASSIGN_LICENSE_FAILED = "Boundary_AssignLicenseFailed";
  public static final String BOUNDARY_GROUP_LICENSE_FAILED = "Boundary_GroupLicenseFailed";
  public static final String BOUNDARY_HAND_OVER_FAILED = "Boundary_HandOverFailed";
  // Each step that can fail has its own loop: boundary → CallActivity_Resolve…Problem → Gateway_Retry… → the step
  public static final String CALL_RESOLVE_PREVIEW_PROBLEM = "CallActivity_ResolvePreviewProblem";
  public static final String CALL_RESOLVE_PLAN_IDENTITY_PROBLEM = "CallActivity_ResolvePlanIdentityProblem";
  public static final String CALL_RESOLVE_PREFLIGHT_PROBLEM = "CallActivity_ResolvePreflightProblem";
  public static final String CALL_RESOLVE_CREATE_AD_ACCOUNT_PROBLEM = "CallActivity_ResolveCreateAdAccountProblem";
  public static final String CALL_RESOLVE_REPLICATION_PROBLEM = "CallActivity_ResolveReplicationProblem";
  public static final String CALL_RESOLVE_ASSIGN_LICENSE_PROBLEM = "CallActivity_ResolveAssignLicenseProblem";
  public static final String CALL_RESOLVE_GROUP_LICENSE_PROBLEM = "CallActivity_ResolveGroupLicenseProblem";
  public static final String CALL_RESOLVE_GROUP_LICENSE_WAIT_PROBLEM = "CallActivity_ResolveGroupLicenseWaitProblem";
  public static final String CALL_RESOLVE_MAILBOX_PROBLEM = "CallActivity_ResolveMailboxProblem";
  public static final String CALL_RESOLVE_HAND_OVER_PROBLEM = "CallActivity_ResolveHandOverProblem";
  public static final String TASK_DELIVER_CREDENTIALS_MANUALLY = "Task_DeliverCredentialsManually";
  public static final String END_EVENT_ONBOARDED_MANUALLY = "EndEvent_OnboardedManually";
  public static final String GROUP_HELPDESK = "onboarding-helpdesk";
  /** The one undo after an abort; the cancellation calls the same process. */
  public static final String CALL_UNDO_ONBOARDING = "CallActivity_UndoOnboarding";
  public static final String CALL_UNDO_ON_CANCEL = "CallActivity_UndoOnCancel";
  public static final String END_EVENT_CANCELLED = "EndEvent_Cancelled";
  /** The message that cancels a running onboarding, correlated by business key (= employeeId). */
  public static final String MESSAGE_CANCEL = "CancelOnboarding";
  public static final String END_EVENT_ONBOARDED = "EndEvent_Onboarded";
  public static final String END_EVENT_REJECTED = "EndEvent_Rejected";
  public static final String END_EVENT_INVALID = "EndEvent_Invalid";
  public static final String END_EVENT_ABORTED = "EndEvent_Aborted";

  public static final String GROUP_APPROVERS = "onboarding-approvers";
  public static final String GROUP_OPERATORS = "onboarding-operators";
  public static final String GROUP_REQUESTERS = "onboarding-requesters";

  // The request (same names over /api and /engine-rest)
  public static final Var<String> EMPLOYEE_ID = Var.of("employeeId", String.class);
  public static final Var<String> GIVEN_NAME = Var.of("givenName", String.class);
  public static final Var<String> SURNAME = Var.of("surname", String.class);
  public static final Var<String> DEPARTMENT = Var.of("department", String.class);
  public static final Var<String> JOB_TITLE = Var.of("jobTitle", String.class);
  public static final Var<String> MANAGER_EMPLOYEE_ID = Var.of("managerEmployeeId", String.class);
  public static final Var<String> USAGE_LOCATION = Var.of("usageLocation", String.class);
  /** The employeeID belongs to an account this product offboarded: that account comes back instead of a new one. */
  public static final Var<Boolean> REHIRE = Var.of("rehire", Boolean.class);
  /** An operator chose another country on *Correct the usage location*: AD gets it too, or sync would put the old one back. */
  public static final Var<Boolean> USAGE_LOCATION_CORRECTED = Var.of("usageLocationCorrected", Boolean.class);
  public static final Var<String> LICENSE_SKU = Var.of("licenseSku", String.class);
  public static final Var<String> START_DATE = Var.of("startDate", String.class);
  /** The person's IANA time zone; the validation step fills in onboarding.time-zone when the request has none. */
  public static final Var<String> TIME_ZONE = Var.of("timeZone", String.class);
  /** HR's Latin form of a name written in another script: account names come from it. */
  public static final Var<String> LATIN_GIVEN_NAME = Var.of("latinGivenName", String.class);
  public static final Var<String> LATIN_SURNAME = Var.of("latinSurname", String.class);

  // Validation and approval
  public static final Var<Boolean> REQUEST_VALID = Var.of("requestValid", Boolean.class);
  public static final Var<String> REJECTION_REASON = Var.of("rejectionReason", String.class);
  public static final Var<Boolean> APPROVED = Var.of("approved", Boolean.class);
  public static final Var<String> APPROVAL_COMMENT = Var.of("approvalComment", String.class);
  public static final Var<Date> PROVISIONING_STARTS_AT = Var.of("provisioningStartsAt", Date.class);
  public static final Var<Boolean> WAIT_FOR_PROVISIONING_WINDOW =
      Var.of("waitForProvisioningWindow", Boolean.class);

  // The planned and created identity
  public static final Var<String> SAM_ACCOUNT_NAME = Var.of("sAMAccountName", String.class);
  public static final Var<String> USER_PRINCIPAL_NAME = Var.of("userPrincipalName", String.class);
  public static final Var<String> MAIL_NICKNAME = Var.of("mailNickname", String.class);
  public static final Var<String> MAIL = Var.of("mail", String.class);
  public static final Var<String> CN = Var.of("cn", String.class);
  public static final Var<String> DISPLAY_NAME = Var.of("displayName", String.class);
  public static final Var<String> TARGET_OU = Var.of("targetOu", String.class);
  public static final Var<String> ACCOUNT_DN = Var.of("accountDn", String.class);
  public static final Var<String> IMMUTABLE_ID = Var.of("immutableId", String.class);
  public static final Var<Date> ACCOUNT_CREATED_AT = Var.of("accountCreatedAt", Date.class);

  // The cloud
  public static final Var<Boolean> USER_SYNCED = Var.of("userSynced", Boolean.class);
  public static final Var<String> CLOUD_USER_ID = Var.of("cloudUserId", String.class);
  public static final Var<String> LICENSE_SKU_ID = Var.of("licenseSkuId", String.class);
  public static final Var<Boolean> GROUP_LICENSE_ACTIVE = Var.of("groupLicenseActive", Boolean.class);
  /** Set when the wait for group-based licensing (re)starts, by the diagram. */
  public static final Var<Date> GROUP_LICENSE_WAIT_SINCE = Var.of("groupLicenseWaitSince", Date.class);
  public static final Var<Boolean> MAILBOX_READY = Var.of("mailboxReady", Boolean.class);
  /** Where the Temporary Access Pass was mailed (the pass itself is never a variable). */
  public static final Var<String> CREDENTIALS_SENT_TO = Var.of("credentialsSentTo", String.class);
  /** The welcome mail's booked slot (MailSlots): its id, the sender it goes from, when, and whether it is due now. */
  public static final Var<String> MAIL_SLOT_ID = Var.of("mailSlotId", String.class);
  public static final Var<String> MAIL_SENDER = Var.of("mailSender", String.class);
  public static final Var<Date> MAIL_SLOT_AT = Var.of("mailSlotAt", Date.class);
  public static final Var<Boolean> MAIL_SLOT_DUE = Var.of("mailSlotDue", Boolean.class);

  /** The onboarding's process instance id, given to the called processes that act on its account. */
  public static final Var<String> ONBOARDING_ID = Var.of("onboardingId", String.class);

  // What went wrong, for the called process resolve-problem
  public static final Var<String> PROBLEM_STEP = Var.of("problemStep", String.class);
  public static final Var<String> PROBLEM_STEP_NAME = Var.of("problemStepName", String.class);
  public static final Var<String> PROBLEM_CODE = Var.of("problemCode", String.class);
  public static final Var<String> PROBLEM_MESSAGE = Var.of("problemMessage", String.class);
  /** A {@link Resolution}'s name: the forms' field. */
  public static final Var<String> RESOLUTION = Var.of("resolution", String.class);
  /** Which task fits the problem: a {@link ProblemKind}'s name. */
  public static final Var<String> PROBLEM_KIND = Var.of("problemKind", String.class);
  public static final Var<Boolean> RESOLUTION_ACCEPTED = Var.of("resolutionAccepted", Boolean.class);
  /** Why the operator's choice could not be applied; the task comes back with it. */
  public static final Var<String> RESOLUTION_ERROR = Var.of("resolutionError", String.class);
  public static final Var<Long> WAIT_HOURS = Var.of("waitHours", Long.class);
  public static final Var<String> WAIT_LONGER = Var.of("waitLonger", String.class);
  public static final Var<String> WAIT_LONGER_STEP = Var.of("waitLongerStep", String.class);
  public static final Var<Boolean> ADOPT_EXISTING_ACCOUNT = Var.of("adoptExistingAccount", Boolean.class);
  /** SKUs with free seats, as a select's options: [{"label": "SPE_E3 (12 free)", "value": "SPE_E3"}]. */
  public static final String AVAILABLE_SKUS = "availableSkus";

  // Cancellation
  public static final Var<String> CANCELLATION_REASON = Var.of("cancellationReason", String.class);
  public static final Var<String> CANCELLED_BY = Var.of("cancelledBy", String.class);

  /**
   * What an onboarding's history does not keep (system.AuditHistory): values a gateway or a timer
   * reads once in the transaction that set them, and the planned names AD holds and the account's DN
   * names (cn, OU). The status and the forms read none of them from history.
   */
  public static final Set<String> VARIABLES_NOT_IN_HISTORY = Set.of(REQUEST_VALID.name(), PROVISIONING_STARTS_AT.name(),
      WAIT_FOR_PROVISIONING_WINDOW.name(), USER_SYNCED.name(), MAIL_SLOT_ID.name(), MAIL_SLOT_AT.name(), MAIL_SLOT_DUE.name(),
      MAIL_NICKNAME.name(), CN.name(), TARGET_OU.name(), PlanIdentityDelegate.MANAGER_DN.name());
  /** The end events of the waits: the wait's own end says the same. */
  public static final Set<String> ACTIVITIES_NOT_IN_HISTORY = Set.of("EndEvent_UserSynced", "EndEvent_MailboxReady",
      "EndEvent_GroupLicenseActive");

  private OnboardingProcess() {
  }
}
