package org.hybridonboarding.process;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hybridonboarding.directory.IdentityPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Names handed out once, however many onboardings plan at the same moment, on one node or many:
 * every name a plan gives (sAMAccountName, UPN, mail, alias, and the entry's DN) is a row whose
 * primary key the database keeps unique. AD alone cannot do this: it sees a name only once the
 * account exists, and Entra ID only after the next sync, so two plans made before either account
 * exists would both look free.
 *
 * A concurrent plan's insert of the same name waits until the first planning job commits, so
 * plans of one name are made one after the other while the others go on.
 *
 * A reservation belongs to a person (employeeId), so a later onboarding of the same person may
 * reuse it, and is recorded with the onboarding that made it. It stays while the account holds
 * the names and is released when an onboarding ends without an account.
 */
@Component
public class NameReservations {

  private static final Logger log = LoggerFactory.getLogger(NameReservations.class);
  static final String TABLE = "HO_NAME_RESERVATION";
  private static final int ATTEMPTS = 5;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  NameReservations(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    // Inside the planning job's own transaction (so a failed job reserves nothing), at a savepoint
    // of its own: a name another onboarding inserted meanwhile rolls back only this attempt.
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
    createTable();
  }

  /** Two nodes starting together may both try: whoever loses finds the table there. */
  private void createTable() {
    try {
      jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
          + "NAME_ VARCHAR(1000) NOT NULL PRIMARY KEY, "
          + "EMPLOYEE_ID_ VARCHAR(64) NOT NULL, "
          + "ONBOARDING_ID_ VARCHAR(64) NOT NULL, "
          + "RESERVED_AT_ TIMESTAMP NOT NULL)");
    } catch (DataAccessException e) {
      jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE, Integer.class);
    }
  }

  /**
   * Reserves every name of the plan for this person, all or none.
   *
   * @return false when another person holds one of them (planned by a concurrent onboarding)
   */
  public boolean reserve(String employeeId, String onboardingId, IdentityPlan plan) {
    List<String> names = keys(plan);
    for (int attempt = 1; ; attempt++) {
      try {
        Boolean reserved = transaction.execute(status -> reserveAll(employeeId, onboardingId, names));
        return Boolean.TRUE.equals(reserved);
      } catch (DuplicateKeyException raced) {
        // Another onboarding inserted one of these names between our read and our insert (the insert
        // waited until it committed): read again, and its name counts as taken.
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  private boolean reserveAll(String employeeId, String onboardingId, List<String> names) {
    String in = String.join(",", Collections.nCopies(names.size(), "?"));
    List<Map<String, Object>> held = jdbc.queryForList(
        "SELECT NAME_, EMPLOYEE_ID_ FROM " + TABLE + " WHERE NAME_ IN (" + in + ")", names.toArray());
    Set<String> ours = new LinkedHashSet<>();
    for (Map<String, Object> row : held) {
      if (!employeeId.equals(row.get("EMPLOYEE_ID_"))) {
        log.debug("{} is reserved for employeeId {}", row.get("NAME_"), row.get("EMPLOYEE_ID_"));
        return false;
      }
      ours.add((String) row.get("NAME_"));
    }
    Timestamp now = Timestamp.from(clock.instant());
    for (String name : names) {
      if (!ours.contains(name)) {
        jdbc.update("INSERT INTO " + TABLE + " (NAME_, EMPLOYEE_ID_, ONBOARDING_ID_, RESERVED_AT_) VALUES (?, ?, ?, ?)",
            name, employeeId, onboardingId, now);
      }
    }
    return true;
  }

  /** Releases what this onboarding reserved but the plan it keeps does not use (an earlier plan's names). */
  public void keepOnly(String onboardingId, IdentityPlan plan) {
    List<String> keep = keys(plan);
    List<Object> arguments = new ArrayList<>();
    arguments.add(onboardingId);
    arguments.addAll(keep);
    jdbc.update("DELETE FROM " + TABLE + " WHERE ONBOARDING_ID_ = ? AND NAME_ NOT IN ("
        + String.join(",", Collections.nCopies(keep.size(), "?")) + ")", arguments.toArray());
  }

  /** Releases everything this onboarding reserved: it ends without an account. */
  public void release(String onboardingId) {
    int released = jdbc.update("DELETE FROM " + TABLE + " WHERE ONBOARDING_ID_ = ?", onboardingId);
    if (released > 0) {
      log.info("Released {} reserved names of onboarding {}", released, onboardingId);
    }
  }

  /** The names a plan takes, each in the namespace where it must be unique, case-insensitively as AD compares. */
  static List<String> keys(IdentityPlan plan) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add("sam:" + lower(plan.samAccountName()));
    keys.add("address:" + lower(plan.userPrincipalName()));
    keys.add("address:" + lower(plan.mail()));
    keys.add("alias:" + lower(plan.mailNickname()));
    keys.add("dn:" + lower("CN=" + plan.cn() + "," + plan.ouDn()));
    return List.copyOf(keys);
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
