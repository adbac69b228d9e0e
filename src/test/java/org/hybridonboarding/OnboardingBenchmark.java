package org.hybridonboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.hybridonboarding.simulation.SharedWorld;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: {@code mvn -Pbenchmark verify} (not part of the test suite). N onboardings
 * through the whole stack — REST, the engine, the directory over LDAPS, the simulated tenant over
 * HTTP — in a node of its own, on H2 and on PostgreSQL; the engine's own ceiling with no-op steps;
 * the replication watch's Graph cost with 10 … 10,000 hires waiting; optionally a bulk under
 * Graph's real write quota. Prints one table and writes it to target/benchmark/results.md.
 *
 * <p>Settings: -Dbenchmark.hires=1000, -Dbenchmark.databases=h2,postgres,
 * -Dbenchmark.waiting=10,100,1000,10000, -Dbenchmark.bulk=0 (e.g. 5000), -Dbenchmark.mail-bulk=0
 * (e.g. 5000: that many under Exchange Online's real sending limits and Graph's write quota, once
 * per -Dbenchmark.mail-senders=1,2 sender mailboxes; at 28 mails a minute per sender 5,000 take
 * three hours with one).
 */
class OnboardingBenchmark {

  private static final Logger log = LoggerFactory.getLogger(OnboardingBenchmark.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HIRES = Integer.getInteger("benchmark.hires", 1000);
  private static final List<String> DATABASES = java.util.Arrays.stream(
      System.getProperty("benchmark.databases", "h2,postgres").split(",")).map(String::strip).filter(d -> !d.isEmpty()).toList();
  private static final List<Integer> WAITING = java.util.Arrays.stream(
      System.getProperty("benchmark.waiting", "10,100,1000,10000").split(",")).filter(w -> !w.isBlank()).map(Integer::valueOf).toList();
  private static final int BULK = Integer.getInteger("benchmark.bulk", 0);
  private static final int MAIL_BULK = Integer.getInteger("benchmark.mail-bulk", 0);
  private static final List<Integer> MAIL_SENDERS = java.util.Arrays.stream(
      System.getProperty("benchmark.mail-senders", "1,2").split(",")).filter(s -> !s.isBlank()).map(String::strip)
      .map(Integer::valueOf).toList();
  /** Exchange Online's limit per sender mailbox, and Graph's write quota (DOMAIN.md). */
  private static final int MAILS_PER_MINUTE = 30;
  /** What the product books of them by default (onboarding.mail.booked-per-minute). */
  private static final int BOOKED_PER_MINUTE = 28;
  private static final int WRITES_PER_150_S = 3000;
  private static final int SENDERS = 8;
  /** The benchmark's own requests to the node's REST API while it waits: they sign in against AD too. */
  private static final java.util.concurrent.atomic.AtomicLong POLLS = new java.util.concurrent.atomic.AtomicLong();
  private static final Path WORK = Path.of("target", "benchmark");

  /** The table: one column per run, rows in insertion order. */
  private final Map<String, Map<String, String>> table = new LinkedHashMap<>();

  private void put(String column, String row, Object value) {
    table.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(column, String.valueOf(value));
  }

  @Test
  void run() throws Exception {
    Files.createDirectories(WORK);
    try {
      runAll();
    } finally {
      // Whatever finished is printed, also when a later part fails.
      print();
    }
  }

  private void runAll() throws Exception {
    try (SharedWorld world = new SharedWorld(WORK.resolve("world"), Duration.ofMillis(200), Duration.ZERO)) {
      world.withoutMailLimits();
      world.addSeats("SPE_E3", 2 * HIRES * DATABASES.size() + BULK + (MAIL_BULK + 1) * MAIL_SENDERS.size() + 1000);
      for (String database : DATABASES) {
        try {
          throughput(world, database.strip());
        } catch (org.opentest4j.TestAbortedException absent) {
          log.warn("Column {} left out: {}", database, absent.getMessage());
        }
      }
      if (!WAITING.isEmpty()) {
        replicationWatch(world);
      }
      if (BULK > 0) {
        bulkUnderQuota(world);
      }
      for (int senders : MAIL_BULK > 0 ? MAIL_SENDERS : List.<Integer>of()) {
        bulkUnderMailLimits(world, senders);
      }
    }
  }

  /** Settings of a benchmark node: the product's, with a job executor sized for the machine. */
  private static List<String> arguments(SharedWorld world, String url, String user, String password, String name,
      boolean pacedForGraph) {
    return arguments(world, url, user, password, name, pacedForGraph, false);
  }

  /** @param pacedForMail the product's own mail pacing (28 a minute per sender) instead of none */
  private static List<String> arguments(SharedWorld world, String url, String user, String password, String name,
      boolean pacedForGraph, boolean pacedForMail) {
    List<String> arguments = new ArrayList<>(NodeFixtures.arguments(world, url, user, password, name));
    // Camunda's default job lock time (5 minutes), not the crash test's short one: a poll that wakes
    // thousands of onboardings at once must finish inside it.
    arguments.removeIf(argument -> argument.startsWith("--camunda.bpm.job-execution.lock-time-in-millis=")
        || argument.startsWith("--onboarding.mail."));
    arguments.addAll(List.of(
        "--camunda.bpm.job-execution.core-pool-size=8",
        "--camunda.bpm.job-execution.max-pool-size=8",
        "--camunda.bpm.job-execution.queue-capacity=16",
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=16",
        "--spring.datasource.hikari.maximum-pool-size=24"));
    // Without Exchange Online's sending limits (withoutMailLimits) the product is measured, not the tenant.
    if (!pacedForMail) {
      arguments.addAll(NodeFixtures.UNPACED_MAIL);
    }
    if (!pacedForGraph) {
      arguments.add("--onboarding.graph.writes-per-window=100000000");
    }
    return arguments;
  }

  private record Database(String name, String url, String user, String password, PostgresTestDatabase postgres)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private static Database database(String kind) {
    if (kind.equals("postgres")) {
      PostgresTestDatabase postgres = PostgresTestDatabase.create("benchmark");
      return new Database("PostgreSQL", postgres.url(), postgres.username(), postgres.password(), postgres);
    }
    Path file = WORK.resolve("h2-" + UUID.randomUUID()).toAbsolutePath();
    return new Database("H2", "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", null);
  }

  private void throughput(SharedWorld world, String kind) throws Exception {
    try (Database database = database(kind)) {
      String column = database.name() + ", " + HIRES;
      world.unthrottled();
      AppNode node = AppNode.start("benchmark-" + kind, jvm(world), arguments(world, database.url(), database.user(),
          database.password(), "benchmark-" + kind, false), world.nodeEnvironment());
      try {
        long sizeBefore = databaseBytes(database);
        double signIn = signInCost(world, node);
        double pollCost = pollCost(world, node);
        MemorySampler memory = new MemorySampler(node);
        world.resetCounters();
        long pollsBefore = POLLS.get();
        long started = System.nanoTime();
        // Each run its own hires: the directory and the tenant outlive the run.
        String prefix = kind.equals("postgres") ? "P" : "H";
        send(node, HIRES, i -> NodeFixtures.request(prefix + "%06d".formatted(i + 1), i, "Bench" + prefix.toLowerCase()));
        awaitFinished(node, "hybrid-onboarding", HIRES, Duration.ofMinutes(20 + HIRES / 100));
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> graph = world.graphRequests();
        Map<String, Long> ldap = world.ldapOperations();
        log.info("LDAP searches of {} onboardings, by filter: {}", HIRES, world.ldapSearches());
        long polls = POLLS.get() - pollsBefore;
        double jobsPerOnboarding = count(node,
            "/engine-rest/history/job-log/count?successLog=true&processDefinitionKey=hybrid-onboarding") / (double) HIRES;
        long incidents = count(node, "/engine-rest/history/incident/count");
        // What the onboardings left, before the no-op instances below add theirs.
        long sizeAfter = databaseBytes(database);
        logTableSizes(database);
        // PostgreSQL reuses the space of dead rows (an activity's end updates its row, the runtime rows
        // are deleted) once (auto)vacuum ran: a second batch after a plain VACUUM grows the database by
        // what a steady stream of onboardings costs. VACUUM FULL then leaves only the live rows.
        int batches = 1;
        long steadyGrowth = 0;
        if (database.postgres() != null) {
          vacuum(database);
          send(node, HIRES, i -> NodeFixtures.request("Q%06d".formatted(i + 1), i, "Benchq"));
          awaitFinished(node, "hybrid-onboarding", 2 * HIRES, Duration.ofMinutes(20 + HIRES / 100));
          steadyGrowth = databaseBytes(database) - sizeAfter;
          logTableSizes(database);
          batches = 2;
        }
        long sizeKept = compacted(database);

        // The engine's ceiling: as many async steps per instance as an onboarding ran jobs, each doing nothing.
        int steps = (int) Math.round(jobsPerOnboarding);
        deployNoOp(node, steps);
        long ceilingStarted = System.nanoTime();
        send(node, HIRES, i -> "{\"businessKey\":\"NOOP" + i + "\"}", "/engine-rest/process-definition/key/noop/start", "admin");
        awaitFinished(node, "noop", HIRES, Duration.ofMinutes(60));
        double ceilingSeconds = (System.nanoTime() - ceilingStarted) / 1e9;
        memory.stop();
        long peakRss = peakRss(node);
        long peakHeap = memory.peakHeap();
        node.close();

        Map<String, Long> history = historyRows(database);
        long[] durations = durations(database);
        put(column, "onboardings per second", "%.1f".formatted(HIRES / seconds));
        put(column, "request → Onboarded p50 / p95 (s)", "%.1f / %.1f".formatted(percentile(durations, 50) / 1000.0,
          percentile(durations, 95) / 1000.0));
        put(column, "Graph requests per onboarding", "%.2f".formatted(graph.values().stream().mapToLong(Long::longValue).sum() / (double) HIRES));
        graph.forEach((endpoint, n) -> put(column, "  " + endpoint, "%.2f".formatted(n / (double) HIRES)));
        put(column, "LDAP operations per onboarding", "%.2f".formatted(ldap.values().stream().mapToLong(Long::longValue).sum() / (double) HIRES));
        ldap.forEach((kindOfOperation, n) -> put(column, "  LDAP " + kindOfOperation, "%.2f".formatted(n / (double) HIRES)));
        put(column, "  of them the HR system's sign-in (one request per hire)", "%.2f".formatted(signIn));
        put(column, "  of them the benchmark's own requests to the node (counts, heap samples)", "%.2f (%d × %.1f)".formatted(polls * pollCost / HIRES,
            polls, pollCost));
        put(column, "LDAP operations per onboarding, its own", "%.2f".formatted(
            ldap.values().stream().mapToLong(Long::longValue).sum() / (double) HIRES - signIn - polls * pollCost / HIRES));
        put(column, "jobs per onboarding", "%.1f".formatted(jobsPerOnboarding));
        put(column, "history rows per onboarding", "%.1f".formatted(history.values().stream().mapToLong(Long::longValue).sum()
            / (double) (batches * HIRES)));
        put(column, "database growth per onboarding (KiB)", "%.1f".formatted((sizeAfter - sizeBefore) / 1024.0 / HIRES));
        if (batches > 1) {
          put(column, "  a second " + HIRES + " after a VACUUM, as autovacuum leaves it (KiB)",
              "%.1f".formatted(steadyGrowth / 1024.0 / HIRES));
        }
        if (sizeKept > 0) {
          put(column, "  of it kept: after VACUUM FULL (KiB)", "%.1f".formatted((sizeKept - sizeBefore) / 1024.0 / (batches * HIRES)));
        }
        put(column, "peak heap / peak RSS of the node (MiB)", "%d / %d".formatted(peakHeap >> 20, peakRss >> 20));
        put(column, "incidents", incidents);
        put(column, "engine ceiling: no-op instances per second (" + steps + " async steps)", "%.1f".formatted(HIRES / ceilingSeconds));
        put(column, "our throughput / engine ceiling", "%.0f %%".formatted(100 * ceilingSeconds / seconds));
        log.info("Benchmark {} done: {}", column, table);
      } finally {
        node.close();
      }
    }
  }

  /** LDAP operations of one of the benchmark's own count requests over /engine-rest (its sign-in as admin). */
  private static double pollCost(SharedWorld world, AppNode node) throws Exception {
    return ldapPerRequest(world, "polls", i -> count(node, "/engine-rest/history/process-instance/count?processDefinitionKey=nothing"));
  }

  /** LDAP operations of one HTTP Basic request of the HR system that asks for nothing (a 404): its sign-in. */
  private static double signInCost(SharedWorld world, AppNode node) throws Exception {
    return ldapPerRequest(world, "sign-ins of the HR system", i -> {
      HttpResponse<String> unknown = node.get("/api/onboardings/NOBODY" + i, "hr-system");
      if (unknown.statusCode() != 404) {
        throw new IllegalStateException("GET of an unknown onboarding answered " + unknown.statusCode());
      }
    });
  }

  private interface Request {
    void send(int index) throws Exception;
  }

  private static double ldapPerRequest(SharedWorld world, String what, Request request) throws Exception {
    int requests = 100;
    world.resetCounters();
    for (int i = 0; i < requests; i++) {
      request.send(i);
    }
    log.info("LDAP operations of {} {}: {}; searches: {}", requests, what, world.ldapOperations(), world.ldapSearches());
    return world.ldapOperations().values().stream().mapToLong(Long::longValue).sum() / (double) requests;
  }

  /**
   * The watch's Graph cost while W hires wait (instances started at the wait; their users appear in
   * the tenant only later), and how long after sync brings them all are woken.
   */
  private void replicationWatch(SharedWorld world) throws Exception {
    try (Database database = database("h2")) {
      world.unthrottled();
      world.pauseSync();
      AppNode node = AppNode.start("benchmark-watch", jvm(world), arguments(world, database.url(), database.user(),
          database.password(), "benchmark-watch", false), world.nodeEnvironment());
      try {
        // Woken test instances have no hire behind them; their next step's job is created suspended
        // and they wait there until deleted, instead of running the rest of an onboarding into failures.
        suspendOnboardingJobs(node);
        for (int waiting : WAITING) {
          String column = waiting + " waiting";
          List<String[]> hires = new ArrayList<>();
          for (int i = 0; i < waiting; i++) {
            hires.add(new String[] {"W%d-%06d".formatted(waiting, i + 1),
                Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes()).substring(0, 24)});
          }
          send(node, waiting, i -> """
              {"businessKey":"%s","variables":{"immutableId":{"value":"%s"}},
               "startInstructions":[{"type":"startBeforeActivity","activityId":"Event_UserReplicated"}],
               "skipCustomListeners":true,"skipIoMappings":true}""".formatted(hires.get(i)[0], hires.get(i)[1]),
              "/engine-rest/process-definition/key/hybrid-onboarding/start", "admin");
          awaitCount(node, "/engine-rest/event-subscription/count?eventName=UserReplicated", waiting, Duration.ofMinutes(10));

          world.resetCounters();
          long pollsBefore = polls(node);
          awaitAtLeast(node, () -> polls(node) - pollsBefore, 3);
          long polls = polls(node) - pollsBefore;
          long requests = world.graphRequests().values().stream().mapToLong(Long::longValue).sum();
          put(column, "Graph requests per poll interval, one watch", "%.2f".formatted(requests / (double) polls));
          put(column, "Graph requests per poll interval, a poll per hire (before)", waiting);

          // Sync brings all of them at once; the watch wakes each.
          long synced = System.nanoTime();
          hires.forEach(hire -> world.syncCloudOnly(hire[0], hire[1]));
          awaitCount(node, "/engine-rest/event-subscription/count?eventName=UserReplicated", 0, Duration.ofMinutes(30));
          put(column, "from sync to all woken (s; poll interval 1 s)", "%.1f".formatted((System.nanoTime() - synced) / 1e9));
          deleteInstances(node, "W%");
          awaitCount(node, "/engine-rest/process-instance/count?businessKeyLike=W%25", 0, Duration.ofMinutes(30));
        }
      } finally {
        node.close();
        world.resumeSync();
      }
    }
  }

