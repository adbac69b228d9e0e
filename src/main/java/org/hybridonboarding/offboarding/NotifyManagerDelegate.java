package org.hybridonboarding.offboarding;

import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.hybridonboarding.cloud.CloudGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the manager what happens (the notice before the last day, notice=BEFORE) or what was done
 * (notice=DONE). A leaver without a manager with a mailbox: logged, nobody to tell.
 */
@Component
class NotifyManagerDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(NotifyManagerDelegate.class);

  private final CloudGateway cloud;
  private final OffboardingSettings settings;

  NotifyManagerDelegate(CloudGateway cloud, OffboardingSettings settings) {
    this.cloud = cloud;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String notice = String.valueOf(execution.getVariableLocal("notice"));
    String to = MANAGER_MAIL.find(execution).orElse(null);
    if (to == null) {
      log.info("{} has no manager with a mailbox: no {} notice", EMPLOYEE_ID.get(execution), notice);
      return;
    }
    ZoneId zone = settings.timeZone(execution);
    String cut = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(Locale.UK).withZone(zone)
        .format(CUT_AT.get(execution).toInstant()) + " (" + zone.getId() + ")";
    String who = HtmlUtils.htmlEscape(DISPLAY_NAME.find(execution).orElse(EMPLOYEE_ID.get(execution)));
    boolean shared = !OffboardingRequest.Mailbox.REMOVE.name().equals(MAILBOX.get(execution));
    String mailbox = shared
        ? "The mailbox " + HtmlUtils.htmlEscape(MAIL.find(execution).orElse("")) + " stays as a shared mailbox"
            + (MAILBOX_ACCESS.find(execution).filter(a -> !a.isBlank()).isPresent() ? " that you can open in Outlook" : "") + "."
        : "The mailbox is removed (recoverable for 30 days).";
    if ("BEFORE".equals(notice)) {
      cloud.notify(to, "Leaver: " + who + " leaves on " + LAST_WORKING_DAY.get(execution),
          "<p>" + who + "'s access ends on " + cut + ": the account is disabled and signed out everywhere.</p><p>"
              + mailbox + "</p>");
    } else {
      cloud.notify(to, "Leaver: " + who + " has been offboarded",
          "<p>" + who + "'s access ended at " + cut + ". The account is disabled, out of its groups and in "
              + HtmlUtils.htmlEscape(MOVED_TO.find(execution).orElse("")) + ".</p><p>" + mailbox + "</p>"
              + LICENSES_KEPT_BECAUSE.find(execution).map(b -> "<p>The licences were kept: " + HtmlUtils.htmlEscape(b) + ".</p>")
                  .orElse("<p>The licences were freed.</p>"));
    }
  }
}
