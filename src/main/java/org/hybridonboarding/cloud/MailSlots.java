package org.hybridonboarding.cloud;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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
 * When each mail may go, so that no sender mailbox goes over Exchange Online's sending limits
 * (messages per minute, recipients per rolling day), however many nodes send: the database decides.
 *
 * A welcome mail books a slot ahead: the sender of the pool that is free soonest, its slots spaced
 * evenly at bookedPerMinute, and later than a day after earlier slots when its day is full. When
 * the slot is due, the mail takes it, but only while that sender sent fewer than
 * messagesPerMinute - 1 mails in the last minute — timers that fire late come due together, and
 * would otherwise go out in a burst. A notice goes out at once from a sender with room.
 *
 * Each welcome mail is due by the start of its hire's first day. Mails go in the order they were
 * booked while that keeps every one on time; a mail that would go after it is due takes the slot of
 * a mail due later instead (one that stays on time when booked again, the soonest such). The
 * overtaken mail finds its slot gone when its timer fires and books again. So a bulk starting in
 * three weeks fills the senders' free minutes, and a hire starting tomorrow does not wait behind it.
 *
 * Every booking and every send is a row of one sender, appended in time order under a lock on that
 * sender's row (SELECT … FOR UPDATE) with the running total of its recipients, so the recipients of
 * any 24 hours are one subtraction. Each runs in a transaction of its own and commits at once: a
 * job that fails afterwards leaves its slot counted, which errs on the safe side.
 */
@Component
public class MailSlots {

  /** A booked slot: the mail goes from sender at or after at. */
  public record MailSlot(String id, String sender, Instant at) {
  }

  private static final Logger log = LoggerFactory.getLogger(MailSlots.class);
  static final String SENDERS = "HO_MAIL_SENDER";
  static final String SLOTS = "HO_MAIL_SLOT";
  private static final Duration DAY = Duration.ofHours(24);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  /** Rows older than this no longer count in any window. */
  private static final Duration KEPT = Duration.ofHours(25);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final MailProperties limits;
  private final List<String> pool;
  private final Duration spacing;
  private final Counter sentWelcome;
  private final Counter sentNotice;
  private final Counter deferred;
  private final Counter overtaken;
  private final AtomicReference<Instant> lastLateWarning = new AtomicReference<>();

  MailSlots(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, MailProperties limits,
      HandoverProperties handover, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.limits = limits;
    this.pool = handover.senderPool();
    // Rounded up to the microsecond (what a database's TIMESTAMP keeps): never more than bookedPerMinute in a minute.
    long micros = MINUTE.toNanos() / 1000;
    this.spacing = Duration.ofNanos(1000 * ((micros + limits.bookedPerMinute() - 1) / limits.bookedPerMinute()));
    createTables();
    pool.forEach(this::addSender);
    this.sentWelcome = Counter.builder("onboarding.mail.sent").tag("kind", "welcome")
        .description("Mails sent through a sender of the pool").register(meters);
    this.sentNotice = Counter.builder("onboarding.mail.sent").tag("kind", "notice")
        .description("Mails sent through a sender of the pool").register(meters);
    this.deferred = Counter.builder("onboarding.mail.deferred")
        .description("Welcome mails whose slot came due while their sender had sent its minute's share: booked again")
        .register(meters);
    this.overtaken = Counter.builder("onboarding.mail.overtaken")
        .description("Welcome mails whose slot went to a mail due sooner: booked again when the slot comes").register(meters);
    Gauge.builder("onboarding.mail.queued", this::queued)
        .description("Welcome mails booked and not yet sent").register(meters);
    Gauge.builder("onboarding.mail.late", this::late)
        .description("Welcome mails waiting for a slot after their hire's first day began: the pool has no room before; add a sender")
        .register(meters);
  }

