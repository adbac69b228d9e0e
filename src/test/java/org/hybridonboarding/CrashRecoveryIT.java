package org.hybridonboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hybridonboarding.simulation.SharedWorld;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGKILL in the middle of 50 onboardings on PostgreSQL, then a restart: every accepted request
 * ends Onboarded, each hire with exactly one AD account and one licence. The directory and the
 * tenant live in this JVM, so they outlive the killed node.
 */
class CrashRecoveryIT {

  private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIT.class);
  private static final int HIRES = 50;

  @Test
  void aKilledNodeLosesNothingAndDuplicatesNothing() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.create("crash");
        SharedWorld world = new SharedWorld(Path.of("target", "nodes", "crash-world"))) {
      List<String> accepted = new CopyOnWriteArrayList<>();
      List<String> unanswered = new CopyOnWriteArrayList<>();
      List<String> refused = new CopyOnWriteArrayList<>();
      AppNode first = AppNode.start("crash-before", world.nodeJvmOptions(),
          NodeFixtures.arguments(world, database, "crash-before"), world.nodeEnvironment());
      // HR sends from five threads; a request a kill cut off would have no answer, and HR would send it again.
      ExecutorService hr = Executors.newFixedThreadPool(5);
      for (int i = 0; i < HIRES; i++) {
        int index = i;
        String id = "K%05d".formatted(i + 1);
        hr.submit(() -> {
          try {
            HttpResponse<String> response = first.post("/api/onboardings", "hr-system", NodeFixtures.request(id, index));
            (response.statusCode() == 201 ? accepted : refused).add(id + " " + response.statusCode());
          } catch (java.io.IOException e) {
            unanswered.add(id);
          }
        });
      }
      try {
        // Killed the moment the last request is answered: every onboarding started, most far from finished.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
            .until(() -> accepted.size() + refused.size() + unanswered.size() == HIRES);
      } finally {
        first.kill();
      }
      hr.shutdown();
      assertThat(hr.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
      assertThat(refused).isEmpty();
      Instant killed = Instant.now();
      int accountsAtKill = world.adAccountsWithPrefix("K");
      int onboardedAtKill = NodeFixtures.endStates(database, "K").getOrDefault("EndEvent_Onboarded", 0);
      assertThat(onboardedAtKill).as("onboardings finished before the kill").isLessThan(HIRES);

      try (AppNode second = AppNode.start("crash-after", world.nodeJvmOptions(),
          NodeFixtures.arguments(world, database, "crash-after"), world.nodeEnvironment())) {
        Duration startUp = Duration.between(killed, Instant.now());
        List<String> resent = new ArrayList<>();
        for (String id : unanswered) {
          // 201: it had not arrived; 409: it had, and is running — either way accounted for.
          HttpResponse<String> response = second.post("/api/onboardings", "hr-system",
              NodeFixtures.request(id, Integer.parseInt(id.substring(1)) - 1));
          assertThat(response.statusCode()).as(id + ": " + response.body()).isIn(201, 409);
          resent.add(id + "=" + response.statusCode());
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
            .until(() -> NodeFixtures.endStates(database, "K").getOrDefault("EndEvent_Onboarded", 0) == HIRES);
        Duration recovered = Duration.between(killed, Instant.now());

        assertThat(NodeFixtures.endStates(database, "K")).containsOnlyKeys("EndEvent_Onboarded");
        List<String> all = new ArrayList<>(accepted.stream().map(a -> a.split(" ")[0]).toList());
        all.addAll(unanswered);
        assertThat(all).hasSize(HIRES);
        NodeFixtures.assertEachExactlyOnce(world, database, all);
        log.info("Crash test: {} answered 201 before the kill, {} cut off and sent again ({}); killed with {} AD accounts "
            + "created and {} onboarded; node up again {} s after the kill, all {} onboarded {} s after the kill; "
            + "successful jobs per node {}; duplicates none",
            accepted.size(), unanswered.size(), resent, accountsAtKill, onboardedAtKill, startUp.toSeconds(), HIRES,
            recovered.toSeconds(), NodeFixtures.jobsPerNode(database));
      }
    }
  }
}
