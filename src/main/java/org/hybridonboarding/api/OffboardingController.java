package org.hybridonboarding.api;

import java.net.URI;
import java.util.List;
import org.hybridonboarding.offboarding.OffboardingRequest;
import org.hybridonboarding.offboarding.OffboardingRules;
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

  private final OffboardingService offboardings;
  private final OffboardingRules rules;
  private final Callers callers;

  OffboardingController(OffboardingService offboardings, OffboardingRules rules, Callers callers) {
    this.offboardings = offboardings;
    this.rules = rules;
    this.callers = callers;
  }

  @PostMapping
  ResponseEntity<OffboardingStatus> start(@RequestBody OffboardingRequest body) {
    callers.requireGroup(Callers.MAY_START);
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
    OffboardingStatus status = offboardings.start(request, callers.userId());
    return ResponseEntity.created(URI.create("/api/offboardings/" + request.employeeId())).body(status);
  }

  @GetMapping("/{employeeId}")
  OffboardingStatus status(@PathVariable String employeeId) {
    callers.requireGroup(Callers.MAY_READ);
    return offboardings.status(employeeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "No offboarding for employeeId " + employeeId));
  }

  /** Before the cut: withdrawn. After it, within the reinstatement window: reinstated. 202: under way. */
  @DeleteMapping("/{employeeId}")
  ResponseEntity<OffboardingStatus> reverse(@PathVariable String employeeId,
      @RequestParam(defaultValue = "Withdrawn by request") String reason) {
    callers.requireGroup(Callers.MAY_START);
    Callers.checkReason(reason);
    return offboardings.reverse(employeeId, reason, callers.userId())
        .map(status -> ResponseEntity.accepted().body(status))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No offboarding for employeeId " + employeeId));
  }
}
