package org.hybridonboarding.process;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The process's settings as the diagram's expressions read them, e.g.
 * {@code ${onboardingSettings.replicationPollInterval}} (ISO 8601 durations for timers).
 */
@Component("onboardingSettings")
public class OnboardingSettings {

  private final ProcessProperties properties;

  public OnboardingSettings(ProcessProperties properties) {
    this.properties = properties;
  }

  public boolean isApprovalRequired() {
    return properties.approval().required();
  }

  public String getReplicationPollInterval() {
    return iso(properties.replication().pollInterval());
  }

  public String getReplicationTimeout() {
    return iso(properties.replication().timeout());
  }

  public String getMailboxPollInterval() {
    return iso(properties.mailbox().pollInterval());
  }

  public String getMailboxTimeout() {
    return iso(properties.mailbox().timeout());
  }

  public String getRetryCycle() {
    return properties.jobs().retryCycle();
  }

  public String getDefaultSku() {
    return properties.licensing().defaultSku();
  }

  /** Provisioning starts the lead time before the start of the first working day. */
  public Date provisioningStartsAt(LocalDate startDate) {
    return Date.from(startDate.atStartOfDay(properties.timeZone()).minus(properties.leadTime()).toInstant());
  }

  private static String iso(Duration duration) {
    return duration.toString();
  }
}
