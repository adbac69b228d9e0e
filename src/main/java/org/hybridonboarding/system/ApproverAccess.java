package org.hybridonboarding.system;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * An approval assigned to a person (the hire's manager) opens Tasklist to them: managers are in
 * none of the product's groups, and the engine gives an assignee their task but not the app.
 * They see only what is theirs (the "My approvals" filter). The grant stays: it opens nothing else.
 */
@Component("approverAccess")
class ApproverAccess implements TaskListener {

  private final AccessSetup access;

  ApproverAccess(AccessSetup access) {
    this.access = access;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null) {
      access.ensureForUser(task.getAssignee(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
  }
}
