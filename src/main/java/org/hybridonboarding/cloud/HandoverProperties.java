package org.hybridonboarding.cloud;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How first-day credentials reach the new hire ({@code onboarding.credentials.*}): a Temporary
 * Access Pass mailed to the manager, or to the helpdesk when there is no manager.
 *
 * @param sender the mailbox the welcome mail is sent from (Mail.Send application permission)
 * @param senders several sender mailboxes, for intakes above one mailbox's daily sending limit
 *     (10,000 recipients): each mail goes from the one with the earliest free slot; without it, sender alone
 * @param helpdeskAddress where the pass goes when the new hire has no manager with a mailbox
 * @param tapLifetime how long the pass is valid from the start of the first day (1 hour to 30 days)
 * @param tapUsableOnce a one-time pass, as Microsoft recommends for onboarding
 */
@ConfigurationProperties("onboarding.credentials")
public record HandoverProperties(
    String sender,
    List<String> senders,
    String helpdeskAddress,
    @DefaultValue("P1D") Duration tapLifetime,
    @DefaultValue("true") boolean tapUsableOnce) {

  /** The sender mailboxes, first the one notices go from when it has room. */
  public List<String> senderPool() {
    List<String> pool = (senders == null || senders.isEmpty() ? Stream.ofNullable(sender) : senders.stream())
        .filter(address -> address != null && !address.isBlank())
        .map(String::trim)
        .distinct()
        .toList();
    if (pool.isEmpty()) {
      throw new IllegalStateException("No sender mailbox: set onboarding.credentials.sender (or onboarding.credentials.senders)");
    }
    return pool;
  }
}