  /** Two nodes starting together may both try: whoever loses finds the tables there. */
  private void createTables() {
    try {
      jdbc.execute("CREATE TABLE IF NOT EXISTS " + SENDERS + " ("
          + "SENDER_ VARCHAR(320) NOT NULL PRIMARY KEY, "
          + "NEXT_AT_ TIMESTAMP NOT NULL, "
          + "LAST_AT_ TIMESTAMP NOT NULL, "
          + "CUMULATIVE_ BIGINT NOT NULL)");
      jdbc.execute("CREATE TABLE IF NOT EXISTS " + SLOTS + " ("
          + "ID_ VARCHAR(64) NOT NULL PRIMARY KEY, "
          + "SENDER_ VARCHAR(320) NOT NULL, "
          + "AT_ TIMESTAMP NOT NULL, "
          + "RECIPIENTS_ INT NOT NULL, "
          + "CUMULATIVE_ BIGINT NOT NULL, "
          + "SENT_AT_ TIMESTAMP)");
      jdbc.execute("CREATE INDEX IF NOT EXISTS HO_MAIL_SLOT_AT ON " + SLOTS + " (SENDER_, AT_)");
      jdbc.execute("CREATE INDEX IF NOT EXISTS HO_MAIL_SLOT_CUMULATIVE ON " + SLOTS + " (SENDER_, CUMULATIVE_)");
      jdbc.execute("CREATE INDEX IF NOT EXISTS HO_MAIL_SLOT_SENT ON " + SLOTS + " (SENDER_, SENT_AT_)");
      // Added with overtaking; slots booked before have none and are never overtaken.
      jdbc.execute("ALTER TABLE " + SLOTS + " ADD COLUMN IF NOT EXISTS DUE_ TIMESTAMP");
    } catch (DataAccessException e) {
      jdbc.queryForObject("SELECT COUNT(DUE_) FROM " + SLOTS, Integer.class);
    }
  }

  private void addSender(String sender) {
    Timestamp never = Timestamp.from(Instant.EPOCH);
    try {
      if (jdbc.queryForObject("SELECT COUNT(*) FROM " + SENDERS + " WHERE SENDER_ = ?", Integer.class, sender) == 0) {
        jdbc.update("INSERT INTO " + SENDERS + " (SENDER_, NEXT_AT_, LAST_AT_, CUMULATIVE_) VALUES (?, ?, ?, 0)",
            sender, never, never);
      }
    } catch (DuplicateKeyException anotherNode) {
      // added meanwhile
    }
  }

  /**
   * Books the soonest slot of any sender in the pool for a mail to this many recipients, or, when
   * that is after dueBy, the slot of a mail due later.
   */
  public MailSlot book(int recipients, Instant dueBy) {
    return transaction.execute(status -> {
      Instant now = clock.instant();
      Sender soonest = null;
      Instant soonestAt = null;
      for (Sender sender : lockSenders()) {
        Instant at = dayFree(sender, later(now, sender.nextAt()), recipients);
        if (soonestAt == null || at.isBefore(soonestAt)) {
          soonest = sender;
          soonestAt = at;
        }
      }
      boolean late = soonestAt.isAfter(dueBy) && soonestAt.isAfter(now);
      if (late) {
        Optional<MailSlot> overtaking = overtake(recipients, dueBy, now, soonestAt);
        if (overtaking.isPresent()) {
          return overtaking.get();
        }
      }
      MailSlot slot = new MailSlot(UUID.randomUUID().toString(), soonest.address(), soonestAt);
      append(soonest, slot.id(), soonestAt, recipients, null, soonestAt.plus(spacing), dueBy);
      jdbc.update("DELETE FROM " + SLOTS + " WHERE SENDER_ = ? AND AT_ < ?", soonest.address(), Timestamp.from(now.minus(KEPT)));
      if (late) {
        warnLate(now, slot, dueBy);
      }
      log.debug("Booked a mail from {} at {}", slot.sender(), slot.at());
      return slot;
    });
  }

