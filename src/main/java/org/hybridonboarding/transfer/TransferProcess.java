package org.hybridonboarding.transfer;

import java.util.Date;
import org.hybridonboarding.process.Var;

/** The mover's process key, the element ids of processes/hybrid-transfer.bpmn and its variables. */
public final class TransferProcess {

  public static final String KEY = "hybrid-transfer";

  public static final String START_EVENT = "StartEvent_TransferRequested";
  public static final String TASK_VALIDATE = "Task_ValidateTransfer";
  public static final String TASK_APPROVE = "Task_ApproveTransfer";
  public static final String SUBPROCESS_BEFORE_EFFECTIVE = "SubProcess_BeforeEffectiveDate";
  public static final String TIMER_EFFECTIVE = "Timer_EffectiveDate";
  public static final String BOUNDARY_WITHDRAWN = "Boundary_TransferWithdrawn";
  public static final String TASK_PREFLIGHT = "Task_PreflightTransferLicence";
  public static final String TASK_PLAN_NEW_NAMES = "Task_PlanNewNames";
  public static final String TASK_MOVE_ACCOUNT = "Task_MoveAdAccount";
  public static final String SUBPROCESS_WAIT_FOR_SYNC = "SubProcess_WaitForTransferSync";
  public static final String TASK_CHECK_SYNCED = "Task_CheckTransferSynced";
  public static final String TIMER_SYNC_POLL = "Timer_TransferSyncPoll";
  public static final String TIMER_SYNC_TIMEOUT = "Timer_TransferSyncTimeout";
  public static final String TASK_SWAP_LICENCE = "Task_SwapLicence";
  public static final String TASK_LEAVE_LICENSING_GROUP = "Task_LeaveOldLicensingGroup";
  public static final String TASK_NOTIFY_MANAGERS = "Task_NotifyManagers";
  public static final String CALL_RESOLVE_PREFLIGHT_PROBLEM = "CallActivity_ResolvePreflightProblem";
  public static final String CALL_RESOLVE_MOVE_PROBLEM = "CallActivity_ResolveMoveProblem";
  public static final String CALL_RESOLVE_SYNC_PROBLEM = "CallActivity_ResolveSyncProblem";
  public static final String CALL_RESOLVE_SWAP_PROBLEM = "CallActivity_ResolveSwapProblem";
  public static final String END_EVENT_INVALID = "EndEvent_TransferInvalid";
  public static final String END_EVENT_REJECTED = "EndEvent_TransferRejected";
  public static final String END_EVENT_WITHDRAWN = "EndEvent_TransferWithdrawn";
  public static final String END_EVENT_TRANSFERRED = "EndEvent_Transferred";
  public static final String END_EVENT_ABORTED = "EndEvent_TransferAborted";

  public static final String MESSAGE_WITHDRAW = "WithdrawTransfer";

