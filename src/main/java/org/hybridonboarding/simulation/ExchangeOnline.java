package org.hybridonboarding.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExchangeOnline.class);
  static final Duration DISCONNECTED_AFTER = Duration.ofDays(30);

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

  /**
   * Exchange Online provisions a mailbox for a licensed remote-mailbox user, after a delay. A
   * shared mailbox needs no licence; a user mailbox whose licence went is disconnected 30 days
   * later (and reconnected when licensed again before that).
   */
  boolean hasMailbox(User user) {
    if (user.deletedAt != null || !user.source.remoteMailbox()) {
      return false;
    }
    Instant now = clock.instant();
    if (user.mailbox == null) {
      if (user.licensedAt == null || user.mailboxBlocked || now.isBefore(user.licensedAt.plus(mailboxDelay))) {
        return false;
      }
      user.mailbox = new SimulatedMailbox(user.licensedAt.plus(mailboxDelay));
    }
    if (user.mailbox.type == SimulatedMailbox.Type.SharedMailbox || user.licensedAt != null) {
      return true;
    }
    return user.unlicensedSince != null && now.isBefore(user.unlicensedSince.plus(DISCONNECTED_AFTER));
  }

  /**
   * What Connect Sync brings decides the mailbox's type (KB2710029): a mailbox converted to shared
   * in Exchange Online whose on-premises object still says RemoteUserMailbox is a user mailbox
   * again after the sync — and without a licence on its way to being disconnected.
   */
  void followOnPremises(User user) {
    if (user.mailbox != null && user.mailbox.type == SimulatedMailbox.Type.SharedMailbox && !user.source.sharedMailbox()) {
      user.mailbox.type = SimulatedMailbox.Type.UserMailbox;
      if (user.licensedAt == null && user.unlicensedSince == null) {
        user.unlicensedSince = clock.instant();
      }
      log.warn("Simulated Connect Sync turned the shared mailbox of {} back into a user mailbox: its on-premises object "
          + "still says RemoteUserMailbox", user.userPrincipalName);
    }
  }

  /** Set-Mailbox -Type Shared | Regular. */
  void setType(User user, SimulatedMailbox.Type type) {
    SimulatedMailbox mailbox = requireMailbox(user);
    if (mailbox.type != type && type == SimulatedMailbox.Type.UserMailbox && user.licensedAt == null) {
      user.unlicensedSince = clock.instant();
    }
    mailbox.type = type;
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

  SimulatedMailbox requireMailbox(User user) {
    if (!hasMailbox(user)) {
      throw new GraphError(404, "MailboxNotEnabledForRESTAPI",
          "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
    }
    return user.mailbox;
  }
}
