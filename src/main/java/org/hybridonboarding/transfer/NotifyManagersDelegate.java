package org.hybridonboarding.transfer;

import static org.hybridonboarding.transfer.TransferProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.CloudGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** A new manager: the old and the new one both learn of it, in one mail. */
@Component
class NotifyManagersDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(NotifyManagersDelegate.class);

  private final CloudGateway cloud;

  NotifyManagersDelegate(CloudGateway cloud) {
    this.cloud = cloud;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> to = new ArrayList<>();
    FROM_MANAGER_MAIL.find(execution).ifPresent(to::add);
    MANAGER_MAIL.find(execution).filter(mail -> to.stream().noneMatch(mail::equalsIgnoreCase)).ifPresent(to::add);
    if (to.isEmpty()) {
      log.info("Neither manager of {} has a mailbox: nobody to tell", EMPLOYEE_ID.get(execution));
      return;
    }
    String who = HtmlUtils.htmlEscape(DISPLAY_NAME.find(execution).orElse(EMPLOYEE_ID.get(execution)));
    String department = DEPARTMENT.find(execution).filter(d -> !Objects.equals(d, FROM_DEPARTMENT.find(execution).orElse(null)))
        .map(d -> " and moves to " + HtmlUtils.htmlEscape(d)).orElse("");
    cloud.notify(to, "Transfer: " + who + " has a new manager",
        "<p>From " + HtmlUtils.htmlEscape(EFFECTIVE_DATE.get(execution)) + ", " + who + " reports to "
            + HtmlUtils.htmlEscape(MANAGER_MAIL.find(execution).orElse(MANAGER_EMPLOYEE_ID.get(execution))) + department
            + ".</p><p>This mail goes to the previous and the new manager.</p>");
    MANAGERS_NOTIFIED.set(execution, String.join(",", to));
  }
}
