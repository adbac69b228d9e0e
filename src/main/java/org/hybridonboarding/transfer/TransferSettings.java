package org.hybridonboarding.transfer;

import static org.hybridonboarding.transfer.TransferProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.hybridonboarding.directory.DirectoryProperties;
import org.hybridonboarding.directory.MoverDirectory;
import org.hybridonboarding.process.OnboardingSettings;
import org.springframework.stereotype.Component;

/**
 * The transfer's settings as its diagram reads them ({@code ${transferSettings.…}}), and what a
 * change means in AD: the department's OU and groups, the licensing groups in group mode.
 */
@Component("transferSettings")
public class TransferSettings {

  private final TransferProperties properties;
  private final OnboardingSettings onboarding;
  private final DirectoryProperties directory;
  private final Clock clock;

  TransferSettings(TransferProperties properties, OnboardingSettings onboarding, DirectoryProperties directory, Clock clock) {
    this.properties = properties;
    this.onboarding = onboarding;
    this.directory = directory;
    this.clock = clock;
  }

  public boolean approvalRequired(List<Change> changes) {
    return switch (properties.approval()) {
      case ALWAYS -> true;
      case NEVER -> false;
      case LICENCE_OR_MANAGER -> changes.contains(Change.LICENCE) || changes.contains(Change.MANAGER);
    };
  }

  public ZoneId timeZone(VariableScope scope) {
    return TIME_ZONE.find(scope).map(ZoneId::of).orElse(onboarding.defaultTimeZone());
  }

  /** The start of the effective date where the person works; now when that has passed. */
  public Instant effectiveAt(LocalDate effectiveDate, ZoneId zone) {
    Instant start = effectiveDate.atStartOfDay(zone).toInstant();
    Instant now = clock.instant();
    return start.isBefore(now) ? now : start;
  }

  public boolean isGroupLicensing() {
    return onboarding.isGroupLicensing();
  }

  /**
   * The move in AD, worked out when it is due (so it follows the configuration of that day): the
   * new department's OU, the old department's groups left and the new one's joined (only groups
   * onboarding.directory.department-groups names; others stay), in group mode the new licence's group.
   */
  public MoverDirectory.Move move(VariableScope scope) {
    List<Change> changes = Change.parse(CHANGES.get(scope));
    String department = changes.contains(Change.DEPARTMENT) ? DEPARTMENT.get(scope) : null;
    List<String> leave = new ArrayList<>();
    List<String> join = new ArrayList<>();
    String ou = null;
    if (department != null) {
      leave.addAll(directory.groupsFor(FROM_DEPARTMENT.find(scope).orElse(null)));
      join.addAll(directory.groupsFor(department));
      ou = directory.ouFor(department);
    }
    if (changes.contains(Change.LICENCE) && isGroupLicensing()) {
      join.addAll(onboarding.accountGroups(LICENSE_SKU.get(scope)));
    }
    MoverDirectory.Rename rename = changes.contains(Change.NAME)
        ? new MoverDirectory.Rename(GIVEN_NAME.get(scope), SURNAME.get(scope), NEW_DISPLAY_NAME.get(scope), NEW_CN.get(scope),
            NEW_MAIL_NICKNAME.get(scope), NEW_USER_PRINCIPAL_NAME.get(scope), NEW_MAIL.get(scope),
            NEW_SAM_ACCOUNT_NAME.find(scope).orElse(null))
        : null;
    return new MoverDirectory.Move(department, ou, leave, join,
        changes.contains(Change.JOB_TITLE) ? JOB_TITLE.get(scope) : null,
        changes.contains(Change.MANAGER) ? MANAGER_EMPLOYEE_ID.get(scope) : null,
        changes.contains(Change.USAGE_LOCATION) ? USAGE_LOCATION.get(scope) : null, rename);
  }

  public boolean isRenameSamAccountName() {
    return properties.renameSamAccountName();
  }

  /** Group mode: the licensing groups other than the new licence's, which the account leaves once that one is Active. */
  public List<String> otherLicensingGroups(String skuPartNumber) {
    List<String> others = new ArrayList<>(onboarding.licensingGroupDns());
    onboarding.licensingGroup(skuPartNumber).ifPresent(others::remove);
    return others;
  }

  public String getSyncPollInterval() {
    return onboarding.getReplicationPollInterval();
  }

  public String waitTimeout(VariableScope scope) {
    return onboarding.longerWait(scope, SUBPROCESS_WAIT_FOR_SYNC).orElse(onboarding.getReplicationTimeout());
  }

  public String overdueMessage() {
    return "Entra ID did not show the transfer (department, job title, usage location, user principal name"
        + (isGroupLicensing() ? ", the new group licence Active" : "") + ") within " + onboarding.getReplicationTimeout()
        + ". Check that Connect Sync runs, that the new OU is in its sync scope"
        + (isGroupLicensing() ? " and the licensing group's assignment errors in Entra ID" : "") + ".";
  }
}
