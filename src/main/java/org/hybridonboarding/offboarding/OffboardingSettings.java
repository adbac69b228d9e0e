package org.hybridonboarding.offboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.hybridonboarding.process.OnboardingSettings;
import org.hybridonboarding.process.Overdue;
import org.springframework.stereotype.Component;

/**
 * The offboarding's settings as its diagram reads them, e.g. {@code ${offboardingSettings.sharedPollInterval}},
 * and the moments it waits for, worked out once in the person's time zone.
 */
@Component("offboardingSettings")
public class OffboardingSettings {

  private final OffboardingProperties properties;
  private final OnboardingSettings onboarding;
  private final Clock clock;

  OffboardingSettings(OffboardingProperties properties, OnboardingSettings onboarding, Clock clock) {
    this.properties = properties;
    this.onboarding = onboarding;
    this.clock = clock;
  }

  public boolean isApprovalRequired() {
    return properties.approval().required();
  }

  public ZoneId timeZone(VariableScope scope) {
    return OffboardingProcess.TIME_ZONE.find(scope).map(ZoneId::of).orElse(onboarding.defaultTimeZone());
  }

  /** The cut: the cut-off time of the last working day where the person works, or now when immediate. */
  public Instant cutAt(LocalDate lastWorkingDay, ZoneId zone, boolean immediate) {
    Instant now = clock.instant();
    if (immediate) {
      return now;
    }
    Instant cut = lastWorkingDay.atTime(properties.cutOff()).atZone(zone).toInstant();
    return cut.isBefore(now) ? now : cut;
  }

  /** The manager's notice: notice-before ahead of the start of the last working day; null when that has passed. */
  public Instant noticeAt(LocalDate lastWorkingDay, ZoneId zone, boolean immediate) {
    Instant notice = lastWorkingDay.atStartOfDay(zone).minus(properties.noticeBefore()).toInstant();
    return immediate || !notice.isAfter(clock.instant()) ? null : notice;
  }

  public Instant reinstateUntil(Instant cut) {
    return cut.plus(properties.reinstateWithin());
  }

  public Instant deleteAt(Instant cut) {
    return cut.plus(properties.retention());
  }

  public String getSharedPollInterval() {
    return properties.sharedPollInterval().toString();
  }

  /** How long a wait may last: the configured timeout, or the longer wait an operator chose when it ran out before. */
  public String waitTimeout(VariableScope scope, String step) {
    return onboarding.longerWait(scope, step).orElseGet(() -> switch (step) {
      case OffboardingProcess.SUBPROCESS_WAIT_FOR_SHARED_MAILBOX -> properties.sharedTimeout().toString();
      case OffboardingProcess.SUBPROCESS_WAIT_FOR_RETURN -> onboarding.getReplicationTimeout();
      default -> throw new IllegalArgumentException("No wait named " + step);
    });
  }

  /** What a person reads when a wait of the offboarding ran out. */
  public String overdueMessage(String overdue) {
    return switch (Overdue.valueOf(overdue)) {
      case SHARED_MAILBOX_OVERDUE -> "Microsoft Graph did not show the mailbox as shared within " + properties.sharedTimeout()
          + ". Check Get-Mailbox in Exchange Online and that the on-premises object says RemoteSharedMailbox "
          + "(msExchRecipientTypeDetails 34359738368).";
      case RETURN_OVERDUE -> "The reinstated account did not show as enabled in Entra ID within "
          + onboarding.getReplicationTimeout() + ". Check that Connect Sync runs and that the account is back in its OU.";
      default -> onboarding.overdueMessage(overdue);
    };
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