  // The request (same names over /api and /engine-rest); a field left out changes nothing.
  public static final Var<String> EMPLOYEE_ID = Var.of("employeeId", String.class);
  public static final Var<String> EFFECTIVE_DATE = Var.of("effectiveDate", String.class);
  public static final Var<String> DEPARTMENT = Var.of("department", String.class);
  public static final Var<String> JOB_TITLE = Var.of("jobTitle", String.class);
  public static final Var<String> MANAGER_EMPLOYEE_ID = Var.of("managerEmployeeId", String.class);
  public static final Var<String> USAGE_LOCATION = Var.of("usageLocation", String.class);
  /** The onboarding's name: the problem tasks (CHANGE_SKU) set it too. */
  public static final Var<String> LICENSE_SKU = Var.of("licenseSku", String.class);
  public static final Var<String> TIME_ZONE = Var.of("timeZone", String.class);
  public static final Var<String> REASON = Var.of("reason", String.class);
  public static final Var<String> REQUESTED_BY = Var.of("requestedBy", String.class);
  // Validation
  public static final Var<Boolean> REQUEST_VALID = Var.of("requestValid", Boolean.class);
  public static final Var<String> REJECTION_REASON = Var.of("rejectionReason", String.class);
  public static final Var<Boolean> APPROVAL_REQUIRED = Var.of("approvalRequired", Boolean.class);
  public static final Var<Boolean> APPROVED = Var.of("approved", Boolean.class);
  public static final Var<String> APPROVAL_COMMENT = Var.of("approvalComment", String.class);
  /** What changes, comma-separated kinds (DEPARTMENT,MANAGER,JOB_TITLE,USAGE_LOCATION,LICENCE): what the diagram routes on. */
  public static final Var<String> CHANGES = Var.of("changes", String.class);
  public static final Var<Boolean> LICENCE_CHANGES = Var.of("licenceChanges", Boolean.class);
  public static final Var<Boolean> MANAGER_CHANGES = Var.of("managerChanges", Boolean.class);
  public static final Var<Boolean> NAME_CHANGES = Var.of("nameChanges", Boolean.class);
  // The account as found (the problem forms show the person's names, as for a hire)
  public static final Var<String> ACCOUNT_DN = Var.of("accountDn", String.class);
  public static final Var<String> SAM_ACCOUNT_NAME = Var.of("sAMAccountName", String.class);
  public static final Var<String> USER_PRINCIPAL_NAME = Var.of("userPrincipalName", String.class);
  public static final Var<String> DISPLAY_NAME = Var.of("displayName", String.class);
  /** The request's new name when it changes it; the name AD holds otherwise (the problem forms show it). */
  public static final Var<String> GIVEN_NAME = Var.of("givenName", String.class);
  public static final Var<String> SURNAME = Var.of("surname", String.class);
  public static final Var<String> IMMUTABLE_ID = Var.of("immutableId", String.class);
  // What it was before
  public static final Var<String> FROM_DEPARTMENT = Var.of("fromDepartment", String.class);
  public static final Var<String> FROM_JOB_TITLE = Var.of("fromJobTitle", String.class);
  public static final Var<String> FROM_MANAGER_EMPLOYEE_ID = Var.of("fromManagerEmployeeId", String.class);
  public static final Var<String> FROM_MANAGER_MAIL = Var.of("fromManagerMail", String.class);
  public static final Var<String> FROM_USAGE_LOCATION = Var.of("fromUsageLocation", String.class);
  public static final Var<String> FROM_GIVEN_NAME = Var.of("fromGivenName", String.class);
  public static final Var<String> FROM_SURNAME = Var.of("fromSurname", String.class);
  public static final Var<String> FROM_MAIL = Var.of("fromMail", String.class);
  // The new names (a name change), planned free in AD and Entra ID
  public static final Var<String> NEW_DISPLAY_NAME = Var.of("newDisplayName", String.class);
  public static final Var<String> NEW_CN = Var.of("newCn", String.class);
  public static final Var<String> NEW_MAIL_NICKNAME = Var.of("newMailNickname", String.class);
  public static final Var<String> NEW_USER_PRINCIPAL_NAME = Var.of("newUserPrincipalName", String.class);
  public static final Var<String> NEW_MAIL = Var.of("newMail", String.class);
  /** Only with onboarding.transfers.rename-sam-account-name=true. */
  public static final Var<String> NEW_SAM_ACCOUNT_NAME = Var.of("newSAMAccountName", String.class);
  // Timing
  public static final Var<Date> EFFECTIVE_AT = Var.of("effectiveAt", Date.class);
  // What was done
  public static final Var<String> MOVED_TO = Var.of("movedTo", String.class);
  /** One DN per line. */
  public static final Var<String> GROUPS_LEFT = Var.of("groupsLeft", String.class);
  public static final Var<String> GROUPS_JOINED = Var.of("groupsJoined", String.class);
  public static final Var<String> MANAGER_MAIL = Var.of("managerMail", String.class);
  public static final Var<String> CLOUD_USER_ID = Var.of("cloudUserId", String.class);
  public static final Var<Boolean> SYNCED = Var.of("synced", Boolean.class);
  /** When the wait for sync began: group licensing errors from before it are stale. */
  public static final Var<Date> SYNC_WAIT_SINCE = Var.of("syncWaitSince", Date.class);
  /** skuPartNumbers removed by the licence change, comma-separated. */
  public static final Var<String> LICENSES_REMOVED = Var.of("licensesRemoved", String.class);
  public static final Var<String> MANAGERS_NOTIFIED = Var.of("managersNotified", String.class);
  public static final Var<Date> TRANSFERRED_AT = Var.of("transferredAt", Date.class);
  // Withdrawal
  public static final Var<String> WITHDRAWN_BY = Var.of("withdrawnBy", String.class);
  public static final Var<String> WITHDRAWAL_REASON = Var.of("withdrawalReason", String.class);

  private TransferProcess() {
  }
}
