package org.hybridonboarding.api;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hybridonboarding.process.OnboardingProcess;
import org.hybridonboarding.process.OnboardingRequest;
import org.hybridonboarding.process.RequestRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The REST API HR and ITSM systems use: start an onboarding, ask how it stands. */
@RestController
@RequestMapping("/api/onboardings")
class OnboardingController {

  private static final Set<String> MAY_START = Set.of(OnboardingProcess.GROUP_REQUESTERS, "camunda-admin");
  private static final Set<String> MAY_READ = Set.of(OnboardingProcess.GROUP_REQUESTERS,
      OnboardingProcess.GROUP_APPROVERS, OnboardingProcess.GROUP_OPERATORS, "camunda-admin");

  private static final int MAX_REASON = 500;

  private final OnboardingService onboardings;
  private final RequestRules rules;
  private final IdentityService identity;

  OnboardingController(OnboardingService onboardings, RequestRules rules, IdentityService identity) {
    this.onboardings = onboardings;
    this.rules = rules;
    this.identity = identity;
  }

  @PostMapping
  ResponseEntity<OnboardingStatus> start(@RequestBody OnboardingRequest body) {
    requireGroup(MAY_START);
    OnboardingRequest request = body.normalized();
    List<RequestRules.Violation> violations = rules.check(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    OnboardingStatus status = onboardings.start(request);
    return ResponseEntity.created(URI.create("/api/onboardings/" + request.employeeId())).body(status);
  }

  @GetMapping("/{employeeId}")
  OnboardingStatus status(@PathVariable String employeeId) {
    requireGroup(MAY_READ);
    return onboardings.status(employeeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "No onboarding for employeeId " + employeeId));
  }

  /**
   * Cancels a running onboarding; compensation runs in the process (licences removed, account
   * disabled and quarantined). 202: accepted, the undo is under way.
   */
  @DeleteMapping("/{employeeId}")
  ResponseEntity<OnboardingStatus> cancel(@PathVariable String employeeId,
      @RequestParam(defaultValue = "Cancelled by request") String reason) {
    requireGroup(MAY_START);
    if (reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException(List.of(new RequestRules.Violation("reason",
          "must be at most " + MAX_REASON + " characters without control characters")));
    }
    return onboardings.cancel(employeeId, reason, identity.getCurrentAuthentication().getUserId())
        .map(status -> ResponseEntity.accepted().body(status))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No onboarding for employeeId " + employeeId));
  }

  /** The authentication filter has checked who it is; here we check what they may do. */
  private void requireGroup(Set<String> allowed) {
    Authentication current = identity.getCurrentAuthentication();
    boolean member = current != null && current.getGroupIds() != null
        && current.getGroupIds().stream().anyMatch(allowed::contains);
    if (!member) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "This needs membership in one of " + allowed.stream().sorted().toList());
    }
  }
}
