package org.hybridonboarding.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** An approval is overdue: the escalation group may approve it too (the approvers still can). */
@Component
class EscalateApprovalDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(EscalateApprovalDelegate.class);

  private final TaskService tasks;
  private final OnboardingSettings settings;

  EscalateApprovalDelegate(TaskService tasks, OnboardingSettings settings) {
    this.tasks = tasks;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String group = settings.approval().escalationGroup();
    for (Task approval : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(OnboardingProcess.TASK_APPROVE_ONBOARDING).list()) {
      tasks.addCandidateGroup(approval.getId(), group);
      log.info("Approval of {} escalated to {}", execution.getBusinessKey(), group);
    }
  }
}
