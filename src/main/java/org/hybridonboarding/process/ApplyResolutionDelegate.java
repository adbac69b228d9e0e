package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.*;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Checks an operator's choice on a failure task again in the process (the form checks it too)
 * and applies it. A choice that does not fit brings the task back with the reason, never an
 * incident; one that changes a value (SKU, country, manager, a longer wait, adopting an account)
 * is applied and the failed step runs again.
 */
@Component
class ApplyResolutionDelegate implements JavaDelegate {

  /** The offboarding's variable of the same name: who gets a leaver's mailbox. */
  private static final String MAILBOX_ACCESS = "mailboxAccess";

  private final RequestRules rules;
  private final OnboardingSettings settings;

  ApplyResolutionDelegate(RequestRules rules, OnboardingSettings settings) {
    this.rules = rules;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<String> refused = Resolution.of(RESOLUTION.find(execution).orElse(""))
        .map(choice -> apply(execution, choice, ProblemKind.valueOf(PROBLEM_KIND.find(execution).orElse("GENERIC"))))
        .orElse(Optional.of("Choose what to do"));
    RESOLUTION_ACCEPTED.set(execution, refused.isEmpty());
    RESOLUTION_ERROR.set(execution, refused.orElse(null));
  }

  private Optional<String> apply(DelegateExecution execution, Resolution choice, ProblemKind kind) {
    switch (choice) {
      case RETRY, ABORT:
        return Optional.empty();
      case MANUAL:
        return onlyFor(kind, ProblemKind.CREDENTIALS, choice);
      case KEEP_WAITING: {
        Optional<String> wrongKind = onlyFor(kind, ProblemKind.OVERDUE, choice);
        if (wrongKind.isPresent()) {
          return wrongKind;
        }
        Object hours = execution.getVariable(WAIT_HOURS.name());
        long h = hours instanceof Number n ? n.longValue() : -1;
        if (h < 1 || h > 168) {
          return Optional.of("Wait between 1 and 168 hours");
        }
        WAIT_LONGER.set(execution, "PT" + h + "H");
        WAIT_LONGER_STEP.set(execution, PROBLEM_STEP.get(execution));
        return retry(execution);
      }
      case CHANGE_SKU: {
        Optional<String> wrongKind = onlyFor(kind, ProblemKind.LICENCE, choice);
        if (wrongKind.isPresent()) {
          return wrongKind;
        }
        String sku = LICENSE_SKU.find(execution).orElse("");
        if (!availableSkus(execution).contains(sku)) {
          return Optional.of("Choose one of the SKUs that have free seats: " + availableSkus(execution));
        }
        if (settings.isGroupLicensing() && settings.licensingGroup(sku).isEmpty()) {
          return Optional.of("No AD group licenses " + sku + " (onboarding.licensing.groups)");
        }
        return retry(execution);
      }
      case CHANGE_USAGE_LOCATION: {
        Optional<String> refused = field(execution, kind, ProblemKind.USAGE_LOCATION, choice, "usageLocation");
        if (refused.isEmpty()) {
          USAGE_LOCATION_CORRECTED.set(execution, true);
        }
        return refused;
      }
      case CHANGE_MANAGER:
        return field(execution, kind, ProblemKind.MANAGER, choice, "managerEmployeeId")
            .or(() -> MANAGER_EMPLOYEE_ID.find(execution).isEmpty()
                ? Optional.of("Enter the manager's employee ID") : Optional.empty());
      case WITHOUT_MANAGER: {
        Optional<String> wrongKind = onlyFor(kind, ProblemKind.MANAGER, choice);
        if (wrongKind.isPresent()) {
          return wrongKind;
        }
        // Set, not removed: this runs in the called resolve-problem, whose variables go back to the onboarding.
        execution.setVariable(MANAGER_EMPLOYEE_ID.name(), null);
        return retry(execution);
      }
      case ADOPT: {
        Optional<String> wrongKind = onlyFor(kind, ProblemKind.ACCOUNT_EXISTS, choice);
        if (wrongKind.isPresent()) {
          return wrongKind;
        }
        ADOPT_EXISTING_ACCOUNT.set(execution, true);
        return retry(execution);
      }
      case CHANGE_ACCESS: {
        Optional<String> wrongKind = onlyFor(kind, ProblemKind.MAILBOX_ACCESS, choice);
        if (wrongKind.isPresent()) {
          return wrongKind;
        }
        String people = String.valueOf(execution.getVariable(MAILBOX_ACCESS)).strip();
        if (!people.matches("[A-Za-z0-9._-]{1,64}(\\s*,\\s*[A-Za-z0-9._-]{1,64})*")) {
          return Optional.of("Enter the employee IDs of the people who get the mailbox, separated by commas");
        }
        return retry(execution);
      }
      case SKIP_ACCESS: {
        Optional<String> wrongKind = onlyFor(kind, ProblemKind.MAILBOX_ACCESS, choice);
        if (wrongKind.isPresent()) {
          return wrongKind;
        }
        execution.setVariable(MAILBOX_ACCESS, "");
        return retry(execution);
      }
      default:
        throw new IllegalStateException("No rule for " + choice);
    }
  }

  /** A changed request field, checked by the same rules as a new request. */
  private Optional<String> field(DelegateExecution execution, ProblemKind kind, ProblemKind expectedKind, Resolution choice,
      String field) {
    Optional<String> wrongKind = onlyFor(kind, expectedKind, choice);
    if (wrongKind.isPresent()) {
      return wrongKind;
    }
    Optional<String> violation = rules.check(OnboardingRequest.from(execution)).stream()
        .filter(v -> v.field().equals(field))
        .map(RequestRules.Violation::toString)
        .findFirst();
    return violation.isPresent() ? violation : retry(execution);
  }

  private static Optional<String> retry(DelegateExecution execution) {
    RESOLUTION.set(execution, Resolution.RETRY.name());
    return Optional.empty();
  }

  private static Optional<String> onlyFor(ProblemKind kind, ProblemKind expected, Resolution choice) {
    return kind == expected ? Optional.empty() : Optional.of(choice + " does not fit this problem");
  }

  private static List<String> availableSkus(DelegateExecution execution) {
    TypedValue value = execution.getVariableTyped(AVAILABLE_SKUS);
    if (value == null || !(value.getValue() instanceof SpinJsonNode json)) {
      return List.of();
    }
    return json.elements().stream().map(option -> option.prop("value").stringValue()).toList();
  }
}
