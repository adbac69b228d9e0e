package org.hybridonboarding.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Graph v1.0 endpoints the onboarding uses, over the simulated tenant: Graph's JSON, its
 * rules for $filter and $select, and its errors. Transport, authentication, throttling and
 * faults are the {@link GraphSimulator}'s.
 */
final class GraphApi {

  /** A request as an endpoint sees it; header names in lower case. */
  record Request(String method, String path, Map<String, String> query, Map<String, String> headers, JsonNode body) {

    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** An answer; body null for 202 and 204. */
  record Response(int status, Map<String, String> headers, Object body) {

    static Response ok(Object body) {
      return new Response(200, Map.of(), body);
    }

    static Response status(int status) {
      return new Response(status, Map.of(), null);
    }
  }

  /**
   * A matched endpoint.
   *
   * @param endpoint "METHOD /template", for request counters
   * @param identity counted against the identity throttling limits
   * @param units resource units it costs
   */
  record Route(String endpoint, boolean identity, int units, boolean write, Function<Request, Response> handler) {
  }

  private static final Pattern USER = Pattern.compile("/users/([^/]+)");
  private static final Pattern USER_PART = Pattern.compile("/users/([^/]+)/(assignLicense|mailboxSettings|sendMail|messages)");
  private static final Pattern TAP = Pattern.compile("/users/([^/]+)/authentication/temporaryAccessPassMethods");
  private static final Pattern FILTER_CLAUSE = Pattern.compile(
      "\\s*(?:(\\w+)\\s+eq\\s+(?:'((?:[^']|'')*)'|(true|false))|proxyAddresses/any\\((\\w+):\\4\\s+eq\\s+'((?:[^']|'')*)'\\))\\s*");
  /** Filterable by default; everything else in a filter needs an advanced query or is unsupported. */
  private static final Set<String> DEFAULT_FILTERABLE = Set.of("id", "userPrincipalName", "employeeId",
      "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "usageLocation", "mail", "displayName",
      "givenName", "surname", "accountEnabled", "proxyAddresses");
  private static final Set<String> ADVANCED_FILTERABLE = Set.of("onPremisesImmutableId",
      "onPremisesSamAccountName", "onPremisesLastSyncDateTime");
  private static final List<String> DEFAULT_USER_PROPERTIES = List.of("businessPhones", "displayName",
      "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname",
      "userPrincipalName", "id");
  /** Properties a client may change on a user mastered on-premises. */
  private static final Set<String> CLOUD_MASTERED = Set.of("usageLocation", "preferredLanguage");

  static final int DELTA_PAGE = 100;

  private final SimulatedTenant tenant;

  GraphApi(SimulatedTenant tenant) {
    this.tenant = tenant;
  }

