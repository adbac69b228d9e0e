package org.hybridonboarding.offboarding;

import org.hybridonboarding.process.Problems;
import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.hybridonboarding.directory.DirectoryProperties;
import org.hybridonboarding.directory.LeaverDirectory;
import org.hybridonboarding.process.OnboardingSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Out of every group (recorded at the cut; a licensing group stays while the licence is kept),
 * who, when and why in description, and into the leavers OU — inside sync scope, the user anchors
 * the shared mailbox — or the removed OU, outside it, so the cloud user and mailbox are soft-deleted.
 */
@Component
class RetireAccountDelegate implements JavaDelegate {

  private final LeaverDirectory directory;
  private final DirectoryProperties properties;
  private final OffboardingSettings settings;
  private final OnboardingSettings onboarding;
  private final Clock clock;

  RetireAccountDelegate(LeaverDirectory directory, DirectoryProperties properties, OffboardingSettings settings,
      OnboardingSettings onboarding, Clock clock) {
    this.directory = directory;
    this.properties = properties;
    this.settings = settings;
    this.onboarding = onboarding;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean remove = OffboardingRequest.Mailbox.REMOVE.name().equals(MAILBOX.get(execution));
    List<String> leave = new ArrayList<>(Arrays.stream(GROUPS.find(execution).orElse("").split("\n"))
        .filter(group -> !group.isBlank()).toList());
    if (LICENSES_KEPT_BECAUSE.find(execution).isPresent()) {
      leave.removeIf(group -> onboarding.isGroupLicensing()
          && onboarding.licensingGroupDns().stream().anyMatch(group::equalsIgnoreCase));
    }
    Instant now = clock.instant();
    String description = "Offboarded by Hybrid Onboarding " + DateTimeFormatter.ISO_LOCAL_DATE.format(now.atZone(settings.timeZone(execution)))
        + REQUESTED_BY.find(execution).map(by -> " at the request of " + by).orElse("")
        + REASON.find(execution).map(reason -> ": " + reason).orElse("");
    String moved = Problems.directory(() -> directory.retire(EMPLOYEE_ID.get(execution), leave,
        description.length() > 1024 ? description.substring(0, 1024) : description,
        remove ? properties.removedOu() : properties.leaversOu()));
    GROUPS_REMOVED.set(execution, String.join("\n", leave));
    MOVED_TO.set(execution, moved);
    Instant cut = CUT_AT.get(execution).toInstant();
    OFFBOARDED_AT.set(execution, Date.from(now));
    REINSTATE_UNTIL.set(execution, Date.from(settings.reinstateUntil(cut)));
    DELETE_AT.set(execution, remove ? Date.from(settings.deleteAt(cut)) : null);
  }
}