  /**
   * The slot, before appendAt, of an unsent mail due after dueBy: preferably of one still on time
   * when booked again (due after appendAt), the soonest. Its row changes hands, so its recipients
   * stay counted where they were; the senders are locked, so no take runs meanwhile.
   */
  private Optional<MailSlot> overtake(int recipients, Instant dueBy, Instant now, Instant appendAt) {
    String in = String.join(",", Collections.nCopies(pool.size(), "?"));
    List<Object> arguments = new ArrayList<>(pool);
    arguments.addAll(List.of(Timestamp.from(now), Timestamp.from(appendAt), Timestamp.from(dueBy), recipients,
        Timestamp.from(appendAt)));
    List<MailSlot> later = jdbc.query("SELECT ID_, SENDER_, AT_ FROM " + SLOTS + " WHERE SENDER_ IN (" + in + ")"
            + " AND SENT_AT_ IS NULL AND AT_ > ? AND AT_ < ? AND DUE_ > ? AND RECIPIENTS_ >= ?"
            + " ORDER BY CASE WHEN DUE_ > ? THEN 0 ELSE 1 END, AT_ FETCH FIRST 1 ROWS ONLY",
        (row, i) -> new MailSlot(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
        arguments.toArray());
    if (later.isEmpty()) {
      return Optional.empty();
    }
    MailSlot theirs = later.get(0);
    MailSlot ours = new MailSlot(UUID.randomUUID().toString(), theirs.sender(), theirs.at());
    jdbc.update("UPDATE " + SLOTS + " SET ID_ = ?, DUE_ = ? WHERE ID_ = ?", ours.id(), Timestamp.from(dueBy), theirs.id());
    overtaken.increment();
    log.debug("A mail due by {} took the slot of {} at {} from a mail due later", dueBy, ours.sender(), ours.at());
    return Optional.of(ours);
  }

  /**
   * Takes a booked slot that has come due: true while its sender has room in the last minute (the
   * send is recorded then), false when the mail must book again (its slot is released).
   */
  public boolean take(String slotId) {
    Take taken = transaction.execute(status -> {
      List<String> senders = jdbc.queryForList("SELECT SENDER_ FROM " + SLOTS + " WHERE ID_ = ?", String.class, slotId);
      if (senders.isEmpty() || !pool.contains(senders.get(0))) {
        // overtaken, or a sender no longer in the pool
        return Take.GONE;
      }
      String sender = senders.get(0);
      jdbc.queryForList("SELECT SENDER_ FROM " + SENDERS + " WHERE SENDER_ = ? FOR UPDATE", String.class, sender);
      Instant now = clock.instant();
      if (sentInLastMinute(sender, now) >= limits.sendsPerMinute()) {
        jdbc.update("DELETE FROM " + SLOTS + " WHERE ID_ = ?", slotId);
        return Take.DEFERRED;
      }
      // Overtaken between the read and the lock: the row is someone else's now.
      return jdbc.update("UPDATE " + SLOTS + " SET SENT_AT_ = ? WHERE ID_ = ?", Timestamp.from(now), slotId) == 1
          ? Take.TAKEN : Take.GONE;
    });
    if (taken == Take.TAKEN) {
      sentWelcome.increment();
      return true;
    }
    if (taken == Take.DEFERRED) {
      deferred.increment();
    }
    return false;
  }

  /**
   * The sender a mail that cannot wait goes from now: the first of the pool with room in its minute
   * and its day.
   *
   * @throws IllegalStateException when every sender is at its limit (the job is retried later)
   */
  public String sendNow(int recipients) {
    String sender = transaction.execute(status -> {
      Instant now = clock.instant();
      for (Sender candidate : lockSenders()) {
        if (sentInLastMinute(candidate.address(), now) < limits.sendsPerMinute()
            && recipientsOfDay(candidate, now) + recipients <= limits.recipientsPerDay()) {
          append(candidate, UUID.randomUUID().toString(), later(now, candidate.lastAt()), recipients, now, candidate.nextAt(), null);
          return candidate.address();
        }
      }
      return null;
    });
    if (sender == null) {
      throw new IllegalStateException("Every sender mailbox (" + String.join(", ", pool) + ") is at Exchange Online's "
          + "sending limit for the moment; the mail is sent when the job is retried");
    }
    sentNotice.increment();
    return sender;
  }

  /** Welcome mails booked and not sent, their slot not long past (an onboarding ended meanwhile leaves its slot). */
  long queued() {
    return unsent("", clock.instant().minus(Duration.ofMinutes(10)));
  }

  /**
   * Welcome mails waiting for a slot after they are due: what overtaking could not put on time,
   * because the pool's minutes or days before are full of mails due as soon. (A hire onboarded on
   * the first day itself is due already; its mail counts only while it waits behind others.)
   */
  long late() {
    return unsent(" AND AT_ > DUE_", clock.instant());
  }

  /** Booked mails not yet sent whose slot is after the given moment, and meet the condition. */
  private long unsent(String condition, Instant after) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + SLOTS + " WHERE SENT_AT_ IS NULL AND AT_ > ?" + condition,
        Long.class, Timestamp.from(after));
    return count == null ? 0 : count;
  }

  /** Once per ten minutes at most: a late intake books thousands of mails. */
  private void warnLate(Instant now, MailSlot slot, Instant dueBy) {
    Instant warned = lastLateWarning.get();
    if ((warned == null || !now.isBefore(warned.plus(Duration.ofMinutes(10)))) && lastLateWarning.compareAndSet(warned, now)) {
      log.warn("A welcome mail due by {} is booked for {} from {}: the sender pool ({}) has no room before. "
              + "Mails booked late are counted in onboarding_mail_late; add a sender to onboarding.credentials.senders",
          dueBy, slot.at(), slot.sender(), String.join(", ", pool));
    }
  }

  private enum Take { TAKEN, DEFERRED, GONE }

  private record Sender(String address, Instant nextAt, Instant lastAt, long cumulative) {
  }

  /** The pool's sender rows, locked in one order on every node so that two bookings never deadlock. */
  private List<Sender> lockSenders() {
    String in = String.join(",", Collections.nCopies(pool.size(), "?"));
    List<Sender> locked = jdbc.query("SELECT SENDER_, NEXT_AT_, LAST_AT_, CUMULATIVE_ FROM " + SENDERS
            + " WHERE SENDER_ IN (" + in + ") ORDER BY SENDER_ FOR UPDATE",
        (row, i) -> new Sender(row.getString(1), row.getTimestamp(2).toInstant(), row.getTimestamp(3).toInstant(), row.getLong(4)),
        pool.toArray());
    // the pool's order, so that notices go from the first sender while it has room
    return pool.stream().flatMap(address -> locked.stream().filter(s -> s.address().equals(address))).toList();
  }

  /** One row more for the sender, and its row moved on in the same update: the next free slot, the last row, the total. */
  private void append(Sender sender, String id, Instant at, int recipients, Instant sentAt, Instant nextAt, Instant dueBy) {
    long cumulative = sender.cumulative() + recipients;
    jdbc.update("INSERT INTO " + SLOTS + " (ID_, SENDER_, AT_, RECIPIENTS_, CUMULATIVE_, SENT_AT_, DUE_) VALUES (?, ?, ?, ?, ?, ?, ?)",
        id, sender.address(), Timestamp.from(at), recipients, cumulative, sentAt == null ? null : Timestamp.from(sentAt),
        dueBy == null ? null : Timestamp.from(dueBy));
    jdbc.update("UPDATE " + SENDERS + " SET NEXT_AT_ = ?, LAST_AT_ = ?, CUMULATIVE_ = ? WHERE SENDER_ = ?",
        Timestamp.from(nextAt), Timestamp.from(later(at, sender.lastAt())), cumulative, sender.address());
  }

  /** The earliest moment from candidate on when the sender's booked day has room for these recipients. */
  private Instant dayFree(Sender sender, Instant candidate, int recipients) {
    if (recipientsOfDay(sender, candidate) + recipients <= limits.bookedPerDay()) {
      return candidate;
    }
    // The day has room once the slot whose running total reaches this leaves the 24 hours.
    long reaching = sender.cumulative() + recipients - limits.bookedPerDay();
    Timestamp leaves = jdbc.queryForObject("SELECT MIN(AT_) FROM " + SLOTS + " WHERE SENDER_ = ? AND CUMULATIVE_ >= ?",
        Timestamp.class, sender.address(), reaching);
    return leaves == null ? candidate : later(candidate, leaves.toInstant().plus(DAY).plusMillis(1));
  }

  /** Recipients of the sender's rows in the 24 hours up to at (a booked slot counts from its booking). */
  private long recipientsOfDay(Sender sender, Instant at) {
    Long before = jdbc.queryForObject("SELECT MAX(CUMULATIVE_) FROM " + SLOTS + " WHERE SENDER_ = ? AND AT_ <= ?",
        Long.class, sender.address(), Timestamp.from(at.minus(DAY)));
    if (before == null) {
      // everything kept is inside the day: the running total before its oldest row
      before = jdbc.queryForObject("SELECT MIN(CUMULATIVE_ - RECIPIENTS_) FROM " + SLOTS + " WHERE SENDER_ = ?",
          Long.class, sender.address());
    }
    return before == null ? 0 : sender.cumulative() - before;
  }

  private int sentInLastMinute(String sender, Instant now) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + SLOTS + " WHERE SENDER_ = ? AND SENT_AT_ > ?",
        Integer.class, sender, Timestamp.from(now.minus(MINUTE)));
    return count == null ? 0 : count;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
