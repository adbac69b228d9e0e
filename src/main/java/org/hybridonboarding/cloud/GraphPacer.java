package org.hybridonboarding.cloud;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spreads this node's writes to Graph evenly, so that no window of Graph's write quota sees more
 * than writesPerWindow of them: a bulk of thousands slows to the quota instead of bouncing off
 * 429s. A job thread that writes waits here for its slot.
 */
final class GraphPacer {

  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final long spacingNanos;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private long nextSlot = Long.MIN_VALUE;

  GraphPacer(int writesPerWindow, Duration window, LongSupplier clock, Sleeper sleeper) {
    if (writesPerWindow <= 0) {
      throw new IllegalArgumentException("onboarding.graph.writes-per-window must be positive");
    }
    this.spacingNanos = window.toNanos() / writesPerWindow;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  static GraphPacer forQuota(int writesPerWindow, Duration window) {
    return new GraphPacer(writesPerWindow, window, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  void awaitWritePermit() throws InterruptedException {
    long slot;
    synchronized (this) {
      long now = clock.getAsLong();
      slot = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
      nextSlot = slot + spacingNanos;
    }
    long wait = slot - clock.getAsLong();
    if (wait > 0) {
      sleeper.sleep(wait);
    }
  }
}
