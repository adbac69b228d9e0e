package org.hybridonboarding.process;

/** The process key, element ids and variables of processes/replication-watch.bpmn. */
public final class ReplicationWatchProcess {

  public static final String KEY = "replication-watch";

  public static final String START_EVENT = "StartEvent_ReplicationWatch";
  public static final String TASK_POLL_DIRECTORY_CHANGES = "Task_PollDirectoryChanges";
  public static final String TIMER_NEXT_DIRECTORY_POLL = "Timer_NextDirectoryPoll";
  public static final String TASK_HAND_OVER_WATCH = "Task_HandOverWatch";
  public static final String END_EVENT_HANDED_OVER = "EndEvent_WatchHandedOver";

  /** The delta link of the poll before last: each poll reads two intervals' changes (see ReplicationWatch). */
  public static final Var<String> DELTA_LINK_PREVIOUS = Var.of("deltaLinkPrevious", String.class);
  public static final Var<String> DELTA_LINK_LATEST = Var.of("deltaLinkLatest", String.class);
  public static final Var<Integer> USERS_CHANGED = Var.of("usersChanged", Integer.class);
  public static final Var<Integer> ONBOARDINGS_WOKEN = Var.of("onboardingsWoken", Integer.class);

  private ReplicationWatchProcess() {
  }
}
