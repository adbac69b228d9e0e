package org.hybridonboarding.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated Entra tenant and Connect Sync of the demo ({@code onboarding.simulator.*}).
 *
 * @param port where the simulated Graph v1.0 listens (http://localhost:PORT/v1.0)
 * @param syncInterval how often the simulated Connect Sync copies AD users and groups to the tenant
 * @param mailboxDelay how long Exchange Online takes to provision a mailbox after licensing
 * @param syncScope the OUs Connect Sync reads users and groups from
 * @param initialDomain the tenant's onmicrosoft.com domain; UPNs of unverified domains fall back to it
 * @param verifiedDomains domains verified in the tenant
 * @param replicationLag eventual consistency: how long a just-synced user answers 404 when addressed by id
 * @param tapPolicyEnabled whether the tenant's Temporary Access Pass policy allows passes for users
 * @param groupLicenses group-based licensing: AD group name (cn) → skuPartNumber its members get
 * @param throttling Graph's identity throttling limits per app and tenant
 * @param mailLimits Exchange Online's limits per mailbox (Outlook requests and a sender's sending limits)
 * @param faults injected failures: a share of requests answered 503/504, and added latency
 */
@ConfigurationProperties("onboarding.simulator")
public record SimulatorProperties(
    @DefaultValue("8081") int port,
    @DefaultValue("PT10S") Duration syncInterval,
    @DefaultValue("PT20S") Duration mailboxDelay,
    @DefaultValue({"OU=Staff,DC=contoso,DC=com", "OU=Groups,DC=contoso,DC=com", "OU=Leavers,DC=contoso,DC=com"})
    List<String> syncScope,
    @DefaultValue("contoso.onmicrosoft.com") String initialDomain,
    @DefaultValue("contoso.com") List<String> verifiedDomains,
    @DefaultValue("PT0S") Duration replicationLag,
    @DefaultValue("true") boolean tapPolicyEnabled,
    Map<String, String> groupLicenses,
    @DefaultValue Throttling throttling,
    @DefaultValue MailLimits mailLimits,
    @DefaultValue Faults faults) {

  public SimulatorProperties {
    groupLicenses = groupLicenses == null ? Map.of() : Map.copyOf(groupLicenses);
  }

  /**
   * Resource units per window (3,500 per 10 s for a tenant under 50 users) and writes per write
   * window (3,000 per 150 s), as DOMAIN.md gives them.
   */
  public record Throttling(
      @DefaultValue("3500") int resourceUnits,
      @DefaultValue("PT10S") Duration window,
      @DefaultValue("3000") int writes,
      @DefaultValue("PT150S") Duration writeWindow) {
  }

  /**
   * Per mailbox, as DOMAIN.md gives them: a sender's 30 messages per minute and 10,000 recipients
   * per rolling 24 hours; Outlook's 4 concurrent requests and 10,000 requests per 10 minutes per
   * app and mailbox. On, with the real numbers: the product books its mail under them
   * (onboarding.mail.*).
   */
  public record MailLimits(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("30") int messagesPerMinute,
      @DefaultValue("10000") int recipientsPerDay,
      @DefaultValue("4") int concurrentRequests,
      @DefaultValue("10000") int requestsPerWindow,
      @DefaultValue("PT10M") Duration requestWindow) {

    public static final MailLimits OFF = new MailLimits(false, 30, 10_000, 4, 10_000, Duration.ofMinutes(10));
  }

  /** @param rate share of requests (0..1) answered 503 or 504 */
  public record Faults(@DefaultValue("0") double rate, @DefaultValue("PT0S") Duration latency) {

    public static final Faults NONE = new Faults(0, Duration.ZERO);
  }
}
