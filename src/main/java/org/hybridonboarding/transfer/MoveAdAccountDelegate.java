package org.hybridonboarding.transfer;

import static org.hybridonboarding.transfer.TransferProcess.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.directory.MoverDirectory;
import org.hybridonboarding.process.Problems;
import org.springframework.stereotype.Component;

/** The change in AD, where Connect Sync picks it up: attributes, the department's groups and OU. */
@Component
class MoveAdAccountDelegate implements JavaDelegate {

  private final MoverDirectory directory;
  private final TransferSettings settings;
  private final java.time.Clock clock;

  MoveAdAccountDelegate(MoverDirectory directory, TransferSettings settings, java.time.Clock clock) {
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MoverDirectory.Move move = settings.move(execution);
    MoverDirectory.Moved moved = Problems.directory(() -> directory.move(EMPLOYEE_ID.get(execution), move));
    ACCOUNT_DN.set(execution, moved.dn());
    MOVED_TO.set(execution, moved.dn());
    // A retry after a crash finds some groups done already: what an earlier run did counts too.
    GROUPS_LEFT.set(execution, union(GROUPS_LEFT.find(execution).orElse(null), moved.groupsLeft()));
    GROUPS_JOINED.set(execution, union(GROUPS_JOINED.find(execution).orElse(null), moved.groupsJoined()));
    MANAGER_MAIL.set(execution, moved.managerMail());
    SYNC_WAIT_SINCE.set(execution, Date.from(clock.instant()));
  }

  private static String union(String before, List<String> now) {
    List<String> all = new ArrayList<>(before == null ? List.of() : Arrays.stream(before.split("\n")).filter(s -> !s.isBlank()).toList());
    now.stream().filter(group -> all.stream().noneMatch(group::equalsIgnoreCase)).forEach(all::add);
    return String.join("\n", all);
  }
}
