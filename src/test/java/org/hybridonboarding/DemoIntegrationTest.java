package org.hybridonboarding;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo configuration, booted once for all integration tests that extend this class: the
 * embedded directory over real LDAP, the simulated tenant over real HTTP, the engine on H2,
 * with timings short enough that an onboarding completes in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "onboarding.simulator.sync-interval=PT1S",
    "onboarding.simulator.mailbox-delay=PT2S",
    "onboarding.simulator.replication-lag=PT0S",
    "onboarding.replication.poll-interval=PT1S",
    "onboarding.replication.timeout=PT2M",
    "onboarding.mailbox.poll-interval=PT1S",
    "onboarding.mailbox.timeout=PT2M",
    "onboarding.jobs.retry-cycle=PT1S,PT2S,PT3S",
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=500",
    // A subclass may point spring.ldap.urls elsewhere (a Samba DC) with its own @DynamicPropertySource.
    "spring.ldap.urls=ldap://localhost:${test.embedded-ldap-port}",
})
// The simulator's controls, for tests in any package.
@org.springframework.context.annotation.Import(org.hybridonboarding.simulation.SimulatorControls.class)
public abstract class DemoIntegrationTest {

  /**
   * Each context (test classes with other properties get their own) has its own ports and its own
   * in-memory database: cached contexts stay alive, and two engines on one database would run each
   * other's jobs.
   */
  @DynamicPropertySource
  static void isolate(DynamicPropertyRegistry registry) {
    int ldapPort = freePort();
    int graphPort = freePort();
    String database = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE";
    registry.add("test.embedded-ldap-port", () -> ldapPort);
    registry.add("onboarding.simulator.port", () -> graphPort);
    registry.add("spring.datasource.url", () -> database);
  }

  @Value("${spring.ldap.urls}")
  private String ldapUrl;

  /** The embedded directory's port in this context. */
  protected int ldapPort() {
    return URI.create(ldapUrl).getPort();
  }

  @LocalServerPort
  protected int port;

  private final HttpClient http = HttpClient.newHttpClient();

  protected HttpResponse<String> get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  protected HttpResponse<String> post(String path, String user, String json) {
    return send(request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** A request as that demo user (password = user id), or anonymous when user is null. */
  protected HttpRequest.Builder request(String path, String user) {
    return request(path, user, user);
  }

  /** A request with HTTP Basic as that user, or anonymous when user is null. */
  protected HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  /** Tasklist's own login form, a session and its CSRF token first as the browser has them: the HTTP status. */
  protected int tasklistLogin(String user, String password) {
    HttpResponse<String> page = get("/camunda/app/tasklist/default/", null);
    java.util.List<String> cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList();
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = send(request("/camunda/api/admin/auth/user/default/login/tasklist", null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", String.join("; ", cookies))
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8))).build());
    return login.statusCode();
  }

  protected HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts an onboarding as the HR system and checks it was accepted. */
  protected void startOnboarding(String json) {
    HttpResponse<String> created = post("/api/onboardings", "hr-system", json);
    if (created.statusCode() != 201) {
      throw new AssertionError("onboarding not started: " + created.statusCode() + " " + created.body());
    }
  }

  /** Waits until the onboarding leaves RUNNING, opens a task or raises an incident, and returns its state. */
  protected JsonNode awaitSettled(String employeeId) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
        .until(() -> status(employeeId), s -> !s.path("status").asText().equals("RUNNING")
            || !s.path("openTasks").isEmpty() || !s.path("incidents").isEmpty());
  }

  /** The approval task, once the names are previewed for the approver (an asynchronous step). */
  protected String awaitApprovalTask(String employeeId) {
    JsonNode tasks = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> JSON.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + employeeId
            + "&taskDefinitionKey=Task_ApproveOnboarding", "approver").body()), t -> t.size() == 1);
    return tasks.get(0).path("id").asText();
  }

  /** What the approver does in Tasklist, over the same REST API Tasklist uses. */
  protected void approve(String employeeId, boolean approved) {
    HttpResponse<String> completed = post("/engine-rest/task/" + awaitApprovalTask(employeeId) + "/complete", "approver",
        "{\"variables\":{\"approved\":{\"value\":" + approved + "},\"approvalComment\":{\"value\":\"From a test\"}}}");
    if (completed.statusCode() != 204) {
      throw new AssertionError("approval not completed: " + completed.body());
    }
  }

  protected JsonNode status(String employeeId) throws IOException {
    return JSON.readTree(get("/api/onboardings/" + employeeId, "hr-system").body());
  }

  /** What an operator does in Tasklist on a failure task, over the REST API Tasklist uses. */
  protected void resolve(String employeeId, String resolution) throws IOException {
    resolve(employeeId, "\"resolution\":{\"value\":\"" + resolution + "\"}", true);
  }

  /** Completes the operator's task with these variables (JSON members of "variables"). */
  protected void resolve(String employeeId, String variables, boolean raw) throws IOException {
    JsonNode tasks = JSON.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + employeeId
        + "&candidateGroup=onboarding-operators", "operator").body());
    if (tasks.size() != 1) {
      throw new AssertionError("expected one failure task for " + employeeId + ": " + tasks);
    }
    HttpResponse<String> completed = post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
        "operator", "{\"variables\":{" + variables + "}}");
    if (completed.statusCode() != 204) {
      throw new AssertionError("task not completed: " + completed.body());
    }
  }

  @org.springframework.beans.factory.annotation.Autowired
  private org.camunda.bpm.engine.RuntimeService engine;

  /** The process instance an onboarding runs in a call now (a problem being resolved, the undo). */
  protected String calledInstance(String processInstanceId) {
    return engine.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).singleResult().getId();
  }

  /** The one AD account with this employeeID, read over LDAP as an admin would (every attribute, objectGUID too). */
  protected com.unboundid.ldap.sdk.SearchResultEntry adAccount(String employeeId) throws Exception {
    try (com.unboundid.ldap.sdk.LDAPConnection ldap = new com.unboundid.ldap.sdk.LDAPConnection("localhost", ldapPort(),
        "CN=admin,DC=contoso,DC=com", "admin")) {
      var result = ldap.search("DC=contoso,DC=com", com.unboundid.ldap.sdk.SearchScope.SUB,
          com.unboundid.ldap.sdk.Filter.createEqualityFilter("employeeID", employeeId), "*", "objectGUID", "unicodePwd");
      if (result.getEntryCount() != 1) {
        throw new AssertionError(result.getEntryCount() + " AD accounts have employeeID " + employeeId);
      }
      return result.getSearchEntries().get(0);
    }
  }

  protected static final ObjectMapper JSON = new ObjectMapper();

  protected static String request(String employeeId, String givenName, String surname, String extra) {
    return """
        {"employeeId":"%s","givenName":"%s","surname":"%s","department":"Finance","jobTitle":"Accountant",
         "managerEmployeeId":"E00001","usageLocation":"DE","startDate":"%s"%s}"""
        .formatted(employeeId, givenName, surname, java.time.LocalDate.now().plusDays(3), extra);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
