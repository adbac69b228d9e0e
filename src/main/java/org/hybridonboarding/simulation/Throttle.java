package org.hybridonboarding.simulation;

import java.time.Clock;
import java.time.Duration;

/**
 * Graph's identity throttling, per app and tenant: resource units per window and writes per
 * write window, in fixed windows. A refused request learns how long to wait (Retry-After).
 */
final class Throttle {

  /**
   * @param retryAfterSeconds 0 when admitted
   * @param usage the share of the resource-unit window used after this request, for
   *     x-ms-throttle-limit-percentage
   */
  record Decision(boolean admitted, long retryAfterSeconds, double usage) {
  }

  private final Clock clock;
  private volatile SimulatorProperties.Throttling limits;
  private long unitWindow = -1;
  private int unitsUsed;
  private long writeWindow = -1;
  private int writesUsed;

  Throttle(Clock clock, SimulatorProperties.Throttling limits) {
    this.clock = clock;
    this.limits = limits;
  }

  void setLimits(SimulatorProperties.Throttling limits) {
    this.limits = limits;
  }

  synchronized Decision admit(int units, boolean write) {
    long now = clock.millis();
    SimulatorProperties.Throttling l = limits;
    long unitWindowMillis = l.window().toMillis();
    long writeWindowMillis = l.writeWindow().toMillis();
    long currentUnitWindow = now / unitWindowMillis;
    if (currentUnitWindow != unitWindow) {
      unitWindow = currentUnitWindow;
      unitsUsed = 0;
    }
    long currentWriteWindow = now / writeWindowMillis;
    if (currentWriteWindow != writeWindow) {
      writeWindow = currentWriteWindow;
      writesUsed = 0;
    }
    if (unitsUsed + units > l.resourceUnits()) {
      return new Decision(false, secondsUntil(now, (unitWindow + 1) * unitWindowMillis), 1.0);
    }
    if (write && writesUsed + 1 > l.writes()) {
      return new Decision(false, secondsUntil(now, (writeWindow + 1) * writeWindowMillis), 1.0);
    }
    unitsUsed += units;
    if (write) {
      writesUsed++;
    }
    return new Decision(true, 0, (double) unitsUsed / l.resourceUnits());
  }

  private static long secondsUntil(long now, long end) {
    return Math.max(1, Duration.ofMillis(end - now).toSeconds() + ((end - now) % 1000 == 0 ? 0 : 1));
  }
}
