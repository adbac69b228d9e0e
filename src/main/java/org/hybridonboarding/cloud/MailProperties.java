package org.hybridonboarding.cloud;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exchange Online's sending limits of one sender mailbox ({@code onboarding.mail.*}), and the share
 * of them welcome mails may book: the rest stays free for notices (reminders, leaver and transfer
 * mails), which go out when they happen.
 *
 * @param messagesPerMinute the sender's limit: messages per rolling minute (Exchange Online: 30)
 * @param recipientsPerDay the sender's limit: recipients per rolling 24 hours (Exchange Online: 10,000)
 * @param bookedPerMinute welcome mails booked per sender and minute, spaced evenly
 * @param bookedPerDay recipients of welcome mails booked per sender and rolling 24 hours
 */
@ConfigurationProperties("onboarding.mail")
public record MailProperties(
    @DefaultValue("30") int messagesPerMinute,
    @DefaultValue("10000") int recipientsPerDay,
    @DefaultValue("28") int bookedPerMinute,
    @DefaultValue("9800") int bookedPerDay) {

  public MailProperties {
    if (messagesPerMinute < 2 || recipientsPerDay < 1) {
      throw new IllegalArgumentException("onboarding.mail.messages-per-minute must be at least 2 and "
          + "onboarding.mail.recipients-per-day at least 1");
    }
    if (bookedPerMinute < 1 || bookedPerMinute >= messagesPerMinute) {
      throw new IllegalArgumentException("onboarding.mail.booked-per-minute must be between 1 and "
          + "onboarding.mail.messages-per-minute - 1 (" + (messagesPerMinute - 1) + "), was " + bookedPerMinute);
    }
    if (bookedPerDay < 1 || bookedPerDay > recipientsPerDay) {
      throw new IllegalArgumentException("onboarding.mail.booked-per-day must be between 1 and "
          + "onboarding.mail.recipients-per-day (" + recipientsPerDay + "), was " + bookedPerDay);
    }
  }

  /** What one sender may send in any rolling minute by our clock: one below the limit, for the clocks' and the network's jitter. */
  int sendsPerMinute() {
    return messagesPerMinute - 1;
  }
}
