package org.hybridonboarding.api;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hybridonboarding.process.OnboardingProcess;
import org.hybridonboarding.process.RequestRules;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who calls the API and what they may do: the authentication filter has checked who it is (into
 * Camunda's IdentityService); here every controller checks the groups the same way.
 */
@Component
class Callers {

  /** Who may start, cancel, withdraw or reverse a lifecycle. */
  static final Set<String> MAY_START = Set.of(OnboardingProcess.GROUP_REQUESTERS, "camunda-admin");
  /** Who may read how one stands: also the people with its tasks. */
  static final Set<String> MAY_READ = Set.of(OnboardingProcess.GROUP_REQUESTERS,
      OnboardingProcess.GROUP_APPROVERS, OnboardingProcess.GROUP_OPERATORS, "camunda-admin");
  private static final int MAX_REASON = 500;

  private final IdentityService identity;

  Callers(IdentityService identity) {
    this.identity = identity;
  }

  void requireGroup(Set<String> allowed) {
    Authentication current = identity.getCurrentAuthentication();
    boolean member = current != null && current.getGroupIds() != null
        && current.getGroupIds().stream().anyMatch(allowed::contains);
    if (!member) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "This needs membership in one of " + allowed.stream().sorted().toList());
    }
  }

  String userId() {
    return identity.getCurrentAuthentication().getUserId();
  }

  /** The reason of a DELETE: a line of text. */
  static void checkReason(String reason) {
    if (reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException(List.of(new RequestRules.Violation("reason",
          "must be at most " + MAX_REASON + " characters without control characters")));
    }
  }
}
