package org.hybridonboarding.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import java.time.LocalDate;
import java.time.ZoneId;
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

  /**
   * How long a wait may last before a person is asked: the configured timeout, or what an
   * operator chose ("keep waiting 4 hours") the last time that wait ran out.
   */
  public String waitTimeout(VariableScope scope, String step) {
    return longerWait(scope, step).orElseGet(() -> switch (step) {
      case OnboardingProcess.SUBPROCESS_WAIT_FOR_REPLICATION -> getReplicationTimeout();
      case OnboardingProcess.SUBPROCESS_WAIT_FOR_GROUP_LICENSE -> getGroupLicenseTimeout();
      case OnboardingProcess.SUBPROCESS_WAIT_FOR_MAILBOX -> getMailboxTimeout();
      default -> throw new IllegalArgumentException("No wait named " + step);
    });
  }

  /** What an operator chose the last time that wait ran out ("keep waiting 4 hours"), in any lifecycle. */
  public Optional<String> longerWait(VariableScope scope, String step) {
    Object longer = scope.getVariable(OnboardingProcess.WAIT_LONGER.name());
    return longer != null && step.equals(scope.getVariable(OnboardingProcess.WAIT_LONGER_STEP.name()))
        ? Optional.of(longer.toString()) : Optional.empty();
  }

  public String getApprovalReminderAfter() {
    return iso(properties.approval().reminderAfter());
  }

  public String getApprovalEscalationAfter() {
    return iso(properties.approval().escalationAfter());
  }

  /**
   * Whose task *Approve onboarding* is: the manager's account (found when the names were previewed,
   * null when disabled) with approval by manager, else nobody's (the approvers' group takes it).
   */
  public String approvalAssignee(VariableScope scope) {
    return properties.approval().by() == ProcessProperties.ApprovalBy.MANAGER
        ? PlanIdentityDelegate.MANAGER_ACCOUNT_NAME.find(scope).orElse(null)
        : null;
  }

  public ProcessProperties.Approval approval() {
    return properties.approval();
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

  public boolean isGroupLicensing() {
    return properties.licensing().mode() == ProcessProperties.Licensing.Mode.GROUP;
  }

  public String getGroupLicensePollInterval() {
    return iso(properties.licensing().pollInterval());
  }

  public String getGroupLicenseTimeout() {
    return iso(properties.licensing().timeout());
  }

  /** The AD group that licenses that SKU in group mode. */
  public Optional<String> licensingGroup(String skuPartNumber) {
    return Optional.ofNullable(properties.licensing().groups().get(skuPartNumber));
  }

  /** Every group that licenses a SKU in group mode. */
  public List<String> licensingGroupDns() {
    return List.copyOf(properties.licensing().groups().values());
  }

  /** The groups a new account joins: in group mode, the licensing group of its SKU. */
  public List<String> accountGroups(String skuPartNumber) {
    return isGroupLicensing() ? licensingGroup(skuPartNumber).map(List::of).orElse(List.of()) : List.of();
  }

  /** The person's time zone (a request's timeZone), or onboarding.time-zone without one. */
  public ZoneId timeZone(VariableScope scope) {
    return OnboardingProcess.TIME_ZONE.find(scope).map(ZoneId::of).orElse(properties.timeZone());
  }

  /** The zone of onboardings that do not name their own: onboarding.time-zone. */
  public ZoneId defaultTimeZone() {
    return properties.timeZone();
  }

  /**
   * A pass for the first day starts at the start of that day in the person's time zone, or now
   * for a late onboarding.
   */
  public Instant credentialsValidFrom(LocalDate startDate, ZoneId zone, Instant now) {
    Instant startOfDay = startDate.atStartOfDay(zone).toInstant();
    return startOfDay.isAfter(now) ? startOfDay : now;
  }

  /** A welcome mail is due when the pass it carries becomes valid: the start of the first day, where the person works. */
  public Instant welcomeMailDueBy(LocalDate startDate, ZoneId zone) {
    return startDate.atStartOfDay(zone).toInstant();
  }

  public String getDefaultSku() {
    return properties.licensing().defaultSku();
  }

  /** Provisioning starts the lead time before the start of the first working day, where the person works. */
  public Date provisioningStartsAt(LocalDate startDate, ZoneId zone) {
    return Date.from(startDate.atStartOfDay(zone).minus(properties.leadTime()).toInstant());
  }

  /** What a person reads when a wait ran out (an {@link Overdue}'s name), with where to look. */
  public String overdueMessage(String overdue) {
    return switch (Overdue.valueOf(overdue)) {
      case REPLICATION_OVERDUE -> "The account did not appear in Entra ID within " + getReplicationTimeout()
          + ". Check that Connect Sync runs and that the account's OU is in its sync scope.";
      case LICENSE_OVERDUE -> "Group-based licensing did not make the licence Active within " + getGroupLicenseTimeout()
          + ". Check the licensing group's membership and its licence assignment errors in Entra ID.";
      case MAILBOX_OVERDUE -> "Exchange Online did not provision the mailbox within " + getMailboxTimeout()
          + ". Check the licence's Exchange plan and that the account carries no msExchMailboxGuid.";
      case SHARED_MAILBOX_OVERDUE, RETURN_OVERDUE, TRANSFER_SYNC_OVERDUE ->
          throw new IllegalArgumentException(overdue + " is another lifecycle's");
    };
  }

  private static String iso(Duration duration) {
    return duration.toString();
  }
}
