package org.hybridonboarding.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hybridonboarding.process.RequestRules;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of /api as RFC 9457 problem details (application/problem+json). */
// Ahead of Spring's own problem-details handler, which would say only "Failed to read request".
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {OnboardingController.class, OffboardingController.class, TransferController.class})
class ApiExceptionHandler {

  private static final URI INVALID = URI.create("https://hybridonboarding.org/problems/invalid-request");
  private static final URI RUNNING = URI.create("https://hybridonboarding.org/problems/already-running");
  /** Jackson's words when spring.jackson.parser.strict-duplicate-detection finds a key twice. */
  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");
  private static final URI ENDED = URI.create("https://hybridonboarding.org/problems/not-running");

  @ExceptionHandler
  ProblemDetail invalid(InvalidRequestException e) {
    return invalidRequest(e.violations());
  }

  @ExceptionHandler
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonParseException parse) {
      Matcher duplicate = DUPLICATE_FIELD.matcher(parse.getOriginalMessage());
      if (duplicate.find()) {
        return invalidRequest(List.of(new RequestRules.Violation(duplicate.group(1),
            "is given more than once: the request is ambiguous")));
      }
    }
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      return invalidRequest(List.of(new RequestRules.Violation(unknown.getPropertyName(),
          "is not a field of an onboarding request")));
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
          .filter(name -> name != null).collect(Collectors.joining("."));
      return invalidRequest(List.of(new RequestRules.Violation(field, "must be a JSON string")));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The body must be a JSON object with the fields of an onboarding request");
    problem.setType(INVALID);
    problem.setTitle("Invalid onboarding request");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail running(OnboardingService.AlreadyRunningException e) {
    return conflict(RUNNING, "Onboarding already running", e);
  }

  @ExceptionHandler
  ProblemDetail notRunning(OnboardingService.NotRunningException e) {
    return conflict(ENDED, "Onboarding not running", e);
  }

  @ExceptionHandler
  ProblemDetail offboardingConflict(OffboardingService.ConflictException e) {
    return conflict(RUNNING, "Offboarding not possible now", e);
  }

  @ExceptionHandler
  ProblemDetail noAccount(OffboardingService.NoAccountException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("No such account");
    return problem;
  }

  /** Still busy after the retries: nothing changed; the client may send it again shortly. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> busy(org.camunda.bpm.engine.OptimisticLockingException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The onboarding is busy with a step right now; nothing was changed. Try again in a few seconds.");
    problem.setTitle("Onboarding busy");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
  }

  private static ProblemDetail conflict(URI type, String title, RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }

  private static ProblemDetail invalidRequest(List<RequestRules.Violation> violations) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        violations.stream().map(RequestRules.Violation::toString).collect(Collectors.joining("; ")));
    problem.setType(INVALID);
    problem.setTitle("Invalid onboarding request");
    problem.setProperty("errors", violations.stream()
        .map(v -> Map.of("field", v.field(), "message", v.message()))
        .toList());
    return problem;
  }
}