  /** Finds the endpoint; unknown ones are Graph's 400 "Resource not found for the segment". */
  Route route(String method, String path, Map<String, String> query) {
    Matcher part = USER_PART.matcher(path);
    Matcher tap = TAP.matcher(path);
    Matcher user = USER.matcher(path);
    int readUnits = query.containsKey("$select") ? 1 : 2;
    if ((path.equals("/users/delta") || path.equals("/users/delta()")) && method.equals("GET")) {
      return new Route("GET /users/delta", true, readUnits, false, this::usersDelta);
    }
    if (path.equals("/users") && method.equals("GET")) {
      return new Route("GET /users", true, readUnits, false, this::listUsers);
    }
    if (path.equals("/subscribedSkus") && method.equals("GET")) {
      return new Route("GET /subscribedSkus", true, 1, false, r -> Response.ok(
          collection("subscribedSkus", tenant.skus().stream().map(GraphApi::skuJson).toList(), null)));
    }
    if (tap.matches() && method.equals("POST")) {
      return new Route("POST /users/{id}/authentication/temporaryAccessPassMethods", true, 1, true,
          r -> createTap(decode(tap.group(1)), r));
    }
    if (tap.matches() && method.equals("GET")) {
      return new Route("GET /users/{id}/authentication/temporaryAccessPassMethods", true, 1, false,
          r -> listTaps(decode(tap.group(1))));
    }
    if (part.matches()) {
      String id = decode(part.group(1));
      switch (part.group(2) + " " + method) {
        case "assignLicense POST":
          return new Route("POST /users/{id}/assignLicense", true, 1, true, r -> assignLicense(id, r));
        case "mailboxSettings GET":
          return new Route("GET /users/{id}/mailboxSettings", false, 0, false, r -> mailboxSettings(id));
        case "sendMail POST":
          return new Route("POST /users/{id}/sendMail", false, 0, false, r -> sendMail(id, r));
        case "messages GET":
          return new Route("GET /users/{id}/messages", false, 0, false, r -> messages(id));
        default:
          break;
      }
    }
    if (user.matches() && method.equals("GET")) {
      String id = decode(user.group(1));
      return new Route("GET /users/{id}", true, readUnits, false,
          r -> Response.ok(entity("users/$entity", select(userJson(tenant.user(id)), r.query().get("$select")))));
    }
    if (user.matches() && method.equals("PATCH")) {
      String id = decode(user.group(1));
      return new Route("PATCH /users/{id}", true, 1, true, r -> patchUser(id, r));
    }
    throw new GraphError(400, "BadRequest", "Resource not found for the segment '"
        + path.substring(path.lastIndexOf('/') + 1) + "'.");
  }

  private Response listUsers(Request request) {
    Map<String, String> query = request.query();
    boolean advanced = "eventual".equalsIgnoreCase(request.header("ConsistencyLevel"))
        && "true".equalsIgnoreCase(query.get("$count"));
    List<List<String[]>> disjunction = filter(query.get("$filter"), advanced);
    List<Map<String, Object>> matching = new ArrayList<>();
    for (SimulatedTenant.User candidate : tenant.users()) {
      Map<String, Object> full = userJson(candidate);
      if (disjunction.isEmpty() || disjunction.stream().anyMatch(clauses -> clauses.stream().allMatch(c -> matches(full, c)))) {
        matching.add(select(full, query.get("$select")));
      }
    }
    Long count = "true".equalsIgnoreCase(query.get("$count")) ? (long) matching.size() : null;
    return Response.ok(collection("users", matching, count));
  }

  /**
   * Delta query: the first call (no token) enumerates every user, later ones only the users
   * changed since their token; pages of DELTA_PAGE with @odata.nextLink, the last page with an
   * @odata.deltaLink for next time. Tokens here are change sequence numbers (opaque to clients);
   * a token can be used more than once, as Graph's can.
   */
  private Response usersDelta(Request request) {
    Map<String, String> query = request.query();
    long after;
    long upTo;
    try {
      if (query.containsKey("$skiptoken")) {
        String[] range = query.get("$skiptoken").split("-", 2);
        after = Long.parseLong(range[0]);
        upTo = Long.parseLong(range[1]);
      } else {
        after = query.containsKey("$deltatoken") ? Long.parseLong(query.get("$deltatoken")) : 0;
        upTo = tenant.changeSequence();
      }
    } catch (RuntimeException e) {
      throw new GraphError(400, "BadRequest", "Badly formed token.");
    }
    List<SimulatedTenant.User> page = tenant.changedAfter(after, upTo, DELTA_PAGE);
    List<Map<String, Object>> values = page.stream().map(user -> select(userJson(user), query.get("$select"))).toList();
    Map<String, Object> body = collection("users", values, null);
    String select = query.containsKey("$select") ? "&$select=" + query.get("$select") : "";
    String base = "http://" + request.header("host") + GraphSimulator.VERSION + "/users/delta?";
    if (page.size() == DELTA_PAGE && page.get(page.size() - 1).changed < upTo) {
      body.put("@odata.nextLink", base + "$skiptoken=" + page.get(page.size() - 1).changed + "-" + upTo + select);
    } else {
      body.put("@odata.deltaLink", base + "$deltatoken=" + upTo + select);
    }
    return Response.ok(body);
  }

