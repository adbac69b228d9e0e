package org.hybridonboarding.directory;

import org.springframework.ldap.pool2.factory.PoolConfig;
import org.springframework.ldap.pool2.factory.PooledContextSource;

/** The pooled directory connections, which can drop all idle ones at once. */
class DirectoryConnections extends PooledContextSource {

  DirectoryConnections(PoolConfig config) {
    super(config);
  }

  /** After a communication error the other idle connections are most likely dead too (a DC restart). */
  void dropIdle() {
    keyedObjectPool.clear();
  }
}
