package org.hybridonboarding.cloud;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How first-day credentials reach the new hire ({@code onboarding.credentials.*}): a Temporary
 * Access Pass mailed to the manager, or to the helpdesk when there is no manager.
 *
 * @param sender the mailbox the welcome mail is sent from (Mail.Send application permission)
 * @param helpdeskAddress where the pass goes when the new hire has no manager with a mailbox
 * @param tapLifetime how long the pass is valid from the start of the first day (1 hour to 30 days)
 * @param tapUsableOnce a one-time pass, as Microsoft recommends for onboarding
 */
@ConfigurationProperties("onboarding.credentials")
public record HandoverProperties(
    String sender,
    String helpdeskAddress,
    @DefaultValue("P1D") Duration tapLifetime,
    @DefaultValue("true") boolean tapUsableOnce) {
}
