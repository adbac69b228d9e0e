package org.hybridonboarding.offboarding;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The leaver's timings ({@code onboarding.offboarding.*}).
 *
 * @param noticeBefore the manager is told this long before the last working day what will happen
 * @param cutOff access is cut at this time of the last working day, in the person's time zone
 * @param retention a leaver without mailbox (REMOVE) is deleted from AD this long after the cut
 * @param reinstateWithin a DELETE this long after the cut still brings the person back
 * @param sharedPollInterval how often Graph is asked whether the mailbox shows as shared
 * @param sharedTimeout how long the conversion may take before a person is asked
 */
@ConfigurationProperties("onboarding.offboarding")
public record OffboardingProperties(
    @DefaultValue Approval approval,
    @DefaultValue("P7D") Duration noticeBefore,
    @DefaultValue("18:00") LocalTime cutOff,
    @DefaultValue("P90D") Duration retention,
    @DefaultValue("P30D") Duration reinstateWithin,
    @DefaultValue("PT5M") Duration sharedPollInterval,
    @DefaultValue("PT2H") Duration sharedTimeout) {

  /** HR's termination is authoritative: no approval unless asked for. */
  public record Approval(@DefaultValue("false") boolean required) {
  }

  public OffboardingProperties {
    if (reinstateWithin.compareTo(retention) > 0) {
      throw new IllegalArgumentException("onboarding.offboarding.reinstate-within (" + reinstateWithin
          + ") must not be longer than onboarding.offboarding.retention (" + retention + ")");
    }
  }
}
