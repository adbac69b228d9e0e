package org.hybridonboarding.offboarding;

import java.util.Date;
import org.hybridonboarding.process.Var;

/** The leaver's process key, the element ids of processes/hybrid-offboarding.bpmn and its variables. */
public final class OffboardingProcess {

  public static final String KEY = "hybrid-offboarding";

  public static final String START_EVENT = "StartEvent_OffboardingRequested";
  public static final String TASK_VALIDATE = "Task_ValidateOffboarding";
  public static final String TASK_APPROVE = "Task_ApproveOffboarding";
  public static final String SUBPROCESS_BEFORE_CUT = "SubProcess_BeforeCut";
  public static final String TIMER_NOTICE = "Timer_Notice";
  public static final String TASK_NOTIFY_MANAGER = "Task_NotifyManager";
  public static final String TIMER_CUT = "Timer_Cut";
  public static final String BOUNDARY_WITHDRAWN = "Boundary_Withdrawn";
  public static final String TASK_CUT_ACCESS = "Task_CutAccess";
  public static final String TASK_REVOKE_SESSIONS = "Task_RevokeSessions";
  public static final String TASK_CONVERT_MAILBOX = "Task_ConvertMailbox";
  public static final String SUBPROCESS_WAIT_FOR_SHARED_MAILBOX = "SubProcess_WaitForSharedMailbox";
  public static final String TASK_CHECK_SHARED_MAILBOX = "Task_CheckSharedMailbox";
  public static final String TIMER_SHARED_MAILBOX_POLL = "Timer_SharedMailboxPoll";
  public static final String TIMER_SHARED_MAILBOX_TIMEOUT = "Timer_SharedMailboxTimeout";
  public static final String TASK_GRANT_MAILBOX_ACCESS = "Task_GrantMailboxAccess";
  public static final String TASK_SET_AUTO_REPLY = "Task_SetAutoReply";
  public static final String TASK_REMOVE_LICENSES = "Task_RemoveLeaverLicenses";
  public static final String TASK_RETIRE_ACCOUNT = "Task_RetireAdAccount";
  public static final String TASK_REPORT = "Task_ReportOffboarding";
  public static final String GATEWAY_REINSTATE_OR_KEEP = "Gateway_ReinstateOrKeep";
  public static final String EVENT_REINSTATE = "Event_Reinstate";
  public static final String TIMER_REINSTATE_WINDOW = "Timer_ReinstateWindow";
  public static final String TIMER_RETENTION = "Timer_Retention";
  public static final String TASK_DELETE_ACCOUNT = "Task_DeleteAdAccount";
  public static final String TASK_REINSTATE_ACCOUNT = "Task_ReinstateAdAccount";
  public static final String SUBPROCESS_WAIT_FOR_RETURN = "SubProcess_WaitForReturn";
  public static final String TASK_CHECK_USER_BACK = "Task_CheckUserBack";
  public static final String TIMER_RETURN_POLL = "Timer_ReturnPoll";
  public static final String TIMER_RETURN_TIMEOUT = "Timer_ReturnTimeout";
  public static final String TASK_RESTORE_MAILBOX = "Task_RestoreMailbox";
  public static final String TASK_HAND_OVER_CREDENTIALS = "Task_HandOverReinstatedCredentials";
  public static final String CALL_RESOLVE_CUT_PROBLEM = "CallActivity_ResolveCutProblem";
  public static final String CALL_RESOLVE_CONVERT_PROBLEM = "CallActivity_ResolveConvertProblem";
  public static final String CALL_RESOLVE_SHARED_WAIT_PROBLEM = "CallActivity_ResolveSharedWaitProblem";
  public static final String CALL_RESOLVE_ACCESS_PROBLEM = "CallActivity_ResolveAccessProblem";
  public static final String CALL_RESOLVE_LICENCE_PROBLEM = "CallActivity_ResolveLicenceProblem";
  public static final String CALL_RESOLVE_RETURN_PROBLEM = "CallActivity_ResolveReturnProblem";
  public static final String CALL_RESOLVE_RESTORE_PROBLEM = "CallActivity_ResolveRestoreProblem";
  public static final String END_EVENT_INVALID = "EndEvent_OffboardingInvalid";
  public static final String END_EVENT_REJECTED = "EndEvent_OffboardingRejected";
  public static final String END_EVENT_WITHDRAWN = "EndEvent_Withdrawn";
  public static final String END_EVENT_OFFBOARDED = "EndEvent_Offboarded";
  public static final String END_EVENT_REINSTATED = "EndEvent_Reinstated";
  public static final String END_EVENT_ABORTED = "EndEvent_OffboardingAborted";

  public static final String MESSAGE_WITHDRAW = "WithdrawOffboarding";
  public static final String MESSAGE_REINSTATE = "ReinstateOffboarding";

