package org.hybridonboarding.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.hybridonboarding.simulation.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The mail slots on a real H2 database, two "nodes" (two MailSlots on one database) where it matters. */
class MailSlotsTest {

  static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
  static final String A = "onboarding@contoso.com";
  static final String B = "onboarding2@contoso.com";
  /** When a mail of an intake that starts in three weeks is due. */
  static final Instant LATER = T0.plus(Duration.ofDays(21));

  final MutableClock clock = new MutableClock(T0);
  final JdbcDataSource database = new JdbcDataSource();
  final List<ExecutorService> pools = new ArrayList<>();

  MailSlotsTest() {
    database.setURL("jdbc:h2:mem:mailslots-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
  }

  @AfterEach
  void close() throws Exception {
    pools.forEach(ExecutorService::shutdownNow);
    new JdbcTemplate(database).execute("SHUTDOWN");
  }

  MailSlots node(MailProperties limits, String... senders) {
    return node(limits, new SimpleMeterRegistry(), senders);
  }

  MailSlots node(MailProperties limits, SimpleMeterRegistry meters, String... senders) {
    return new MailSlots(new JdbcTemplate(database), new DataSourceTransactionManager(database), clock, limits,
        new HandoverProperties(null, List.of(senders), "helpdesk@contoso.com", Duration.ofDays(1), true), meters);
  }

  @Test
  void eachSendersSlotsAreSpacedEvenlyAndTheSenderFreeSoonestTakesTheNext() {
    MailSlots slots = node(new MailProperties(30, 10_000, 6, 9_800), A, B);

    List<MailSlots.MailSlot> booked = List.of(slots.book(1, LATER), slots.book(1, LATER), slots.book(1, LATER), slots.book(1, LATER), slots.book(1, LATER));

    assertThat(booked).extracting(MailSlots.MailSlot::sender).containsExactly(A, B, A, B, A);
    assertThat(booked).extracting(MailSlots.MailSlot::at)
        .containsExactly(T0, T0, T0.plusSeconds(10), T0.plusSeconds(10), T0.plusSeconds(20));
  }

  @Test
  void twoNodesTogetherBookOneSendersSlotsApartAndSendNoMoreThanItsMinuteAllows() throws Exception {
    MailProperties limits = new MailProperties(30, 10_000, 28, 9_800);
    MailSlots first = node(limits, A);
    MailSlots second = node(limits, A);

    List<MailSlots.MailSlot> booked = concurrently(8, 100, i -> (i % 2 == 0 ? first : second).book(1, LATER));

    List<Instant> times = booked.stream().map(MailSlots.MailSlot::at).sorted().toList();
    Duration spacing = Duration.ofMinutes(1).dividedBy(28);
    for (int i = 1; i < times.size(); i++) {
      assertThat(Duration.between(times.get(i - 1), times.get(i))).as("slot %d after slot %d", i, i - 1)
          .isGreaterThanOrEqualTo(spacing);
    }
    assertThat(maxInAnyMinute(times)).isLessThanOrEqualTo(28);

    // The job executors fell behind: every timer fires at once, 4 minutes late. Of the 100 only
    // the sender's minute goes out now (29, one under Exchange's 30); the rest book again.
    clock.set(times.get(times.size() - 1).plus(Duration.ofMinutes(4)));
    List<Boolean> taken = concurrently(8, 100, i -> (i % 2 == 0 ? first : second).take(booked.get(i).id()));
    assertThat(taken.stream().filter(Boolean::booleanValue).count()).isEqualTo(29);
    assertThat(sentPerSender()).containsEntry(A, 29L);
    assertThat(second.book(1, LATER).at()).as("a booking after the burst").isAfterOrEqualTo(clock.instant());
  }

  @Test
  void aPoolSpreadsTheDaysRecipientsAndAFullDayWaitsUntilItsFirstSlotIsADayOld() {
    MailSlots slots = node(new MailProperties(30, 12, 6, 10), A, B);

    List<MailSlots.MailSlot> booked = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      booked.add(slots.book(1, LATER));
    }

    Map<String, Long> perSender = booked.subList(0, 20).stream()
        .collect(Collectors.groupingBy(MailSlots.MailSlot::sender, Collectors.counting()));
    assertThat(perSender).containsEntry(A, 10L).containsEntry(B, 10L);
    assertThat(booked.subList(0, 20)).allSatisfy(slot -> assertThat(slot.at()).isBefore(T0.plus(Duration.ofMinutes(2))));
    MailSlots.MailSlot twentyFirst = booked.get(20);
    assertThat(twentyFirst.at()).as("the 21st: both days full")
        .isAfter(T0.plus(Duration.ofHours(24))).isBefore(T0.plus(Duration.ofHours(24)).plusSeconds(1));
  }

