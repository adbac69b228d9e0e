package org.hybridonboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hybridonboarding.simulation.SharedWorld;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes on one PostgreSQL database, as Camunda 7 scales out: requests go to either, jobs run
 * on both, and every hire still gets exactly one AD account and one licence; people of one name
 * starting at once on both nodes each get names of their own.
 */
class ClusterIT {

  private static final Logger log = LoggerFactory.getLogger(ClusterIT.class);
  private static final int HIRES = 100;
  private static final int NAMESAKES = 30;

  @Test
  void twoNodesShareTheWorkAndCreateEverythingOnce() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.create("cluster");
        SharedWorld world = new SharedWorld(Path.of("target", "nodes", "cluster-world"));
        // One after the other: the first creates the schema, users and filters; the second finds them.
        AppNode a = AppNode.start("node-a", world.nodeJvmOptions(), NodeFixtures.arguments(world, database, "node-a"), world.nodeEnvironment());
        AppNode b = AppNode.start("node-b", world.nodeJvmOptions(), NodeFixtures.arguments(world, database, "node-b"), world.nodeEnvironment())) {
      Instant started = Instant.now();
      List<String> accepted = new ArrayList<>();
      for (int i = 0; i < HIRES; i++) {
        String id = "N%05d".formatted(i + 1);
        AppNode node = i % 2 == 0 ? a : b;
        HttpResponse<String> response = node.post("/api/onboardings", "hr-system", NodeFixtures.request(id, i));
        assertThat(response.statusCode()).as(node.name() + " " + id + ": " + response.body()).isEqualTo(201);
        accepted.add(id);
      }
      // The same hire sent to both nodes at once: one starts, the other is refused.
      List<String> doubleSent = new ArrayList<>();
      ExecutorService both = Executors.newFixedThreadPool(2);
      for (int i = 0; i < 10; i++) {
        String id = "D%05d".formatted(i + 1);
        String body = NodeFixtures.request(id, i);
        List<Future<Integer>> answers = both.invokeAll(List.of(
            () -> a.post("/api/onboardings", "hr-system", body).statusCode(),
            () -> b.post("/api/onboardings", "hr-system", body).statusCode()));
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> answer : answers) {
          codes.add(answer.get());
        }
        assertThat(codes).as(id).containsExactlyInAnyOrder(201, 409);
        doubleSent.add(id);
      }
      both.shutdown();
      // Thirty people of one name at the same moment, half on each node: every name is handed out once.
      List<String> namesakes = new ArrayList<>();
      ExecutorService at = Executors.newFixedThreadPool(10);
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < NAMESAKES; i++) {
        String id = "J%05d".formatted(i + 1);
        AppNode node = i % 2 == 0 ? a : b;
        sent.add(at.submit(() -> node.post("/api/onboardings", "hr-system", NodeFixtures.namesake(id))));
        namesakes.add(id);
      }
      for (Future<HttpResponse<String>> answer : sent) {
        assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
      }
      at.shutdown();

      await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
          .until(() -> NodeFixtures.endStates(database, "N").getOrDefault("EndEvent_Onboarded", 0) == HIRES);
      Duration took = Duration.between(started, Instant.now());

      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
          .until(() -> NodeFixtures.endStates(database, "D").getOrDefault("EndEvent_Onboarded", 0) == doubleSent.size());
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
          .until(() -> NodeFixtures.endStates(database, "J").getOrDefault("EndEvent_Onboarded", 0) == NAMESAKES);
      assertThat(NodeFixtures.endStates(database, "J")).containsOnlyKeys("EndEvent_Onboarded");
      NodeFixtures.assertEachExactlyOnce(world, database, namesakes);
      NodeFixtures.assertDistinctNames(world, "J", NAMESAKES);
      assertThat(NodeFixtures.count(database, "SELECT COUNT(*) FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p "
          + "ON t.PROC_INST_ID_ = p.ID_ WHERE p.BUSINESS_KEY_ LIKE ?", "J%")).as("tasks of the namesakes").isZero();
      assertThat(NodeFixtures.endStates(database, "N")).containsOnlyKeys("EndEvent_Onboarded");
      NodeFixtures.assertEachExactlyOnce(world, database, accepted);
      NodeFixtures.assertEachExactlyOnce(world, database, doubleSent);
      Map<String, Integer> jobs = NodeFixtures.jobsPerNode(database);
      assertThat(jobs.getOrDefault("node-a", 0)).as("jobs on node-a " + jobs).isPositive();
      assertThat(jobs.getOrDefault("node-b", 0)).as("jobs on node-b " + jobs).isPositive();
      // Both nodes read what either wrote.
      assertThat(a.get("/api/onboardings/N00002", "hr-system").body()).contains("\"status\":\"ONBOARDED\"");
      // Neither the bind password, nor the Graph credential, nor any pass the managers were mailed is stored or logged.
      List<String> secrets = new ArrayList<>(world.mailedPasses());
      assertThat(secrets).hasSize(HIRES + doubleSent.size() + NAMESAKES);
      secrets.addAll(List.of(SharedWorld.PASSWORD, SharedWorld.GRAPH_TOKEN));
      List<String> found = NodeFixtures.whereFound(database, List.of(a.log(), b.log()), secrets);
      String cells = found.remove(found.size() - 1);
      assertThat(found).as("where secrets were found").isEmpty();
      // The scan finds what is there: an employeeId is in the history and in the log of whichever
      // node ran its jobs (either may, so the control asks for one of them, not a particular one).
      List<String> control = NodeFixtures.whereFound(database, List.of(a.log(), b.log()), List.of("N00042"));
      assertThat(control).contains("act_hi_procinst.business_key_");
      assertThat(control).containsAnyOf(a.log().toString(), b.log().toString());
      // Both nodes mail from one sender: together they keep under its minute (120 here), so none is answered 429.
      Map<String, Long> requests = world.graphRequests();
      assertThat(requests.getOrDefault("POST /users/{id}/sendMail", 0L)).isGreaterThanOrEqualTo(HIRES + doubleSent.size() + NAMESAKES);
      assertThat(requests.keySet()).as("answered 429: " + requests).noneMatch(key -> key.startsWith("429 "));
      int busiestMinute = NodeFixtures.count(database, "SELECT MAX((SELECT COUNT(*) FROM HO_MAIL_SLOT s2 "
          + "WHERE s2.SENDER_ = s1.SENDER_ AND s2.SENT_AT_ >= s1.SENT_AT_ "
          + "AND s2.SENT_AT_ < s1.SENT_AT_ + INTERVAL '60 seconds')) FROM HO_MAIL_SLOT s1 WHERE s1.SENDER_ <> ?",
          "nobody");
      assertThat(busiestMinute).as("mails of the sender in its busiest minute").isLessThanOrEqualTo(119);
      log.info("Cluster test: {} onboardings over two nodes, all onboarded in {} s; successful jobs per node {}; "
          + "Graph requests {}; duplicates none; {} secrets looked for in {} database cells and both logs, none found; "
          + "{} mails in the sender's busiest minute",
          HIRES, took.toSeconds(), jobs, world.graphRequests(), secrets.size(), cells, busiestMinute);
    }
  }
}