  // The request (same names over /api and /engine-rest)
  public static final Var<String> EMPLOYEE_ID = Var.of("employeeId", String.class);
  public static final Var<String> LAST_WORKING_DAY = Var.of("lastWorkingDay", String.class);
  /** SHARED or REMOVE. */
  public static final Var<String> MAILBOX = Var.of("mailbox", String.class);
  /** employeeIds given FullAccess, comma-separated; the manager when the request names none. */
  public static final Var<String> MAILBOX_ACCESS = Var.of("mailboxAccess", String.class);
  public static final Var<String> AUTO_REPLY = Var.of("autoReply", String.class);
  public static final Var<Boolean> IMMEDIATE = Var.of("immediate", Boolean.class);
  public static final Var<String> REASON = Var.of("reason", String.class);
  public static final Var<String> TIME_ZONE = Var.of("timeZone", String.class);
  /** Who asked for it (the authenticated user of the REST call). */
  public static final Var<String> REQUESTED_BY = Var.of("requestedBy", String.class);
  // Validation
  public static final Var<Boolean> REQUEST_VALID = Var.of("requestValid", Boolean.class);
  public static final Var<String> REJECTION_REASON = Var.of("rejectionReason", String.class);
  public static final Var<Boolean> APPROVED = Var.of("approved", Boolean.class);
  public static final Var<String> APPROVAL_COMMENT = Var.of("approvalComment", String.class);
  // The account as found
  public static final Var<String> ACCOUNT_DN = Var.of("accountDn", String.class);
  public static final Var<String> ACCOUNT_OU = Var.of("accountOu", String.class);
  public static final Var<String> SAM_ACCOUNT_NAME = Var.of("sAMAccountName", String.class);
  public static final Var<String> USER_PRINCIPAL_NAME = Var.of("userPrincipalName", String.class);
  public static final Var<String> MAIL = Var.of("mail", String.class);
  public static final Var<String> DISPLAY_NAME = Var.of("displayName", String.class);
  /** As AD has them: the problem tasks show them, as they do for a new hire. */
  public static final Var<String> GIVEN_NAME = Var.of("givenName", String.class);
  public static final Var<String> SURNAME = Var.of("surname", String.class);
  public static final Var<String> IMMUTABLE_ID = Var.of("immutableId", String.class);
  public static final Var<String> MANAGER_EMPLOYEE_ID = Var.of("managerEmployeeId", String.class);
  public static final Var<String> MANAGER_MAIL = Var.of("managerMail", String.class);
  // Timing
  public static final Var<Date> NOTICE_AT = Var.of("noticeAt", Date.class);
  public static final Var<Date> CUT_AT = Var.of("cutAt", Date.class);
  public static final Var<Date> REINSTATE_UNTIL = Var.of("reinstateUntil", Date.class);
  public static final Var<Date> DELETE_AT = Var.of("deleteAt", Date.class);
  // What was done
  public static final Var<Date> DISABLED_AT = Var.of("disabledAt", Date.class);
  /** The groups the account was in at the cut, one DN per line: what a reinstatement restores. */
  public static final Var<String> GROUPS = Var.of("groups", String.class);
  public static final Var<String> CLOUD_USER_ID = Var.of("cloudUserId", String.class);
  public static final Var<Boolean> SESSIONS_REVOKED = Var.of("sessionsRevoked", Boolean.class);
  public static final Var<Long> PASSES_DELETED = Var.of("passesDeleted", Long.class);
  /** userPurpose as Graph shows it last: user, shared. */
  public static final Var<String> MAILBOX_TYPE = Var.of("mailboxType", String.class);
  public static final Var<Boolean> MAILBOX_SHARED = Var.of("mailboxShared", Boolean.class);
  public static final Var<String> ACCESS_GRANTED_TO = Var.of("accessGrantedTo", String.class);
  /** skuIds removed, comma-separated: what a reinstatement assigns again. */
  public static final Var<String> LICENSES_REMOVED = Var.of("licensesRemoved", String.class);
  public static final Var<String> LICENSES_KEPT_BECAUSE = Var.of("licensesKeptBecause", String.class);
  public static final Var<String> GROUPS_REMOVED = Var.of("groupsRemoved", String.class);
  public static final Var<String> MOVED_TO = Var.of("movedTo", String.class);
  public static final Var<Date> OFFBOARDED_AT = Var.of("offboardedAt", Date.class);
  public static final Var<Boolean> ACCOUNT_DELETED = Var.of("accountDeleted", Boolean.class);
  // Withdrawal and reinstatement: who sent the DELETE, and why
  public static final Var<String> REVERSED_BY = Var.of("reversedBy", String.class);
  public static final Var<String> REVERSAL_REASON = Var.of("reversalReason", String.class);
  public static final Var<Boolean> USER_BACK = Var.of("userBack", Boolean.class);
  public static final Var<String> CREDENTIALS_SENT_TO = Var.of("credentialsSentTo", String.class);

  private OffboardingProcess() {
  }
}
