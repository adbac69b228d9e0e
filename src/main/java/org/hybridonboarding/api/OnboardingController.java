package org.hybridonboarding.api;

import java.net.URI;
import java.util.List;
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


  private final OnboardingService onboardings;
  private final RequestRules rules;
  private final Callers callers;

  OnboardingController(OnboardingService onboardings, RequestRules rules, Callers callers) {
    this.onboardings = onboardings;
    this.rules = rules;
    this.callers = callers;
  }

  @PostMapping
  ResponseEntity<OnboardingStatus> start(@RequestBody OnboardingRequest body) {
    callers.requireGroup(Callers.MAY_START);
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
    callers.requireGroup(Callers.MAY_READ);
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
    callers.requireGroup(Callers.MAY_START);
    Callers.checkReason(reason);
    return onboardings.cancel(employeeId, reason, callers.userId())
        .map(status -> ResponseEntity.accepted().body(status))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No onboarding for employeeId " + employeeId));
  }
}