  @SuppressWarnings("unchecked")
  private static boolean matches(Map<String, Object> user, String[] clause) {
    Object value = user.get(clause[0]);
    if (value instanceof List<?> list) {
      return ((List<Object>) list).stream().anyMatch(v -> clause[1].equalsIgnoreCase(String.valueOf(v)));
    }
    return clause[1].equalsIgnoreCase(String.valueOf(value));
  }

  /** Parses "a eq 'x' and b eq 'y' or proxyAddresses/any(p:p eq 'z')" as ORs of ANDs. */
  private static List<List<String[]>> filter(String filter, boolean advanced) {
    List<List<String[]>> disjunction = new ArrayList<>();
    if (filter == null || filter.isBlank()) {
      return disjunction;
    }
    for (String conjunction : filter.split("(?i)\\s+or\\s+")) {
      List<String[]> clauses = new ArrayList<>();
      for (String clause : conjunction.split("(?i)\\s+and\\s+")) {
        Matcher m = FILTER_CLAUSE.matcher(clause);
        if (!m.matches()) {
          throw new GraphError(400, "BadRequest", "Invalid filter clause: " + clause.strip());
        }
        String property = m.group(1) != null ? m.group(1) : "proxyAddresses";
        boolean supported = DEFAULT_FILTERABLE.contains(property)
            || (advanced && ADVANCED_FILTERABLE.contains(property));
        if (!supported) {
          throw new GraphError(400, "Request_UnsupportedQuery",
              "Unsupported or invalid query filter clause specified for property '" + property + "' of resource 'User'.");
        }
        String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(5);
        clauses.add(new String[] {property, value.replace("''", "'")});
      }
      disjunction.add(clauses);
    }
    return disjunction;
  }

  private Response assignLicense(String id, Request request) {
    JsonNode body = required(request);
    JsonNode addLicenses = body.path("addLicenses");
    JsonNode removeLicenses = body.path("removeLicenses");
    if (!addLicenses.isArray() || !removeLicenses.isArray()) {
      throw new GraphError(400, "Request_BadRequest", "Invalid request: addLicenses and removeLicenses are required.");
    }
    List<UUID> add = new ArrayList<>();
    List<UUID> remove = new ArrayList<>();
    addLicenses.forEach(license -> add.add(uuid(license.path("skuId").asText())));
    removeLicenses.forEach(skuId -> remove.add(uuid(skuId.asText())));
    return Response.ok(entity("users/$entity", select(userJson(tenant.assignLicense(id, add, remove)), null)));
  }

  private Response mailboxSettings(String id) {
    SimulatedTenant.User user = tenant.user(id);
    if (!tenant.hasMailbox(user)) {
      throw mailboxNotEnabled();
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
    return Response.ok(settings);
  }

  private Response sendMail(String id, Request request) {
    // Graph's metadata names the action's parameters "Message" and "SaveToSentItems" (the SDK
    // sends those); Graph reads them case-insensitively.
    JsonNode message = ignoringCase(required(request), "message");
    if (!message.isObject()) {
      throw new GraphError(400, "ErrorInvalidRequest", "The message is missing.");
    }
    List<String> to = new ArrayList<>();
    message.path("toRecipients").forEach(r -> to.add(r.path("emailAddress").path("address").asText()));
    if (to.isEmpty()) {
      throw new GraphError(400, "ErrorInvalidRecipients", "At least one recipient is not valid.");
    }
    tenant.sendMail(id, to, message.path("subject").asText(), message.path("body").path("contentType").asText("text"),
        message.path("body").path("content").asText());
    return Response.status(202);
  }

  private Response messages(String id) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (SimulatedTenant.Message m : tenant.messages(id)) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", m.id());
      json.put("receivedDateTime", m.received().toString());
      json.put("subject", m.subject());
      json.put("isRead", false);
      json.put("body", Map.of("contentType", m.contentType(), "content", m.content()));
      json.put("from", Map.of("emailAddress", Map.of("address", m.from())));
      json.put("toRecipients", m.to().stream().map(a -> Map.of("emailAddress", Map.of("address", a))).toList());
      values.add(json);
    }
    return Response.ok(collection("users('" + id + "')/messages", values, null));
  }

