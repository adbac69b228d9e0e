package org.hybridonboarding.process;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Timings and switches of the onboarding process ({@code onboarding.*}). */
@ConfigurationProperties("onboarding")
public record ProcessProperties(
    @DefaultValue("P14D") Duration leadTime,
    ZoneId timeZone,
    @DefaultValue Approval approval,
    @DefaultValue Replication replication,
    @DefaultValue Mailbox mailbox,
    @DefaultValue Licensing licensing,
    @DefaultValue Jobs jobs) {

  /** Without onboarding.time-zone, the JVM's own zone. */
  public ProcessProperties {
    timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
  }

  /**
   * @param by who approves: the hire's manager (the task is theirs, offered to the approvers too) or the approvers' group
   * @param reminderAfter a waiting approval reminds whoever must act after this long (the task stays open)
   * @param reminderTo also reminded, or the only one reminded when nobody who must act has a mail address
   * @param maxReminderRecipients a group task reminds at most this many of its members; the mail names the rest
   * @param escalationAfter then the escalation group may approve too
   */
  public record Approval(
      @DefaultValue("true") boolean required,
      @DefaultValue("manager") ApprovalBy by,
      @DefaultValue("PT24H") Duration reminderAfter,
      String reminderTo,
      @DefaultValue("20") int maxReminderRecipients,
      @DefaultValue("PT72H") Duration escalationAfter,
      @DefaultValue("onboarding-escalation") String escalationGroup,
      @DefaultValue("http://localhost:8080/camunda/app/tasklist/") String tasklistUrl) {
  }

  public enum ApprovalBy { MANAGER, GROUP }

  public record Replication(
      @DefaultValue("PT5M") Duration pollInterval,
      @DefaultValue("PT2H") Duration timeout) {
  }

  public record Mailbox(
      @DefaultValue("PT5M") Duration pollInterval,
      @DefaultValue("PT24H") Duration timeout) {
  }

  /**
   * @param mode DIRECT: assign the licence over Graph; GROUP: add the account to the SKU's
   *     licensing group in AD and wait for group-based licensing
   * @param groups skuPartNumber → distinguished name of the AD group that licenses it (GROUP mode)
   */
  public record Licensing(
      @DefaultValue("SPE_E3") String defaultSku,
      @DefaultValue("DIRECT") Mode mode,
      Map<String, String> groups,
      @DefaultValue("PT5M") Duration pollInterval,
      @DefaultValue("PT4H") Duration timeout) {

    public Licensing {
      groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    public enum Mode { DIRECT, GROUP }
  }

  /** Technical failures: retry intervals of a failed job before it becomes an incident. */
  public record Jobs(@DefaultValue("PT10S,PT1M,PT5M,PT15M,PT30M") String retryCycle) {
  }
}
