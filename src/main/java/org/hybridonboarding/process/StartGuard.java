package org.hybridonboarding.process;

import java.util.function.Supplier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One start at a time per key (an employeeId, or the replication watch), across every node: the
 * check "is one running?" and the start must not interleave, or two requests for one hire
 * arriving at two nodes would both pass.
 * A lock stripe in this JVM, and on PostgreSQL a transaction-scoped advisory lock as well (H2 runs
 * in one JVM only, so the stripe is enough there). The lock is released when the start commits.
 */
@Component
public class StartGuard {

  private final Object[] stripes = new Object[64];
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final boolean postgres;

  StartGuard(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.postgres = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  public <T> T exclusively(String key, Supplier<T> action) {
    synchronized (stripes[Math.floorMod(key.hashCode(), stripes.length)]) {
      return transaction.execute(status -> {
        if (postgres) {
          jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rows -> null, "hybrid-onboarding:" + key);
        }
        return action.get();
      });
    }
  }
}
