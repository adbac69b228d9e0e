package org.hybridonboarding.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.CommunicationException;
import org.springframework.ldap.core.ContextExecutor;
import org.springframework.ldap.core.DirContextProcessor;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.NameClassPairCallbackHandler;
import org.springframework.ldap.core.SearchExecutor;

/**
 * Runs a read that failed with a communication error once more, on a new connection: a pooled
 * connection may have died while idle (AD's MaxConnIdleTime, a firewall, a restarted domain
 * controller). Writes are not repeated here: whether a write that lost its connection was applied
 * is unknown, and the step's own retry (a job retry, idempotent) reads first.
 */
class RetryingLdapTemplate extends LdapTemplate {

  private static final Logger log = LoggerFactory.getLogger(RetryingLdapTemplate.class);

  private final DirectoryConnections connections;

  RetryingLdapTemplate(DirectoryConnections connections) {
    super(connections);
    this.connections = connections;
  }

  @Override
  public void search(SearchExecutor se, NameClassPairCallbackHandler handler, DirContextProcessor processor) {
    try {
      super.search(se, handler, processor);
    } catch (CommunicationException dead) {
      renewConnections(dead);
      super.search(se, handler, processor);
    }
  }

  @Override
  public <T> T executeReadOnly(ContextExecutor<T> ce) {
    try {
      return super.executeReadOnly(ce);
    } catch (CommunicationException dead) {
      renewConnections(dead);
      return super.executeReadOnly(ce);
    }
  }

  private void renewConnections(CommunicationException dead) {
    log.info("A directory connection was dead ({}); dropping the idle ones and trying once more", dead.getMessage());
    connections.dropIdle();
  }
}
