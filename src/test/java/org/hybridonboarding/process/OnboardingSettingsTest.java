package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OnboardingSettingsTest {

  private final TimeZone jvmZone = TimeZone.getDefault();

  @AfterEach
  void restoreTheJvmZone() {
    TimeZone.setDefault(jvmZone);
  }

  private static OnboardingSettings settings(ZoneId configured) {
    return new OnboardingSettings(new ProcessProperties(Duration.ofDays(14), configured,
        new ProcessProperties.Approval(true, ProcessProperties.ApprovalBy.MANAGER, Duration.ofHours(24), null, 20, Duration.ofHours(72), "onboarding-escalation", "x"),
        new ProcessProperties.Replication(Duration.ofMinutes(5), Duration.ofHours(2)),
        new ProcessProperties.Mailbox(Duration.ofMinutes(5), Duration.ofHours(24)),
        new ProcessProperties.Licensing("SPE_E3", ProcessProperties.Licensing.Mode.DIRECT, Map.of(),
            Duration.ofMinutes(5), Duration.ofHours(4)),
        new ProcessProperties.Jobs("R2/PT1M")));
  }

  @Test
  void thePassStartsAtMidnightInThePersonsZoneWhateverTheJvmsZone() {
    LocalDate start = LocalDate.parse("2026-12-14");
    Instant now = Instant.parse("2026-12-01T09:00:00Z");
    for (String jvm : new String[] {"UTC", "Pacific/Kiritimati", "America/Los_Angeles"}) {
      TimeZone.setDefault(TimeZone.getTimeZone(jvm));
      assertThat(settings(ZoneId.of("Europe/Berlin")).credentialsValidFrom(start, ZoneId.of("Australia/Sydney"), now))
          .as("JVM in " + jvm).isEqualTo(Instant.parse("2026-12-13T13:00:00Z"));
    }
  }

  @Test
  void aPassForADayThatHasBegunStartsNow() {
    Instant now = Instant.parse("2026-12-14T05:00:00Z");
    // 05:00 UTC is 16:00 in Sydney: the first day there has begun.
    assertThat(settings(ZoneId.of("UTC")).credentialsValidFrom(LocalDate.parse("2026-12-14"), ZoneId.of("Australia/Sydney"), now))
        .isEqualTo(now);
  }

  @Test
  void theProvisioningWindowOpensTheLeadTimeBeforeMidnightThere() {
    assertThat(settings(ZoneId.of("UTC")).provisioningStartsAt(LocalDate.parse("2026-12-14"), ZoneId.of("America/Los_Angeles"))
        .toInstant()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
  }

  @Test
  void withoutASettingTheZoneIsTheJvms() {
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
    assertThat(settings(null).defaultTimeZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
  }
}