  @Test
  void aMailDueBeforeItsTurnTakesTheSlotOfAMailDueLaterWhichBooksAgainWhenTheSlotComes() {
    MailSlots slots = node(new MailProperties(30, 10_000, 6, 9_800), A);
    List<MailSlots.MailSlot> bulk = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      bulk.add(slots.book(1, LATER));
    }
    clock.set(T0.plusSeconds(5));

    MailSlots.MailSlot onTime = slots.book(1, T0.plus(Duration.ofHours(1)));
    assertThat(onTime.at()).as("on time behind the bulk: in turn").isEqualTo(T0.plusSeconds(600));

    MailSlots.MailSlot tomorrow = slots.book(1, T0.plus(Duration.ofMinutes(2)));
    assertThat(tomorrow.at()).as("the bulk's first slot not yet due").isEqualTo(bulk.get(1).at());

    clock.set(bulk.get(1).at());
    assertThat(slots.take(bulk.get(1).id())).as("the overtaken mail's slot").isFalse();
    assertThat(slots.take(tomorrow.id())).isTrue();
    assertThat(slots.book(1, LATER).at()).as("the overtaken mail, booked again").isEqualTo(T0.plusSeconds(610));
    assertThat(sentPerSender()).containsEntry(A, 1L);
  }

  @Test
  void aLateMailOvertakesOneThatStaysOnTimeWhenBookedAgainAndMailsDueTogetherKeepTheirOrder() {
    MailSlots slots = node(new MailProperties(30, 10_000, 6, 9_800), A);
    Instant soon = T0.plus(Duration.ofMinutes(1));
    List<MailSlots.MailSlot> booked = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      booked.add(slots.book(1, soon));
    }
    for (int i = 0; i < 20; i++) {
      booked.add(slots.book(1, LATER));
    }
    assertThat(booked.get(3).at()).as("late too, but due together with the three before").isEqualTo(T0.plusSeconds(30));
    clock.set(T0.plusSeconds(1));

    MailSlots.MailSlot late = slots.book(1, T0);

    assertThat(late.at()).as("not the slots of mails due in a minute, which would be late again").isEqualTo(booked.get(4).at());
  }

  @Test
  void twoNodesOvertakingTogetherNeverGiveOneSlotToTwoMails() throws Exception {
    MailProperties limits = new MailProperties(30, 10_000, 28, 9_800);
    MailSlots first = node(limits, A, B);
    MailSlots second = node(limits, A, B);
    for (int i = 0; i < 100; i++) {
      first.book(1, LATER);
    }

    List<MailSlots.MailSlot> urgent = concurrently(8, 60, i -> (i % 2 == 0 ? first : second).book(1, T0));

    assertThat(urgent).extracting(slot -> slot.sender() + "@" + slot.at()).doesNotHaveDuplicates();
    assertThat(urgent).allSatisfy(slot -> assertThat(slot.at()).isBefore(T0.plus(Duration.ofMinutes(2))));
    JdbcTemplate jdbc = new JdbcTemplate(database);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM HO_MAIL_SLOT", Integer.class)).as("no slot added").isEqualTo(100);
    assertThat(urgent).allSatisfy(slot -> assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM HO_MAIL_SLOT WHERE ID_ = ? AND SENDER_ = ? AND AT_ = ?", Integer.class,
        slot.id(), slot.sender(), java.sql.Timestamp.from(slot.at()))).isOne());
  }

  /** The tables as the version before overtaking made them, with a slot booked then. */
  @Test
  void theUpgradeAddsTheDueTimeAndSlotsBookedBeforeKeepTheirTurn() {
    JdbcTemplate jdbc = new JdbcTemplate(database);
    jdbc.execute("CREATE TABLE HO_MAIL_SENDER (SENDER_ VARCHAR(320) NOT NULL PRIMARY KEY, NEXT_AT_ TIMESTAMP NOT NULL, "
        + "LAST_AT_ TIMESTAMP NOT NULL, CUMULATIVE_ BIGINT NOT NULL)");
    jdbc.execute("CREATE TABLE HO_MAIL_SLOT (ID_ VARCHAR(64) NOT NULL PRIMARY KEY, SENDER_ VARCHAR(320) NOT NULL, "
        + "AT_ TIMESTAMP NOT NULL, RECIPIENTS_ INT NOT NULL, CUMULATIVE_ BIGINT NOT NULL, SENT_AT_ TIMESTAMP)");
    jdbc.update("INSERT INTO HO_MAIL_SENDER VALUES (?, ?, ?, 1)", A, java.sql.Timestamp.from(T0.plusSeconds(10)),
        java.sql.Timestamp.from(T0));
    jdbc.update("INSERT INTO HO_MAIL_SLOT VALUES ('old', ?, ?, 1, 1, NULL)", A, java.sql.Timestamp.from(T0));
    clock.set(T0.minusSeconds(1));

    MailSlots slots = node(new MailProperties(30, 10_000, 6, 9_800), A);
    MailSlots.MailSlot late = slots.book(1, T0.minus(Duration.ofDays(1)));

    assertThat(late.at()).as("after the slot booked before the upgrade").isEqualTo(T0.plusSeconds(10));
    clock.set(T0);
    assertThat(slots.take("old")).isTrue();
  }

  @Test
  void mailsThePoolCannotSendBeforeTheyAreDueAreCountedLateAndASecondSenderPutsThemOnTime() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    MailSlots one = node(new MailProperties(30, 12, 6, 10), meters, A);

    MailSlots.MailSlot firstDay = one.book(1, T0.minus(Duration.ofHours(1)));
    assertThat(firstDay.at()).as("a hire on the first day, the pool idle: at once").isEqualTo(T0);
    assertThat(meters.get("onboarding.mail.late").gauge().value()).as("due already, but behind nobody").isZero();

    Instant inAMinute = T0.plus(Duration.ofMinutes(1));
    List<MailSlots.MailSlot> intake = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      intake.add(one.book(1, inAMinute));
    }
    // 6 a minute and 10 a day: slots at 10 … 60 s are on time, 70 … 90 s late, the last one a day late
    assertThat(intake).filteredOn(slot -> slot.at().isAfter(inAMinute)).hasSize(4);
    assertThat(intake.get(9).at()).isAfter(T0.plus(Duration.ofHours(24)));
    assertThat(meters.get("onboarding.mail.late").gauge().value()).isEqualTo(4.0);

    clock.set(T0.plusSeconds(75));
    assertThat(one.late()).as("the slot at 70 s has come").isEqualTo(3);

    MailSlots pool = node(new MailProperties(30, 12, 6, 10), A, B);
    List<MailSlots.MailSlot> more = List.of(pool.book(1, inAMinute.plus(Duration.ofMinutes(1))),
        pool.book(1, inAMinute.plus(Duration.ofMinutes(1))), pool.book(1, inAMinute.plus(Duration.ofMinutes(1))));
    assertThat(more).as("a sender added to the pool").allSatisfy(slot -> {
      assertThat(slot.sender()).isEqualTo(B);
      assertThat(slot.at()).isBefore(inAMinute.plus(Duration.ofMinutes(1)));
    });
    assertThat(pool.late()).isEqualTo(3);
  }

  @Test
  void aNoticeGoesAtOnceFromTheFirstSenderWithRoomAndNoneWhenAllAreAtTheirLimit() {
    MailSlots slots = node(new MailProperties(3, 10_000, 1, 9_800), A, B);

    List<String> senders = List.of(slots.sendNow(1), slots.sendNow(1), slots.sendNow(1), slots.sendNow(1));

    assertThat(senders).containsExactly(A, A, B, B);
    assertThatThrownBy(() -> slots.sendNow(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sending limit").hasMessageContaining(A).hasMessageContaining(B);
    clock.set(T0.plusSeconds(61));
    assertThat(slots.sendNow(1)).isEqualTo(A);
  }

  @Test
  void aSlotOfASenderNoLongerInThePoolIsBookedAgain() {
    MailSlots.MailSlot slot = node(new MailProperties(30, 10_000, 28, 9_800), A).book(1, LATER);

    MailSlots other = node(new MailProperties(30, 10_000, 28, 9_800), B);

    assertThat(other.take(slot.id())).isFalse();
    assertThat(other.take("no-such-slot")).isFalse();
  }

  @Test
  void limitsThatLeaveNothingForNoticesAreRefused() {
    assertThatThrownBy(() -> new MailProperties(30, 10_000, 30, 9_800))
        .hasMessageContaining("onboarding.mail.booked-per-minute must be between 1 and onboarding.mail.messages-per-minute - 1 (29)");
    assertThatThrownBy(() -> new MailProperties(30, 10_000, 28, 10_001))
        .hasMessageContaining("onboarding.mail.booked-per-day");
  }

  private Map<String, Long> sentPerSender() {
    return new JdbcTemplate(database).queryForList("SELECT SENDER_ FROM HO_MAIL_SLOT WHERE SENT_AT_ IS NOT NULL", String.class)
        .stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
  }

  /** The most instants of a sorted list inside any minute. */
  static int maxInAnyMinute(List<Instant> sorted) {
    int max = 0;
    for (int i = 0, j = 0; i < sorted.size(); i++) {
      while (Duration.between(sorted.get(j), sorted.get(i)).compareTo(Duration.ofMinutes(1)) >= 0) {
        j++;
      }
      max = Math.max(max, i - j + 1);
    }
    return max;
  }

  interface Indexed<T> {
    T call(int i) throws Exception;
  }

  private <T> List<T> concurrently(int threads, int count, Indexed<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    pools.add(pool);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(pool.submit((Callable<T>) () -> work.call(index)));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get());
    }
    return Collections.unmodifiableList(results);
  }
}
