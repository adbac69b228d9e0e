package org.hybridonboarding.process;

/** The process key and element ids of processes/undo-onboarding.bpmn, called on cancel and on abort. */
public final class UndoOnboardingProcess {

  public static final String KEY = "undo-onboarding";

  public static final String START_EVENT = "StartEvent_UndoRequested";
  public static final String TASK_REMOVE_LICENSES = "Task_RemoveLicenses";
  public static final String TASK_QUARANTINE_ACCOUNT = "Task_QuarantineAccount";
  public static final String END_EVENT_UNDONE = "EndEvent_Undone";

  private UndoOnboardingProcess() {
  }
}