  /** BULK onboardings against Graph's real write quota, the node pacing its writes (the product's default). */
  private void bulkUnderQuota(SharedWorld world) throws Exception {
    try (Database database = database("h2")) {
      String column = "bulk " + BULK + " under the write quota";
      world.graphLimits();
      AppNode node = AppNode.start("benchmark-bulk", jvm(world), arguments(world, database.url(), database.user(),
          database.password(), "benchmark-bulk", true), world.nodeEnvironment());
      try {
        world.resetCounters();
        long started = System.nanoTime();
        send(node, BULK, i -> NodeFixtures.request("Q%06d".formatted(i + 1), i, "Bulk"));
        awaitFinished(node, "hybrid-onboarding", BULK, Duration.ofMinutes(60));
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> graph = world.graphRequests();
        long writes = graph.entrySet().stream().filter(e -> e.getKey().startsWith("POST ") || e.getKey().startsWith("PATCH "))
            .mapToLong(Map.Entry::getValue).sum();
        long throttled = graph.entrySet().stream().filter(e -> e.getKey().startsWith("429 ")).mapToLong(Map.Entry::getValue).sum();
        put(column, "onboardings per second", "%.2f".formatted(BULK / seconds));
        put(column, "Graph writes per 150 s (quota 3,000)", "%.0f".formatted(writes / seconds * 150));
        put(column, "429 answers", throttled);
        put(column, "failed jobs", count(node, "/engine-rest/history/job-log/count?failureLog=true"));
        put(column, "incidents", count(node, "/engine-rest/history/incident/count"));
      } finally {
        node.close();
        world.unthrottled();
      }
    }
  }

