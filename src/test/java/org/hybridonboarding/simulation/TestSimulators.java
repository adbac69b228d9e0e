package org.hybridonboarding.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Simulator settings for tests: the demo's tenant, no lag, no faults, Graph's real limits. */
final class TestSimulators {

  private TestSimulators() {
  }

  static SimulatorProperties properties(Duration mailboxDelay) {
    return new SimulatorProperties(0, Duration.ofSeconds(30), mailboxDelay,
        List.of("OU=Staff,DC=contoso,DC=com", "OU=Groups,DC=contoso,DC=com"), "contoso.onmicrosoft.com",
        List.of("contoso.com"), Duration.ZERO, true, Map.of("Licensing-SPE_E3", "SPE_E3"),
        new SimulatorProperties.Throttling(3500, Duration.ofSeconds(10), 3000, Duration.ofSeconds(150)),
        SimulatorProperties.MailLimits.OFF, SimulatorProperties.Faults.NONE);
  }
}
