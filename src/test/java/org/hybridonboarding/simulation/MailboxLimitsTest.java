package org.hybridonboarding.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailboxLimitsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
  private final MailboxLimits limits = new MailboxLimits(clock,
      new SimulatorProperties.MailLimits(true, 30, 10_000, 4, 10, Duration.ofMinutes(10)));

  @Test
  void aFifthConcurrentRequestToOneMailboxIsRefusedUntilOneIsAnswered() {
    MailboxLimits.Decision first = limits.enter("onboarding@contoso.com", 0);
    for (int i = 0; i < 3; i++) {
      assertThat(limits.enter("Onboarding@contoso.com", 0).admitted()).isTrue();
    }
    assertThat(limits.enter("onboarding@contoso.com", 0).refusal()).isEqualTo(MailboxLimits.Refusal.CONCURRENCY);
    assertThat(limits.enter("megan.bowen@contoso.com", 0).admitted()).as("another mailbox").isTrue();

    limits.leave("onboarding@contoso.com", first, true);
    assertThat(limits.enter("onboarding@contoso.com", 0).admitted()).isTrue();
  }

  @Test
  void requestsPerWindowCountInARollingWindow() {
    for (int i = 0; i < 10; i++) {
      limits.leave("onboarding@contoso.com", limits.enter("onboarding@contoso.com", 0), true);
      clock.advance(Duration.ofSeconds(30));
    }
    MailboxLimits.Decision eleventh = limits.enter("onboarding@contoso.com", 0);
    assertThat(eleventh.refusal()).isEqualTo(MailboxLimits.Refusal.REQUESTS);
    // The first request was 300 s ago: it leaves the 10-minute window in 300 s.
    assertThat(eleventh.retryAfterSeconds()).isEqualTo(300);
    clock.advance(Duration.ofSeconds(300));
    assertThat(limits.enter("onboarding@contoso.com", 0).admitted()).isTrue();
  }

  @Test
  void aMessageTheHandlerRefusedDoesNotCountAgainstTheSender() {
    MailboxLimits tight = new MailboxLimits(clock, new SimulatorProperties.MailLimits(true, 1, 10_000, 4, 10_000, Duration.ofMinutes(10)));
    tight.leave("onboarding@contoso.com", tight.enter("onboarding@contoso.com", 1), false);
    MailboxLimits.Decision sent = tight.enter("onboarding@contoso.com", 1);
    assertThat(sent.admitted()).isTrue();
    tight.leave("onboarding@contoso.com", sent, true);
    assertThat(tight.enter("onboarding@contoso.com", 1).refusal()).isEqualTo(MailboxLimits.Refusal.MESSAGE_RATE);
  }

  @Test
  void offCountsNothing() {
    MailboxLimits off = new MailboxLimits(clock, SimulatorProperties.MailLimits.OFF);
    for (int i = 0; i < 100; i++) {
      assertThat(off.enter("onboarding@contoso.com", 1).admitted()).isTrue();
    }
  }
}
