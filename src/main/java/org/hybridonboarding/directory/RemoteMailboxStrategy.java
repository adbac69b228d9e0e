package org.hybridonboarding.directory;

import java.util.List;
import java.util.Map;

/**
 * How a new account becomes a remote (Exchange Online) mailbox user. The LDAP strategy stamps
 * what Enable-RemoteMailbox stamps; an Exchange management shell strategy can take its place.
 */
public interface RemoteMailboxStrategy {

  /** Attributes written together with the new account (empty for a strategy that works afterwards). */
  Map<String, List<String>> attributesFor(IdentityPlan plan);
}
