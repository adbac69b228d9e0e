package org.hybridonboarding.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Graph v1.0 of the simulated tenant over HTTP: bearer-token check, JSON batching
 * ($batch, at most 20 steps), identity throttling with 429 and Retry-After, injected 503/504
 * faults and latency, and request counters per endpoint. The endpoints are {@link GraphApi}'s.
 */
class GraphSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GraphSimulator.class);

  static final String VERSION = "/v1.0";
  static final int MAX_BATCH = 20;
  private static final double THROTTLE_WARNING = 0.8;

  private final GraphApi api;
  private final ExchangeAdminApi adminApi;
  private final ObjectMapper json;
  private final Clock clock;
  private final Throttle throttle;
  private final MailboxLimits mailboxLimits;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
  private volatile SimulatorProperties.Faults faults;

  GraphSimulator(SimulatedTenant tenant, ObjectMapper json, Clock clock, SimulatorProperties properties)
      throws IOException {
    this.api = new GraphApi(tenant);
    this.adminApi = new ExchangeAdminApi(tenant);
    this.json = json;
    this.clock = clock;
    this.throttle = new Throttle(clock, properties.throttling());
    this.mailboxLimits = new MailboxLimits(clock, properties.mailLimits());
    this.faults = properties.faults();
    this.server = HttpServer.create(new InetSocketAddress("localhost", properties.port()), 128);
    this.executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    server.createContext(VERSION + "/", this::handle);
    server.createContext(ExchangeAdminApi.PREFIX, this::handle);
    server.start();
    log.info("Simulated Microsoft Graph listening on http://localhost:{}{}", port(), VERSION);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Requests served so far, by "METHOD /path-template", e.g. "GET /users"; batch steps count singly. */
  Map<String, Long> requestCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    requests.forEach((endpoint, count) -> counts.put(endpoint, count.get()));
    return counts;
  }

  void resetRequestCounts() {
    requests.clear();
  }

  void injectFaults(SimulatorProperties.Faults faults) {
    this.faults = faults;
  }

  void setThrottling(SimulatorProperties.Throttling limits) {
    throttle.setLimits(limits);
  }

  void setMailLimits(SimulatorProperties.MailLimits limits) {
    mailboxLimits.setLimits(limits);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    try (exchange) {
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      GraphApi.Response response;
      try {
        URI uri = exchange.getRequestURI();
        if (uri.getRawPath().startsWith(ExchangeAdminApi.PREFIX)) {
          response = serveAdminApi(exchange.getRequestMethod(), uri.getRawPath(), headers, readBody(exchange));
        } else {
          GraphApi.Request request = new GraphApi.Request(exchange.getRequestMethod(),
              uri.getRawPath().substring(VERSION.length()), query(uri.getRawQuery()), headers, readBody(exchange));
          response = serveTopLevel(request);
        }
      } catch (GraphError error) {
        response = error(error, requestId, headers.get("client-request-id"));
      } catch (RuntimeException e) {
        log.warn("Simulated Graph failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        response = error(new GraphError(500, "generalException", "An internal server error occurred."), requestId,
            headers.get("client-request-id"));
      }
      exchange.getResponseHeaders().add("request-id", requestId);
      if (headers.containsKey("client-request-id")) {
        exchange.getResponseHeaders().add("client-request-id", headers.get("client-request-id"));
      }
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      if (response.body() == null) {
        exchange.sendResponseHeaders(response.status(), -1);
        return;
      }
      byte[] bytes = json.writeValueAsBytes(response.body());
      exchange.getResponseHeaders().add("Content-Type",
          "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
      exchange.sendResponseHeaders(response.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The Exchange Online admin API: a bearer token too, errors in the same error object. */
  private GraphApi.Response serveAdminApi(String method, String path, Map<String, String> headers, JsonNode body) {
    String auth = headers.get("authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.substring(7).isBlank()) {
      count("POST /adminapi (unauthenticated)");
      throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
    }
    if (!method.equals("POST")) {
      throw new GraphError(405, "MethodNotAllowed", "InvokeCommand takes POST.");
    }
    String cmdlet = body == null ? "?" : body.path("CmdletInput").path("CmdletName").asText("?");
    count("POST /adminapi InvokeCommand " + cmdlet);
    return adminApi.invoke(path, body);
  }

  void setExchangeRoleAssigned(boolean assigned) {
    adminApi.setRoleAssigned(assigned);
  }

  private GraphApi.Response serveTopLevel(GraphApi.Request request) {
    String auth = request.header("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.substring(7).isBlank()) {
      count(request.method() + " (unauthenticated)");
      throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
    }
    SimulatorProperties.Faults injected = faults;
    if (!injected.latency().isZero()) {
      sleep(injected.latency().toMillis());
    }
    if (injected.rate() > 0 && ThreadLocalRandom.current().nextDouble() < injected.rate()) {
      count(request.method() + " (injected fault)");
      return ThreadLocalRandom.current().nextBoolean()
          ? error(new GraphError(503, "serviceNotAvailable", "Service Unavailable"), UUID.randomUUID().toString(), null)
          : error(new GraphError(504, "UnknownError", "Gateway Timeout"), UUID.randomUUID().toString(), null);
    }
    if (request.path().equals("/$batch") && request.method().equals("POST")) {
      return batch(request);
    }
    return serve(request);
  }

  /** One request or batch step: routed, counted, throttled, answered. */
  private GraphApi.Response serve(GraphApi.Request request) {
    GraphApi.Route route = api.route(request.method(), request.path(), request.query());
    count(route.endpoint());
    if (route.identity()) {
      Throttle.Decision decision = throttle.admit(route.units(), route.write());
      if (!decision.admitted()) {
        count("429 " + route.endpoint());
        GraphApi.Response refused = error(new GraphError(429, "TooManyRequests",
            "Too many requests. Retry after " + decision.retryAfterSeconds() + " seconds."), UUID.randomUUID().toString(), null);
        Map<String, String> headers = new LinkedHashMap<>(refused.headers());
        headers.put("Retry-After", Long.toString(decision.retryAfterSeconds()));
        return new GraphApi.Response(429, headers, refused.body());
      }
      GraphApi.Response response = route.handler().apply(request);
      if (decision.usage() >= THROTTLE_WARNING) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("x-ms-throttle-limit-percentage", String.format(Locale.ROOT, "%.1f", decision.usage()));
        return new GraphApi.Response(response.status(), headers, response.body());
      }
      return response;
    }
    if (route.mailbox() != null) {
      return serveMailbox(route, request);
    }
    return route.handler().apply(request);
  }

  /** An Outlook request: within the mailbox's limits, and a send within the sender's. */
  private GraphApi.Response serveMailbox(GraphApi.Route route, GraphApi.Request request) {
    int recipients = route.endpoint().endsWith("/sendMail") ? GraphApi.recipients(request) : 0;
    MailboxLimits.Decision decision = mailboxLimits.enter(route.mailbox(), recipients);
    if (!decision.admitted()) {
      count("429 " + route.endpoint() + " " + decision.refusal());
      GraphApi.Response refused = error(refusal(decision, route.mailbox()), UUID.randomUUID().toString(), null);
      Map<String, String> headers = new LinkedHashMap<>(refused.headers());
      headers.put("Retry-After", Long.toString(decision.retryAfterSeconds()));
      return new GraphApi.Response(429, headers, refused.body());
    }
    boolean answered = false;
    try {
      GraphApi.Response response = route.handler().apply(request);
      answered = response.status() < 400;
      return response;
    } finally {
      mailboxLimits.leave(route.mailbox(), decision, answered);
    }
  }

  /** Outlook's throttling errors, and Exchange's for a sender over its sending limits. */
  private static GraphError refusal(MailboxLimits.Decision decision, String mailbox) {
    return switch (decision.refusal()) {
      case CONCURRENCY -> new GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.");
      case REQUESTS -> new GraphError(429, "ApplicationThrottled",
          "Application is over its request limit for mailbox " + mailbox + ".");
      case MESSAGE_RATE -> new GraphError(429, "SubmissionQuotaExceeded",
          "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; " + mailbox
              + " has exceeded its message rate limit. Retry after " + decision.retryAfterSeconds() + " seconds.");
      case RECIPIENT_RATE -> new GraphError(429, "SubmissionQuotaExceeded",
          "550 5.1.90 Your message can't be sent because " + mailbox
              + " has reached its daily limit for message recipients. Retry after " + decision.retryAfterSeconds() + " seconds.");
    };
  }

  /** JSON batching: each step is served on its own (and counts and is throttled on its own). */
  private GraphApi.Response batch(GraphApi.Request request) {
    JsonNode steps = request.body() == null ? null : request.body().path("requests");
    if (steps == null || !steps.isArray() || steps.isEmpty()) {
      throw new GraphError(400, "BadRequest", "Invalid batch payload format.");
    }
    if (steps.size() > MAX_BATCH) {
      throw new GraphError(400, "BadRequest", "The number of batch requests exceeds the limit of " + MAX_BATCH + ".");
    }
    count("POST /$batch");
    List<Map<String, Object>> responses = new ArrayList<>();
    for (JsonNode step : steps) {
      String id = step.path("id").asText();
      GraphApi.Response response;
      try {
        String url = step.path("url").asText();
        URI uri = URI.create(url.startsWith("/") ? url : "/" + url);
        Map<String, String> headers = new LinkedHashMap<>();
        step.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
        response = serve(new GraphApi.Request(step.path("method").asText("GET"), uri.getRawPath(),
            query(uri.getRawQuery()), headers, step.has("body") ? step.get("body") : null));
      } catch (GraphError error) {
        response = error(error, UUID.randomUUID().toString(), null);
      }
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("id", id);
      answer.put("status", response.status());
      Map<String, String> headers = new LinkedHashMap<>(response.headers());
      if (response.body() != null) {
        headers.put("Content-Type", "application/json");
      }
      answer.put("headers", headers);
      if (response.body() != null) {
        answer.put("body", response.body());
      }
      responses.add(answer);
    }
    return GraphApi.Response.ok(Map.of("responses", responses));
  }

  private GraphApi.Response error(GraphError error, String requestId, String clientRequestId) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("date", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("code", error.code());
    detail.put("message", error.getMessage());
    detail.put("innerError", inner);
    Map<String, String> headers = error.status() == 401
        ? Map.of("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"") : Map.of();
    return new GraphApi.Response(error.status(), headers, Map.of("error", detail));
  }

  private JsonNode readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length == 0) {
        return null;
      }
      try {
        return json.readTree(bytes);
      } catch (IOException e) {
        throw new GraphError(400, "BadRequest", "Invalid JSON in the request body.");
      }
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      query.put(GraphApi.decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : GraphApi.decode(pair.substring(eq + 1)));
    }
    return query;
  }

  private void count(String endpoint) {
    requests.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
