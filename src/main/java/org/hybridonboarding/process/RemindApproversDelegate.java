package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.DISPLAY_NAME;
import static org.hybridonboarding.process.OnboardingProcess.EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.START_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** An approval has waited too long: remind the approvers (the task stays where it is). */
@Component
class RemindApproversDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RemindApproversDelegate.class);

  private final CloudGateway cloud;
  private final OnboardingSettings settings;

  RemindApproversDelegate(CloudGateway cloud, OnboardingSettings settings) {
    this.cloud = cloud;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String to = settings.approval().reminderTo();
    if (to == null || to.isBlank()) {
      log.warn("Approval of {} waits; no onboarding.approval.reminder-to to remind", EMPLOYEE_ID.get(execution));
      return;
    }
    String who = DISPLAY_NAME.find(execution).orElse(EMPLOYEE_ID.get(execution));
    cloud.notify(to, "Waiting for your approval: onboarding of " + who,
        "<p>The onboarding of <b>" + HtmlUtils.htmlEscape(who) + "</b> (employee ID "
            + HtmlUtils.htmlEscape(EMPLOYEE_ID.get(execution)) + ", starting " + HtmlUtils.htmlEscape(START_DATE.get(execution) + " (" + settings.timeZone(execution).getId() + ")")
            + ") is waiting for approval.</p><p>Open <a href=\"" + HtmlUtils.htmlEscape(settings.approval().tasklistUrl())
            + "\">Tasklist</a> to approve or reject it.</p>");
  }
}
