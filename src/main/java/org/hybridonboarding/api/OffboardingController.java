package org.hybridonboarding.api;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hybridonboarding.offboarding.OffboardingRequest;
import org.hybridonboarding.offboarding.OffboardingRules;
import org.hybridonboarding.process.OnboardingProcess;
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

/** Leavers over REST: HR starts an offboarding, asks how it stands, withdraws or reverses it. */
@RestController
@RequestMapping("/api/offboardings")
class OffboardingController {

  private static final Set<String> MAY_START = Set.of(OnboardingProcess.GROUP_REQUESTERS, "camunda-admin");
  private static final Set<String> MAY_READ = Set.of(OnboardingProcess.GROUP_REQUESTERS,
      OnboardingProcess.GROUP_APPROVERS, OnboardingProcess.GROUP_OPERATORS, "camunda-admin");
  private static final int MAX_REASON = 500;

  private final OffboardingService offboardings;
  private final OffboardingRules rules;
  private final IdentityService identity;

  OffboardingController(OffboardingService offboardings, OffboardingRules rules, IdentityService identity) {
    this.offboardings = offboardings;
    this.rules = rules;
    this.identity = identity;
  }

  @PostMapping
  ResponseEntity<OffboardingStatus> start(@RequestBody OffboardingRequest body) {
    requireGroup(MAY_START);
    OffboardingRequest request = body.normalized();
    // Over /api, leaving it out means "not immediate"; over /engine-rest the first step reads it the same way.
    if (request.immediate() == null) {
      request = new OffboardingRequest(request.employeeId(), request.lastWorkingDay(), request.mailbox(),
          request.mailboxAccess(), request.autoReply(), false, request.reason(), request.timeZone());
    }
    List<RequestRules.Violation> violations = rules.check(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    OffboardingStatus status = offboardings.start(request, identity.getCurrentAuthentication().getUserId());
    return ResponseEntity.created(URI.create("/api/offboardings/" + request.employeeId())).body(status);
  }

  @GetMapping("/{employeeId}")
  OffboardingStatus status(@PathVariable String employeeId) {
    requireGroup(MAY_READ);
    return offboardings.status(employeeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "No offboarding for employeeId " + employeeId));
  }

  /** Before the cut: withdrawn. After it, within the reinstatement window: reinstated. 202: under way. */
  @DeleteMapping("/{employeeId}")
  ResponseEntity<OffboardingStatus> reverse(@PathVariable String employeeId,
      @RequestParam(defaultValue = "Withdrawn by request") String reason) {
    requireGroup(MAY_START);
    if (reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException(List.of(new RequestRules.Violation("reason",
          "must be at most " + MAX_REASON + " characters without control characters")));
    }
    return offboardings.reverse(employeeId, reason, identity.getCurrentAuthentication().getUserId())
        .map(status -> ResponseEntity.accepted().body(status))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No offboarding for employeeId " + employeeId));
  }

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
