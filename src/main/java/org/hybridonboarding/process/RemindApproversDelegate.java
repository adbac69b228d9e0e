package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.DISPLAY_NAME;
import static org.hybridonboarding.process.OnboardingProcess.EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.START_DATE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * An approval has waited too long: remind the people who must act — the manager it is assigned
 * to, or the members of the approvers' group (bounded; the mail names the others) — in one mail.
 * The task stays where it is.
 */
@Component
class RemindApproversDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RemindApproversDelegate.class);

  private final Approvers approvers;
  private final CloudGateway cloud;
  private final OnboardingSettings settings;

  RemindApproversDelegate(Approvers approvers, CloudGateway cloud, OnboardingSettings settings) {
    this.approvers = approvers;
    this.cloud = cloud;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Approvers.ToRemind who = approvers.of(execution.getProcessInstanceId(), OnboardingProcess.TASK_APPROVE_ONBOARDING,
        settings.approval().maxReminderRecipients());
    List<String> to = new ArrayList<>(who.mailTo());
    String also = settings.approval().reminderTo();
    if (also != null && !also.isBlank() && !to.contains(also)) {
      to.add(also);
    }
    if (to.isEmpty()) {
      log.warn("Approval of {} waits; nobody who may approve it has a mail address, and no onboarding.approval.reminder-to",
          EMPLOYEE_ID.get(execution));
      return;
    }
    String hire = DISPLAY_NAME.find(execution).orElse(EMPLOYEE_ID.get(execution));
    StringBuilder html = new StringBuilder("<p>The onboarding of <b>" + HtmlUtils.htmlEscape(hire) + "</b> (employee ID "
        + HtmlUtils.htmlEscape(EMPLOYEE_ID.get(execution)) + ", starting " + HtmlUtils.htmlEscape(START_DATE.get(execution)
        + " (" + settings.timeZone(execution).getId() + ")") + ") is waiting for approval.</p><p>Open <a href=\""
        + HtmlUtils.htmlEscape(settings.approval().tasklistUrl()) + "\">Tasklist</a> to approve or reject it.</p>");
    if (!who.notMailed().isEmpty()) {
      html.append("<p>Also able to approve it: ").append(HtmlUtils.htmlEscape(String.join(", ", who.notMailed()))).append(".</p>");
    }
    cloud.notify(to, "Waiting for your approval: onboarding of " + hire, html.toString());
    log.info("Reminded {} of the approval of {}{}", to, EMPLOYEE_ID.get(execution),
        who.notMailed().isEmpty() ? "" : " (" + who.notMailed().size() + " more named in the mail)");
  }
}
