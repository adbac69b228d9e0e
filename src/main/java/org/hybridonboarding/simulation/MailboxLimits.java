package org.hybridonboarding.simulation;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Exchange Online's limits on one mailbox, as DOMAIN.md gives them: Outlook's per app and
 * mailbox limits on Graph requests (concurrent requests, requests per window) and the sending
 * limits of a sender (messages per minute, recipients per rolling 24 hours). Rolling windows, as
 * Exchange counts them; a refused request is not counted.
 */
final class MailboxLimits {

  private static final long MINUTE = 60_000;
  private static final long DAY = 86_400_000;

  /**
   * Why a request was refused and when to come back (refusal null when admitted); whether it
   * counts as in flight, and the message it counted as, if a send was admitted.
   */
  record Decision(Refusal refusal, long retryAfterSeconds, boolean inFlight, long[] message) {

    /** With the limits off: nothing counted. */
    static final Decision UNCOUNTED = new Decision(null, 0, false, null);

    Decision(Refusal refusal, long retryAfterSeconds) {
      this(refusal, retryAfterSeconds, false, null);
    }

    boolean admitted() {
      return refusal == null;
    }
  }

  enum Refusal {
    /** More than the allowed concurrent requests to one mailbox: Graph's 429 ApplicationThrottled. */
    CONCURRENCY,
    /** More than the allowed requests per window to one mailbox: Graph's 429 ApplicationThrottled. */
    REQUESTS,
    /** The sender's message rate: Exchange's SubmissionQuotaExceeded, answered 429. */
    MESSAGE_RATE,
    /** The sender's recipients per day: Exchange blocks its submissions until the day's count falls. */
    RECIPIENT_RATE
  }

  private static final class Mailbox {
    int inFlight;
    final ArrayDeque<Long> requests = new ArrayDeque<>();
    final ArrayDeque<Long> messages = new ArrayDeque<>();
    /** [time, recipients] per message sent. */
    final ArrayDeque<long[]> recipients = new ArrayDeque<>();
    long recipientsInDay;
  }

  private final Clock clock;
  private final Map<String, Mailbox> mailboxes = new HashMap<>();
  private volatile SimulatorProperties.MailLimits limits;

  MailboxLimits(Clock clock, SimulatorProperties.MailLimits limits) {
    this.clock = clock;
    this.limits = limits;
  }

  void setLimits(SimulatorProperties.MailLimits limits) {
    this.limits = limits;
  }

  /**
   * Admits one request to a mailbox, a message of {@code recipients} when it is a sendMail
   * (0 otherwise). An admitted request must be followed by {@link #leave}.
   */
  synchronized Decision enter(String mailboxKey, int recipients) {
    SimulatorProperties.MailLimits l = limits;
    if (!l.enabled()) {
      return Decision.UNCOUNTED;
    }
    long now = clock.millis();
    Mailbox mailbox = mailboxes.computeIfAbsent(mailboxKey.toLowerCase(Locale.ROOT), k -> new Mailbox());
    while (!mailbox.requests.isEmpty() && mailbox.requests.peekFirst() <= now - l.requestWindow().toMillis()) {
      mailbox.requests.removeFirst();
    }
    while (!mailbox.messages.isEmpty() && mailbox.messages.peekFirst() <= now - MINUTE) {
      mailbox.messages.removeFirst();
    }
    while (!mailbox.recipients.isEmpty() && mailbox.recipients.peekFirst()[0] <= now - DAY) {
      mailbox.recipientsInDay -= mailbox.recipients.removeFirst()[1];
    }
    if (mailbox.inFlight >= l.concurrentRequests()) {
      return new Decision(Refusal.CONCURRENCY, 1);
    }
    if (mailbox.requests.size() >= l.requestsPerWindow()) {
      return new Decision(Refusal.REQUESTS, seconds(mailbox.requests.peekFirst() + l.requestWindow().toMillis() - now));
    }
    if (recipients > 0) {
      if (mailbox.messages.size() >= l.messagesPerMinute()) {
        return new Decision(Refusal.MESSAGE_RATE, seconds(mailbox.messages.peekFirst() + MINUTE - now));
      }
      if (mailbox.recipientsInDay + recipients > l.recipientsPerDay()) {
        return new Decision(Refusal.RECIPIENT_RATE, seconds(freedBy(mailbox, recipients, l.recipientsPerDay()) + DAY - now));
      }
    }
    mailbox.requests.addLast(now);
    mailbox.inFlight++;
    if (recipients == 0) {
      return new Decision(null, 0, true, null);
    }
    long[] message = {now, recipients};
    mailbox.messages.addLast(now);
    mailbox.recipients.addLast(message);
    mailbox.recipientsInDay += recipients;
    return new Decision(null, 0, true, message);
  }

  /** The request is answered; a message that was not sent (refused by the handler) does not count. */
  synchronized void leave(String mailboxKey, Decision admitted, boolean sent) {
    if (!admitted.inFlight()) {
      return;
    }
    Mailbox mailbox = mailboxes.get(mailboxKey.toLowerCase(Locale.ROOT));
    mailbox.inFlight--;
    if (admitted.message() != null && !sent && mailbox.recipients.remove(admitted.message())) {
      mailbox.messages.removeFirstOccurrence(admitted.message()[0]);
      mailbox.recipientsInDay -= admitted.message()[1];
    }
  }

  /** When enough of the day's messages have aged out for this one to fit. */
  private static long freedBy(Mailbox mailbox, int recipients, long perDay) {
    long excess = mailbox.recipientsInDay + recipients - perDay;
    for (long[] message : mailbox.recipients) {
      excess -= message[1];
      if (excess <= 0) {
        return message[0];
      }
    }
    return mailbox.recipients.peekLast()[0];
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }
}
