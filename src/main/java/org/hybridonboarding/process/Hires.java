package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.CN;
import static org.hybridonboarding.process.OnboardingProcess.DEPARTMENT;
import static org.hybridonboarding.process.OnboardingProcess.DISPLAY_NAME;
import static org.hybridonboarding.process.OnboardingProcess.EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.GIVEN_NAME;
import static org.hybridonboarding.process.OnboardingProcess.JOB_TITLE;
import static org.hybridonboarding.process.OnboardingProcess.LATIN_GIVEN_NAME;
import static org.hybridonboarding.process.OnboardingProcess.LATIN_SURNAME;
import static org.hybridonboarding.process.OnboardingProcess.MAIL;
import static org.hybridonboarding.process.OnboardingProcess.MAIL_NICKNAME;
import static org.hybridonboarding.process.OnboardingProcess.MANAGER_EMPLOYEE_ID;
import static org.hybridonboarding.process.OnboardingProcess.SAM_ACCOUNT_NAME;
import static org.hybridonboarding.process.OnboardingProcess.SURNAME;
import static org.hybridonboarding.process.OnboardingProcess.TARGET_OU;
import static org.hybridonboarding.process.OnboardingProcess.USAGE_LOCATION;
import static org.hybridonboarding.process.OnboardingProcess.USER_PRINCIPAL_NAME;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.hybridonboarding.directory.IdentityPlan;
import org.hybridonboarding.directory.NewHire;

/** Reads the directory's inputs from process variables, so every delegate reads them alike. */
final class Hires {

  private Hires() {
  }

  static NewHire from(VariableScope scope) {
    return new NewHire(
        EMPLOYEE_ID.get(scope),
        GIVEN_NAME.get(scope),
        SURNAME.get(scope),
        DEPARTMENT.get(scope),
        JOB_TITLE.find(scope).orElse(null),
        MANAGER_EMPLOYEE_ID.find(scope).orElse(null),
        USAGE_LOCATION.get(scope),
        LATIN_GIVEN_NAME.find(scope).orElse(null),
        LATIN_SURNAME.find(scope).orElse(null));
  }

  static IdentityPlan plan(VariableScope scope) {
    return new IdentityPlan(
        SAM_ACCOUNT_NAME.get(scope),
        USER_PRINCIPAL_NAME.get(scope),
        MAIL_NICKNAME.get(scope),
        MAIL.get(scope),
        CN.get(scope),
        DISPLAY_NAME.get(scope),
        TARGET_OU.get(scope),
        PlanIdentityDelegate.MANAGER_DN.find(scope).orElse(null),
        PlanIdentityDelegate.MANAGER_ACCOUNT_NAME.find(scope).orElse(null),
        PlanIdentityDelegate.MANAGER_MAIL.find(scope).orElse(null),
        null);
  }
}
