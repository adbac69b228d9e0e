package org.hybridonboarding.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The remote-mailbox attributes of a new hire, as Enable-RemoteMailbox writes them. Never
 * msExchMailboxGuid: synced before licensing it stops Exchange Online from creating the mailbox.
 */
@Component
class LdapRemoteMailbox implements RemoteMailboxStrategy {

  static final String RECIPIENT_DISPLAY_TYPE_REMOTE_USER = "-2147483642";
  static final String RECIPIENT_TYPE_DETAILS_REMOTE_USER = "2147483648";
  static final String REMOTE_RECIPIENT_TYPE_PROVISION_MAILBOX = "1";
  static final String EXCHANGE_VERSION_2013 = "88218628259840";

  private final DirectoryProperties properties;

  LdapRemoteMailbox(DirectoryProperties properties) {
    this.properties = properties;
  }

  @Override
  public Map<String, List<String>> attributesFor(IdentityPlan plan) {
    String routingAddress = plan.mailNickname() + "@" + properties.routingDomain();
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    attributes.put("mailNickname", List.of(plan.mailNickname()));
    attributes.put("mail", List.of(plan.mail()));
    attributes.put("targetAddress", List.of("SMTP:" + routingAddress));
    attributes.put("proxyAddresses", List.of("SMTP:" + plan.mail(), "smtp:" + routingAddress));
    attributes.put("msExchRecipientDisplayType", List.of(RECIPIENT_DISPLAY_TYPE_REMOTE_USER));
    attributes.put("msExchRecipientTypeDetails", List.of(RECIPIENT_TYPE_DETAILS_REMOTE_USER));
    attributes.put("msExchRemoteRecipientType", List.of(REMOTE_RECIPIENT_TYPE_PROVISION_MAILBOX));
    attributes.put("msExchVersion", List.of(EXCHANGE_VERSION_2013));
    return attributes;
  }
}
