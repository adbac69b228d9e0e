package org.hybridonboarding.api;

import java.util.List;
import org.hybridonboarding.process.RequestRules;

/** A request that breaks the rules; the handler names every bad field. */
class InvalidRequestException extends RuntimeException {

  private final List<RequestRules.Violation> violations;

  InvalidRequestException(List<RequestRules.Violation> violations) {
    super(violations.size() + " field(s) are invalid");
    this.violations = List.copyOf(violations);
  }

  List<RequestRules.Violation> violations() {
    return violations;
  }
}