  private Response createTap(String id, Request request) {
    JsonNode body = required(request);
    Instant start = body.hasNonNull("startDateTime") ? Instant.parse(body.get("startDateTime").asText()) : null;
    Integer lifetime = body.hasNonNull("lifetimeInMinutes") ? body.get("lifetimeInMinutes").asInt() : null;
    Boolean once = body.hasNonNull("isUsableOnce") ? body.get("isUsableOnce").asBoolean() : null;
    var created = tenant.createTemporaryAccessPass(id, start, lifetime, once);
    Map<String, Object> json = tapJson(created.getKey());
    json.put("temporaryAccessPass", created.getValue());
    return new Response(201, Map.of(), json);
  }

  private Response listTaps(String id) {
    SimulatedTenant.User user = tenant.user(id);
    List<Map<String, Object>> values = user.temporaryAccessPass == null ? List.of() : List.of(tapJson(user.temporaryAccessPass));
    return Response.ok(collection("users('" + id + "')/authentication/temporaryAccessPassMethods", values, null));
  }

  private static Map<String, Object> tapJson(SimulatedTenant.TemporaryAccessPass pass) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.type", "#microsoft.graph.temporaryAccessPassAuthenticationMethod");
    json.put("id", pass.id());
    json.put("temporaryAccessPass", null);
    json.put("createdDateTime", pass.created().toString());
    json.put("startDateTime", pass.start().toString());
    json.put("lifetimeInMinutes", pass.lifetimeMinutes());
    json.put("isUsableOnce", pass.usableOnce());
    json.put("isUsable", !pass.start().isAfter(pass.created()));
    json.put("methodUsabilityReason", pass.start().isAfter(pass.created()) ? "NotYetValid" : "EnabledByPolicy");
    return json;
  }

  private Response patchUser(String id, Request request) {
    JsonNode body = required(request);
    tenant.user(id);
    List<String> names = new ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
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
    return Response.status(204);
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
    u.put("assignedLicenses", user.assignedSkus().stream()
        .map(skuId -> Map.of("skuId", skuId.toString(), "disabledPlans", List.of())).toList());
    List<Map<String, Object>> states = new ArrayList<>();
    for (SimulatedTenant.Assignment a : user.assignments) {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("skuId", a.skuId().toString());
      state.put("disabledPlans", List.of());
      state.put("assignedByGroup", a.assignedByGroup());
      state.put("state", a.state());
      state.put("error", a.error());
      state.put("lastUpdatedDateTime", a.lastUpdated().toString());
      states.add(state);
    }
    u.put("licenseAssignmentStates", states);
    List<Map<String, Object>> plans = new ArrayList<>();
    if (user.licensedAt != null) {
      plans.add(Map.of("capabilityStatus", "Enabled", "service", "exchange",
          "provisioningStatus", tenant.hasMailbox(user) ? "Success" : "PendingProvisioning"));
    }
    u.put("provisionedPlans", plans);
    return u;
  }

  private static Map<String, Object> skuJson(SimulatedTenant.Sku sku) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("accountId", "c2e6b33c-0b1d-4f8e-9c9e-6d0b5a1e4f11");
    s.put("appliesTo", "User");
    s.put("capabilityStatus", "Enabled");
    s.put("consumedUnits", sku.consumed);
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

  private static JsonNode ignoringCase(JsonNode object, String field) {
    var fields = object.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      if (entry.getKey().equalsIgnoreCase(field)) {
        return entry.getValue();
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static JsonNode required(Request request) {
    if (request.body() == null || request.body().isMissingNode() || request.body().isNull()) {
      throw new GraphError(400, "BadRequest", "Empty Payload. JSON content expected.");
    }
    return request.body();
  }

  private static GraphError mailboxNotEnabled() {
    return new GraphError(404, "MailboxNotEnabledForRESTAPI",
        "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new GraphError(400, "Request_BadRequest", "Invalid value specified for property 'skuId'.");
    }
  }

  static String decode(String value) {
    return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
