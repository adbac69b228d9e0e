package org.hybridonboarding.api;

import java.net.URI;
import java.util.List;
import org.hybridonboarding.process.RequestRules;
import org.hybridonboarding.transfer.TransferRequest;
import org.hybridonboarding.transfer.TransferRules;
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

/** Movers over REST: HR asks for a change of department, manager, title, country or licence, asks how it stands, withdraws it. */
@RestController
@RequestMapping("/api/transfers")
class TransferController {

  private final TransferService transfers;
  private final TransferRules rules;
  private final Callers callers;

  TransferController(TransferService transfers, TransferRules rules, Callers callers) {
    this.transfers = transfers;
    this.rules = rules;
    this.callers = callers;
  }

  @PostMapping
  ResponseEntity<TransferStatus> start(@RequestBody TransferRequest body) {
    callers.requireGroup(Callers.MAY_START);
    TransferRequest request = body.normalized();
    List<RequestRules.Violation> violations = rules.check(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    TransferStatus status = transfers.start(request, callers.userId());
    return ResponseEntity.created(URI.create("/api/transfers/" + request.employeeId())).body(status);
  }

  @GetMapping("/{employeeId}")
  TransferStatus status(@PathVariable String employeeId) {
    callers.requireGroup(Callers.MAY_READ);
    return transfers.status(employeeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "No transfer for employeeId " + employeeId));
  }

  /** Before the effective date: withdrawn, nothing changed (202). */
  @DeleteMapping("/{employeeId}")
  ResponseEntity<TransferStatus> withdraw(@PathVariable String employeeId,
      @RequestParam(defaultValue = "Withdrawn by request") String reason) {
    callers.requireGroup(Callers.MAY_START);
    Callers.checkReason(reason);
    return transfers.withdraw(employeeId, reason, callers.userId())
        .map(status -> ResponseEntity.accepted().body(status))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No transfer for employeeId " + employeeId));
  }
}
