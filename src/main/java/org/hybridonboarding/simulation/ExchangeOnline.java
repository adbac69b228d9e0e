package org.hybridonboarding.simulation;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.hybridonboarding.simulation.SimulatedTenant.Message;
import org.hybridonboarding.simulation.SimulatedTenant.User;

/**
 * Exchange Online's side of the tenant: a mailbox for a licensed remote-mailbox user after the
 * provisioning delay, and the mail delivered into mailboxes. Called under the tenant's lock.
 */
final class ExchangeOnline {

  private final Clock clock;
  private volatile Duration mailboxDelay;

  ExchangeOnline(Clock clock, Duration mailboxDelay) {
    this.clock = clock;
    this.mailboxDelay = mailboxDelay;
  }

  Duration mailboxDelay() {
    return mailboxDelay;
  }

  void setMailboxDelay(Duration delay) {
    this.mailboxDelay = delay;
  }

  /** Exchange Online provisions a mailbox for a licensed remote-mailbox user, after a delay. */
  boolean hasMailbox(User user) {
    return user.licensedAt != null && user.source.remoteMailbox() && !user.mailboxBlocked
        && !clock.instant().isBefore(user.licensedAt.plus(mailboxDelay));
  }

  /** POST /users/{sender}/sendMail: delivered into the mailboxes of the recipients that have one. */
  void send(User sender, List<String> to, String subject, String contentType, String content, Collection<User> users) {
    requireMailbox(sender);
    String from = Objects.requireNonNullElse(sender.source.mail(), sender.userPrincipalName);
    for (String address : to) {
      users.stream()
          .filter(u -> u.addresses().contains(address.toLowerCase(Locale.ROOT)) && hasMailbox(u))
          .findFirst()
          .ifPresent(recipient -> recipient.messages.add(new Message(UUID.randomUUID().toString(), from, to,
              subject, contentType, content, clock.instant())));
    }
  }

  /** GET /users/{id}/messages. */
  List<Message> messages(User user) {
    requireMailbox(user);
    return List.copyOf(user.messages);
  }

  private void requireMailbox(User user) {
    if (!hasMailbox(user)) {
      throw new GraphError(404, "MailboxNotEnabledForRESTAPI",
          "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
    }
  }
}
