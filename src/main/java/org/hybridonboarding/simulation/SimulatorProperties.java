package org.hybridonboarding.simulation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated Entra tenant and Connect Sync of the demo ({@code onboarding.simulator.*}).
 *
 * @param port where the simulated Graph v1.0 listens (http://localhost:PORT/v1.0)
 * @param syncInterval how often the simulated Connect Sync copies AD users to the tenant
 * @param mailboxDelay how long Exchange Online takes to provision a mailbox after licensing
 * @param syncScope the OUs Connect Sync reads users from
 * @param initialDomain the tenant's onmicrosoft.com domain; UPNs of unverified domains fall back to it
 * @param verifiedDomains domains verified in the tenant
 */
@ConfigurationProperties("onboarding.simulator")
public record SimulatorProperties(
    @DefaultValue("8081") int port,
    @DefaultValue("PT10S") Duration syncInterval,
    @DefaultValue("PT20S") Duration mailboxDelay,
    @DefaultValue("OU=Staff,DC=contoso,DC=com") List<String> syncScope,
    @DefaultValue("contoso.onmicrosoft.com") String initialDomain,
    @DefaultValue("contoso.com") List<String> verifiedDomains) {
}