  /**
   * MAIL_BULK onboardings against Exchange Online's real sending limits and Graph's real write
   * quota, the welcome mails from that many sender mailboxes, paced by the product's defaults.
   */
  private void bulkUnderMailLimits(SharedWorld world, int senders) throws Exception {
    try (Database database = database("h2")) {
      String column = "bulk " + MAIL_BULK + " under the mail limits, " + senders + (senders == 1 ? " sender" : " senders");
      world.graphLimits();
      world.exchangeLimits();
      List<String> arguments = arguments(world, database.url(), database.user(), database.password(), "benchmark-mail", true, true);
      arguments.add("--onboarding.credentials.senders="
          + String.join(",", List.of("onboarding@contoso.com", "onboarding2@contoso.com").subList(0, senders)));
      AppNode node = AppNode.start("benchmark-mail-" + senders, jvm(world), arguments, world.nodeEnvironment());
      long failedJobs;
      long incidents;
      double seconds;
      long waitingAhead;
      double urgentSeconds;
      Map<String, Long> graph;
      try {
        world.resetCounters();
        long started = System.nanoTime();
        String prefix = "M" + senders;
        send(node, MAIL_BULK, i -> NodeFixtures.request(prefix + "%05d".formatted(i + 1), i, "Mail" + senders));
        // A hire starting today, sent once half the bulk (starting in three days) waits for its slot.
        awaitAtLeast(node, () -> count(node, "/engine-rest/execution/count?activityId=Timer_MailSlot"), MAIL_BULK / 2,
            Duration.ofMinutes(20), "half the bulk did not wait for a mail slot");
        waitingAhead = count(node, "/engine-rest/execution/count?activityId=Timer_MailSlot");
        long urgentSent = System.nanoTime();
        send(node, 1, i -> NodeFixtures.request(prefix + "99999", MAIL_BULK, "Today" + senders)
            .replace(LocalDate.now().plusDays(3).toString(), LocalDate.now().toString()));
        awaitCount(node, "/engine-rest/history/process-instance/count?finished=true&processInstanceBusinessKey=" + prefix + "99999",
            1, Duration.ofMinutes(30));
        urgentSeconds = (System.nanoTime() - urgentSent) / 1e9;
        awaitFinished(node, "hybrid-onboarding", MAIL_BULK + 1, Duration.ofMinutes(30 + MAIL_BULK / (20L * senders)));
        seconds = (System.nanoTime() - started) / 1e9;
        graph = world.graphRequests();
        failedJobs = count(node, "/engine-rest/history/job-log/count?failureLog=true");
        incidents = count(node, "/engine-rest/history/incident/count");
      } finally {
        node.close();
        world.withoutMailLimits();
        world.unthrottled();
      }
      List<Instant> sent = new ArrayList<>();
      Map<String, List<Instant>> bySender = new TreeMap<>();
      try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT SENDER_, SENT_AT_ FROM HO_MAIL_SLOT WHERE SENT_AT_ IS NOT NULL")) {
        while (rows.next()) {
          Instant at = rows.getTimestamp(2).toInstant();
          sent.add(at);
          bySender.computeIfAbsent(rows.getString(1), s -> new ArrayList<>()).add(at);
        }
      }
      Collections.sort(sent);
      double mailMinutes = Duration.between(sent.get(0), sent.get(sent.size() - 1)).toMillis() / 60_000.0;
      double mailsPerMinute = (sent.size() - 1) / mailMinutes;
      double writesPerHire = graph.entrySet().stream().filter(e -> e.getKey().startsWith("POST ") || e.getKey().startsWith("PATCH "))
          .mapToLong(Map.Entry::getValue).sum() / (double) MAIL_BULK;
      double mailLimit = MAILS_PER_MINUTE * senders;
      double writeLimit = WRITES_PER_150_S / 2.5 / writesPerHire;
      boolean mailBinds = mailLimit <= writeLimit;
      long throttled = graph.entrySet().stream().filter(e -> e.getKey().startsWith("429 ")).mapToLong(Map.Entry::getValue).sum();
      put(column, "wall time, request to the last onboarded (min)", "%.1f".formatted(seconds / 60));
      put(column, "a hire starting today, sent when this many bulk mails waited: onboarded after (s)",
          "%d: %.0f".formatted(waitingAhead, urgentSeconds));
      put(column, "  in the order of booking it would have waited (min, computed)",
          "%.1f".formatted(waitingAhead / (double) (BOOKED_PER_MINUTE * senders)));
      put(column, "binding limit (onboardings per minute)", mailBinds
          ? "%d mails a minute per sender × %d: %.0f".formatted(MAILS_PER_MINUTE, senders, mailLimit)
          : "3,000 writes per 150 s ÷ %.1f writes each: %.0f".formatted(writesPerHire, writeLimit));
      put(column, "welcome mails per minute, first to last", "%.1f".formatted(mailsPerMinute));
      put(column, "our rate / binding limit", "%.2f".formatted(mailsPerMinute / Math.min(mailLimit, writeLimit)));
      // A run of the whole 5,000 takes hours at these limits; at a steady rate its length follows.
      put(column, "a bulk of 5,000 at this rate (min, computed)", "%.0f".formatted(5000 / mailsPerMinute));
      put(column, "mails in a sender's busiest minute (limit 30)", bySender.values().stream()
          .mapToInt(OnboardingBenchmark::busiestMinute).max().orElse(0));
      put(column, "welcome mails per sender", bySender.values().stream().map(list -> String.valueOf(list.size()))
          .collect(java.util.stream.Collectors.joining(" / ")));
      put(column, "429 answers", throttled);
      put(column, "failed jobs", failedJobs);
      put(column, "incidents", incidents);
      log.info("Benchmark {} done: {}", column, table);
    }
  }

  /** The most mails of one sender inside any 60 s. */
  private static int busiestMinute(List<Instant> sent) {
    List<Instant> sorted = new ArrayList<>(sent);
    Collections.sort(sorted);
    int most = 0;
    int first = 0;
    for (int last = 0; last < sorted.size(); last++) {
      while (!sorted.get(first).isAfter(sorted.get(last).minusSeconds(60))) {
        first++;
      }
      most = Math.max(most, last - first + 1);
    }
    return most;
  }

  private static List<String> jvm(SharedWorld world) {
    List<String> options = new ArrayList<>(world.nodeJvmOptions());
    options.add("-Xmx2g");
    return options;
  }

  private static void send(AppNode node, int count, IntFunction<String> body) throws Exception {
    send(node, count, body, "/api/onboardings", "hr-system");
  }

  /** Sends count requests from SENDERS threads, as an HR system's bulk import would. */
  private static void send(AppNode node, int count, IntFunction<String> body, String path, String user) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        sent.add(senders.submit(() -> {
          HttpResponse<String> response = node.post(path, user, body.apply(index));
          if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
          }
          return null;
        }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } finally {
      senders.shutdown();
    }
  }

  private static void awaitFinished(AppNode node, String key, int count, Duration atMost) throws Exception {
    awaitCount(node, "/engine-rest/history/process-instance/count?finished=true&processDefinitionKey=" + key, count, atMost);
  }

  /** Waits for the count; gives up when it has not moved for as long as atMost allows (a paced bulk finishes late, all at once). */
  private static void awaitCount(AppNode node, String path, long expected, Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    long last = -1;
    while (true) {
      long now = count(node, path);
      if (now == expected) {
        return;
      }
      last = now;
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(path + " at " + last + " after " + atMost + ", expected " + expected + " (see " + node.log() + ")");
      }
      Thread.sleep(250);
    }
  }

  private static void awaitAtLeast(AppNode node, java.util.concurrent.Callable<Long> value, long expected) throws Exception {
    awaitAtLeast(node, value, expected, Duration.ofMinutes(2), "the replication watch did not poll");
  }

  private static void awaitAtLeast(AppNode node, java.util.concurrent.Callable<Long> value, long expected, Duration atMost,
      String failure) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (value.call() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(failure + " (see " + node.log() + ")");
      }
      Thread.sleep(100);
    }
  }

  private static long polls(AppNode node) throws IOException {
    return count(node, "/engine-rest/history/activity-instance/count?activityId=Task_PollDirectoryChanges&finished=true");
  }

  private static long count(AppNode node, String path) throws IOException {
    POLLS.incrementAndGet();
    HttpResponse<String> response = node.get(path, "admin");
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("count").asLong();
  }

  private static void suspendOnboardingJobs(AppNode node) throws IOException {
    HttpResponse<String> response = node.send(node.request("/engine-rest/job-definition/suspended", "admin")
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"processDefinitionKey\":\"hybrid-onboarding\",\"suspended\":true,\"includeJobs\":true}")).build());
    if (response.statusCode() != 204) {
      throw new IllegalStateException("suspending job definitions answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static void deleteInstances(AppNode node, String businessKeyLike) throws IOException {
    HttpResponse<String> response = node.post("/engine-rest/process-instance/delete", "admin", """
        {"processInstanceQuery":{"businessKeyLike":"%s"},"deleteReason":"benchmark","skipCustomListeners":true}"""
        .formatted(businessKeyLike));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("delete answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** A process of the given number of asynchronous no-op steps, deployed over REST. */
  private static void deployNoOp(AppNode node, int steps) throws IOException {
    AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess("noop").camundaHistoryTimeToLive(1).startEvent();
    for (int i = 0; i < steps; i++) {
      builder = builder.serviceTask("Task_NoOp" + i).camundaExpression("${true}").camundaAsyncBefore();
    }
    String xml = Bpmn.convertToString(builder.endEvent().done());
    String boundary = "benchmark" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nnoop\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"noop.bpmn\"; filename=\"noop.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> response = node.send(node.request("/engine-rest/deployment/create", "admin")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("deployment answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** Where PostgreSQL's growth went, table by table with its indexes and TOAST (for the log). */
  private static void logTableSizes(Database database) throws Exception {
    if (database.postgres() == null) {
      return;
    }
    StringBuilder sizes = new StringBuilder();
    try (Connection connection = database.postgres().connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT relname, pg_total_relation_size(relid), n_live_tup, n_dead_tup"
            + " FROM pg_stat_user_tables ORDER BY 2 DESC LIMIT 15")) {
      while (rows.next()) {
        sizes.append("%n  %s %d KiB, %d live, %d dead rows".formatted(rows.getString(1), rows.getLong(2) >> 10, rows.getLong(3),
            rows.getLong(4)));
      }
    }
    log.info("PostgreSQL tables after the onboardings:{}", sizes);
  }

  /** PostgreSQL's size after VACUUM FULL; 0 for H2. */
  /** What autovacuum does: marks the space of dead rows free for new ones (the files keep their size). */
  private static void vacuum(Database database) throws Exception {
    try (Connection connection = database.postgres().connect(); Statement statement = connection.createStatement()) {
      statement.execute("VACUUM");
    }
  }

  private static long compacted(Database database) throws Exception {
    if (database.postgres() == null) {
      return 0;
    }
    try (Connection connection = database.postgres().connect(); Statement statement = connection.createStatement()) {
      statement.execute("VACUUM FULL");
    }
    return databaseBytes(database);
  }

  private static long databaseBytes(Database database) throws Exception {
    if (database.postgres() != null) {
      try (Connection connection = database.postgres().connect(); Statement statement = connection.createStatement();
          ResultSet size = statement.executeQuery("SELECT pg_database_size(current_database())")) {
        size.next();
        return size.getLong(1);
      }
    }
    Path file = Path.of(database.url().substring("jdbc:h2:file:".length(), database.url().indexOf(';')) + ".mv.db");
    return Files.exists(file) ? Files.size(file) : 0;
  }

  /** Rows in each history table that belong to onboardings (not to the watch or the no-op process). */
  private static Map<String, Long> historyRows(Database database) throws Exception {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet found = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (found.next()) {
          if (found.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT).startsWith("ACT_HI_")) {
            tables.add(found.getString("TABLE_NAME"));
          }
        }
      }
      for (String table : tables) {
        String key = null;
        try (ResultSet columns = connection.getMetaData().getColumns(null, null, table, "%")) {
          while (columns.next()) {
            String column = columns.getString("COLUMN_NAME");
            // ACT_HI_JOB_LOG names it PROCESS_DEF_KEY_, the others PROC_DEF_KEY_.
            if (column.equalsIgnoreCase("PROC_DEF_KEY_") || column.equalsIgnoreCase("PROCESS_DEF_KEY_")) {
              key = column;
            }
          }
        }
        try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table
            + (key != null ? " WHERE " + key + " = 'hybrid-onboarding'" : ""))) {
          count.next();
          rows.put(table, count.getLong(1));
        }
      }
    }
    return rows;
  }

  private static long[] durations(Database database) throws Exception {
    List<Long> durations = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT DURATION_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'hybrid-onboarding' AND DURATION_ IS NOT NULL")) {
      while (rows.next()) {
        durations.add(rows.getLong(1));
      }
    }
    return durations.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private static long percentile(long[] sorted, int percent) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
  }

  private static long peakRss(AppNode node) throws IOException {
    Matcher peak = Pattern.compile("VmHWM:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc", Long.toString(node.pid()), "status")));
    return peak.find() ? Long.parseLong(peak.group(1)) * 1024 : 0;
  }

  /** Samples the node's heap once a second from its Prometheus endpoint; keeps the peak. */
  private static final class MemorySampler {
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;

    MemorySampler(AppNode node) {
      Pattern heap = Pattern.compile("jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)");
      thread = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          try {
            // signed in as admin like the count requests: its LDAP operations are the benchmark's, not the onboardings'
            POLLS.incrementAndGet();
            Matcher m = heap.matcher(node.get("/actuator/prometheus", "admin").body());
            long used = 0;
            while (m.find()) {
              used += (long) Double.parseDouble(m.group(1));
            }
            peak.accumulateAndGet(used, Math::max);
            Thread.sleep(1000);
          } catch (InterruptedException e) {
            return;
          } catch (IOException e) {
            // the node is busy or stopping: try again
          }
        }
      }, "memory-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join();
    }

    long peakHeap() {
      return peak.get();
    }
  }

  private void print() throws IOException {
    List<String> columns = table.values().stream().flatMap(row -> row.keySet().stream()).distinct().toList();
    StringBuilder markdown = new StringBuilder("| |");
    columns.forEach(column -> markdown.append(' ').append(column).append(" |"));
    markdown.append("\n| --- |");
    columns.forEach(column -> markdown.append(" ---: |"));
    table.forEach((row, values) -> {
      markdown.append("\n| ").append(row).append(" |");
      columns.forEach(column -> markdown.append(' ').append(values.getOrDefault(column, "")).append(" |"));
    });
    String machine = Runtime.getRuntime().availableProcessors() + " cores, "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB max heap of the benchmark JVM, Java " + System.getProperty("java.version");
    Files.writeString(WORK.resolve("results.md"), markdown + "\n\n" + machine + "\n");
    log.info("Benchmark results ({}):\n{}", machine, markdown);
  }
}
