package org.hybridonboarding.simulation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An Exchange Online mailbox of a synced user, once provisioned: its type, what the leaver
 * steps set on it (FullAccess, the automatic reply) and what decides whether it needs a licence.
 */
final class SimulatedMailbox {

  /** Get-Mailbox's RecipientTypeDetails; mailboxSettings.userPurpose is its Graph name. */
  enum Type {
    UserMailbox("user"), SharedMailbox("shared");

    final String userPurpose;

    Type(String userPurpose) {
      this.userPurpose = userPurpose;
    }
  }

  final Instant created;
  Type type = Type.UserMailbox;
  boolean litigationHold;
  boolean archive;
  long totalItemBytes = 1_288_490_189L;
  /** Addresses holding FullAccess (Add-MailboxPermission). */
  final Set<String> fullAccess = new LinkedHashSet<>();
  /** alwaysEnabled with this message, or disabled (null). */
  String automaticReply;

  SimulatedMailbox(Instant created) {
    this.created = created;
  }
}
