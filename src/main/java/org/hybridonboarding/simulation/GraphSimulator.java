package org.hybridonboarding.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Graph v1.0 as the simulated tenant serves it over HTTP: the endpoints the onboarding
 * uses, with Graph's JSON, its error bodies, its bearer-token check and its rules for $filter
 * and $select.
 */
class GraphSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GraphSimulator.class);

  static final String VERSION = "/v1.0";
  private static final Pattern USER = Pattern.compile("/users/([^/]+)");
  private static final Pattern USER_ACTION = Pattern.compile("/users/([^/]+)/(assignLicense|mailboxSettings)");
  private static final Pattern FILTER_CLAUSE = Pattern.compile(
      "\\s*(\\w+)\\s+eq\\s+(?:'((?:[^']|'')*)'|(true|false))\\s*");
  /** Filterable by default; everything else in a filter needs an advanced query or is unsupported. */
  private static final Set<String> DEFAULT_FILTERABLE = Set.of("id", "userPrincipalName", "employeeId",
      "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "usageLocation", "mail", "displayName",
      "givenName", "surname", "accountEnabled");
  private static final Set<String> ADVANCED_FILTERABLE = Set.of("onPremisesImmutableId",
      "onPremisesSamAccountName", "onPremisesLastSyncDateTime");
  private static final List<String> DEFAULT_USER_PROPERTIES = List.of("businessPhones", "displayName",
      "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname",
      "userPrincipalName", "id");
  /** Properties a client may change on a user mastered on-premises. */
  private static final Set<String> CLOUD_MASTERED = Set.of("usageLocation", "preferredLanguage");

  private final SimulatedTenant tenant;
  private final ObjectMapper json;
  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

  GraphSimulator(SimulatedTenant tenant, ObjectMapper json, Clock clock, int port) throws IOException {
    this.tenant = tenant;
    this.json = json;
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress("localhost", port), 64);
    this.executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext(VERSION + "/", this::handle);
    server.start();
    log.info("Simulated Microsoft Graph listening on http://localhost:{}{}", port(), VERSION);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Requests served so far, by "METHOD /path-template", e.g. "GET /users". */
  Map<String, Long> requestCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    requests.forEach((endpoint, count) -> counts.put(endpoint, count.get()));
    return counts;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    try (exchange) {
      exchange.getResponseHeaders().add("request-id", requestId);
      String clientRequestId = exchange.getRequestHeaders().getFirst("client-request-id");
      if (clientRequestId != null) {
        exchange.getResponseHeaders().add("client-request-id", clientRequestId);
      }
      try {
        route(exchange);
      } catch (GraphError error) {
        sendError(exchange, error, requestId);
      } catch (RuntimeException e) {
        log.warn("Simulated Graph failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        sendError(exchange, new GraphError(500, "generalException", "An internal server error occurred."), requestId);
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath().substring(VERSION.length());
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.substring(7).isBlank()) {
      count(method, "(unauthenticated)");
      throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
    }
    Matcher action = USER_ACTION.matcher(path);
    Matcher user = USER.matcher(path);
    if (path.equals("/users") && method.equals("GET")) {
      count(method, "/users");
      listUsers(exchange, query);
    } else if (path.equals("/subscribedSkus") && method.equals("GET")) {
      count(method, "/subscribedSkus");
      send(exchange, 200, collection("subscribedSkus", tenant.skus().stream().map(this::skuJson).toList(), null));
    } else if (action.matches() && action.group(2).equals("assignLicense") && method.equals("POST")) {
      count(method, "/users/{id}/assignLicense");
      assignLicense(exchange, decode(action.group(1)));
    } else if (action.matches() && action.group(2).equals("mailboxSettings") && method.equals("GET")) {
      count(method, "/users/{id}/mailboxSettings");
      mailboxSettings(exchange, decode(action.group(1)));
    } else if (user.matches() && method.equals("GET")) {
      count(method, "/users/{id}");
      SimulatedTenant.User found = tenant.user(decode(user.group(1)));
      send(exchange, 200, entity("users/$entity", select(userJson(found), query.get("$select"))));
    } else if (user.matches() && method.equals("PATCH")) {
      count(method, "/users/{id}");
      patchUser(exchange, decode(user.group(1)));
    } else {
      count(method, "(unknown)");
      throw new GraphError(400, "BadRequest", "Resource not found for the segment '"
          + path.substring(path.lastIndexOf('/') + 1) + "'.");
    }
  }

  private void listUsers(HttpExchange exchange, Map<String, String> query) throws IOException {
    boolean advanced = "eventual".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("ConsistencyLevel"))
        && "true".equalsIgnoreCase(query.get("$count"));
    Map<String, String> clauses = filter(query.get("$filter"), advanced);
    List<Map<String, Object>> matching = new ArrayList<>();
    for (SimulatedTenant.User candidate : tenant.users()) {
      Map<String, Object> full = userJson(candidate);
      boolean all = clauses.entrySet().stream()
          .allMatch(c -> c.getValue().equalsIgnoreCase(String.valueOf(full.get(c.getKey()))));
      if (all) {
        matching.add(select(full, query.get("$select")));
      }
    }
    Long count = "true".equalsIgnoreCase(query.get("$count")) ? (long) matching.size() : null;
    send(exchange, 200, collection("users", matching, count));
  }

  /** Parses "a eq 'x' and b eq 'y'" as Graph does for the properties it can filter on. */
  private static Map<String, String> filter(String filter, boolean advanced) {
    Map<String, String> clauses = new LinkedHashMap<>();
    if (filter == null || filter.isBlank()) {
      return clauses;
    }
    for (String clause : filter.split("(?i)\\s+and\\s+")) {
      Matcher m = FILTER_CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw new GraphError(400, "BadRequest", "Invalid filter clause: " + clause.strip());
      }
      String property = m.group(1);
      boolean supported = DEFAULT_FILTERABLE.contains(property)
          || (advanced && ADVANCED_FILTERABLE.contains(property));
      if (!supported) {
        throw new GraphError(400, "Request_UnsupportedQuery",
            "Unsupported or invalid query filter clause specified for property '" + property + "' of resource 'User'.");
      }
      clauses.put(property, m.group(2) != null ? m.group(2).replace("''", "'") : m.group(3));
    }
    return clauses;
  }

  private void assignLicense(HttpExchange exchange, String id) throws IOException {
    JsonNode body = readBody(exchange);
    List<UUID> add = new ArrayList<>();
    List<UUID> remove = new ArrayList<>();
    JsonNode addLicenses = body.path("addLicenses");
    JsonNode removeLicenses = body.path("removeLicenses");
    if (!addLicenses.isArray() || !removeLicenses.isArray()) {
      throw new GraphError(400, "Request_BadRequest",
          "Invalid request: addLicenses and removeLicenses are required.");
    }
    for (JsonNode license : addLicenses) {
      add.add(uuid(license.path("skuId").asText()));
    }
    for (JsonNode skuId : removeLicenses) {
      remove.add(uuid(skuId.asText()));
    }
    SimulatedTenant.User user = tenant.assignLicense(id, add, remove);
    send(exchange, 200, entity("users/$entity", select(userJson(user), null)));
  }

  private void mailboxSettings(HttpExchange exchange, String id) throws IOException {
    SimulatedTenant.User user = tenant.user(id);
    if (!tenant.hasMailbox(user)) {
      throw new GraphError(404, "MailboxNotEnabledForRESTAPI",
          "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users('" + user.id + "')/mailboxSettings");
    settings.put("archiveFolder", "AAMkAGI2TG93AAA=");
    settings.put("timeZone", "UTC");
    settings.put("automaticRepliesSetting", Map.of("status", "disabled", "externalAudience", "all"));
    settings.put("language", Map.of("locale", "en-US", "displayName", "English (United States)"));
    settings.put("dateFormat", "M/d/yyyy");
    settings.put("timeFormat", "h:mm tt");
    settings.put("userPurpose", "user");
    send(exchange, 200, settings);
  }

  private void patchUser(HttpExchange exchange, String id) throws IOException {
    JsonNode body = readBody(exchange);
    List<String> names = new ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    tenant.user(id);
    for (String name : names) {
      // OData annotations such as "@odata.type" (the SDK always sends it) are not properties.
      if (!name.startsWith("@") && !CLOUD_MASTERED.contains(name)) {
        throw new GraphError(400, "Request_BadRequest", "Unable to update the specified properties for "
            + "on-premises mastered Directory Sync objects or objects currently undergoing migration.");
      }
    }
    if (body.has("usageLocation")) {
      tenant.setUsageLocation(id, body.get("usageLocation").isNull() ? null : body.get("usageLocation").asText());
    }
    exchange.sendResponseHeaders(204, -1);
  }

  private Map<String, Object> userJson(SimulatedTenant.User user) {
    SyncedAccount source = user.source;
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("id", user.id);
    u.put("businessPhones", List.of());
    u.put("displayName", source.displayName());
    u.put("givenName", source.givenName());
    u.put("surname", source.surname());
    u.put("jobTitle", source.jobTitle());
    u.put("department", source.department());
    u.put("mail", source.mail());
    u.put("mailNickname", source.mailNickname());
    u.put("mobilePhone", null);
    u.put("officeLocation", null);
    u.put("preferredLanguage", null);
    u.put("userPrincipalName", user.userPrincipalName);
    u.put("employeeId", source.employeeId());
    u.put("usageLocation", user.usageLocation);
    u.put("accountEnabled", source.accountEnabled());
    u.put("proxyAddresses", source.proxyAddresses());
    u.put("createdDateTime", user.createdDateTime.toString());
    u.put("onPremisesImmutableId", source.immutableId());
    u.put("onPremisesSamAccountName", source.samAccountName());
    u.put("onPremisesSyncEnabled", true);
    u.put("onPremisesLastSyncDateTime", user.lastSync.toString());
    List<Map<String, Object>> assigned = new ArrayList<>();
    List<Map<String, Object>> states = new ArrayList<>();
    for (UUID skuId : user.assignedSkus) {
      assigned.add(Map.of("skuId", skuId.toString(), "disabledPlans", List.of()));
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("skuId", skuId.toString());
      state.put("disabledPlans", List.of());
      state.put("assignedByGroup", null);
      state.put("state", "Active");
      state.put("error", "None");
      state.put("lastUpdatedDateTime", user.licensedAt.toString());
      states.add(state);
    }
    u.put("assignedLicenses", assigned);
    u.put("licenseAssignmentStates", states);
    List<Map<String, Object>> plans = new ArrayList<>();
    if (user.licensedAt != null) {
      boolean ready = tenant.hasMailbox(user);
      plans.add(Map.of("capabilityStatus", "Enabled", "service", "exchange",
          "provisioningStatus", ready ? "Success" : "PendingProvisioning"));
    }
    u.put("provisionedPlans", plans);
    return u;
  }

  private Map<String, Object> skuJson(SimulatedTenant.Sku sku) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("accountId", "c2e6b33c-0b1d-4f8e-9c9e-6d0b5a1e4f11");
    s.put("appliesTo", "User");
    s.put("capabilityStatus", "Enabled");
    s.put("consumedUnits", sku.consumed.get());
    s.put("id", "c2e6b33c-0b1d-4f8e-9c9e-6d0b5a1e4f11_" + sku.skuId);
    s.put("skuId", sku.skuId.toString());
    s.put("skuPartNumber", sku.skuPartNumber);
    s.put("subscriptionIds", List.of());
    s.put("prepaidUnits", Map.of("enabled", sku.prepaidEnabled, "lockedOut", 0, "suspended", 0, "warning", 0));
    s.put("servicePlans", List.of(Map.of("servicePlanId", SimulatedTenant.EXCHANGE_PLAN_ID,
        "servicePlanName", SimulatedTenant.EXCHANGE_PLAN_NAME, "provisioningStatus", "Success", "appliesTo", "User")));
    return s;
  }

  /** Without $select Graph returns its default set; with it, only what was asked (always the id). */
  private static Map<String, Object> select(Map<String, Object> full, String select) {
    Set<String> wanted = new LinkedHashSet<>(select == null || select.isBlank()
        ? DEFAULT_USER_PROPERTIES : Arrays.stream(select.split(",")).map(String::strip).toList());
    wanted.add("id");
    Map<String, Object> selected = new LinkedHashMap<>();
    for (String property : wanted) {
      if (full.containsKey(property)) {
        selected.put(property, full.get(property));
      }
    }
    return selected;
  }

  private static Map<String, Object> collection(String set, List<?> values, Long count) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#" + set);
    if (count != null) {
      body.put("@odata.count", count);
    }
    body.put("value", values);
    return body;
  }

  private static Map<String, Object> entity(String set, Map<String, Object> properties) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#" + set);
    body.putAll(properties);
    return body;
  }

  private void sendError(HttpExchange exchange, GraphError error, String requestId) throws IOException {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("date", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    inner.put("request-id", requestId);
    inner.put("client-request-id", exchange.getRequestHeaders().getFirst("client-request-id"));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("code", error.code());
    detail.put("message", error.getMessage());
    detail.put("innerError", inner);
    if (error.status() == 401) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
    }
    send(exchange, error.status(), Map.of("error", detail));
  }

  private void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type",
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private JsonNode readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length == 0) {
        throw new GraphError(400, "BadRequest", "Empty Payload. JSON content expected.");
      }
      try {
        return json.readTree(bytes);
      } catch (IOException e) {
        throw new GraphError(400, "BadRequest", "Invalid JSON in the request body.");
      }
    }
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new GraphError(400, "Request_BadRequest", "Invalid value specified for property 'skuId'.");
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return query;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private void count(String method, String endpoint) {
    requests.computeIfAbsent(method + " " + endpoint, k -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
