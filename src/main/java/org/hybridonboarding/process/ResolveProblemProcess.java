package org.hybridonboarding.process;

/**
 * The process key and element ids of processes/resolve-problem.bpmn: the problem handling every
 * lifecycle's failing steps call (its variables are the problem ones in {@link OnboardingProcess}).
 */
public final class ResolveProblemProcess {

  public static final String KEY = "resolve-problem";

  public static final String START_EVENT = "StartEvent_ProblemRaised";
  public static final String TASK_CLASSIFY_PROBLEM = "Task_ClassifyProblem";
  public static final String TASK_RESOLVE_PROBLEM = "Task_ResolveProblem";
  public static final String TASK_RESOLVE_LICENCE = "Task_ResolveLicence";
  public static final String TASK_RESOLVE_OVERDUE = "Task_ResolveOverdue";
  public static final String TASK_RESOLVE_USAGE_LOCATION = "Task_ResolveUsageLocation";
  public static final String TASK_RESOLVE_EXISTING_ACCOUNT = "Task_ResolveExistingAccount";
  public static final String TASK_RESOLVE_MANAGER = "Task_ResolveManager";
  public static final String TASK_RESOLVE_CREDENTIALS = "Task_ResolveCredentials";
  public static final String TASK_RESOLVE_MAILBOX_ACCESS = "Task_ResolveMailboxAccess";
  public static final String TASK_APPLY_RESOLUTION = "Task_ApplyResolution";
  public static final String END_EVENT_RESOLVED = "EndEvent_ProblemResolved";

  private ResolveProblemProcess() {
  }
}
