package org.hybridonboarding.process;

import java.time.Clock;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.hybridonboarding.directory.NamingProperties;
import org.hybridonboarding.directory.NamingRules;

/** The called resolve-problem's real delegates, for the process tests of every lifecycle. */
public final class ResolveProblemDelegates {

  private ResolveProblemDelegates() {
  }

  public static void register(OnboardingSettings settings, Clock clock) {
    Mocks.register("classifyProblemDelegate", new ClassifyProblemDelegate());
    Mocks.register("applyResolutionDelegate",
        new ApplyResolutionDelegate(new RequestRules(clock, new NamingRules(NamingProperties.defaults())), settings));
  }
}
