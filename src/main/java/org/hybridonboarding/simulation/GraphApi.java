package org.hybridonboarding.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  /**
   * @param identity counted against Graph's identity throttling
   * @param mailbox the mailbox an Outlook request addresses (its limits are per app and mailbox), else null
   */
  record Route(String endpoint, boolean identity, int units, boolean write, String mailbox,
      Function<Request, Response> handler) {

    Route(String endpoint, boolean identity, int units, boolean write, Function<Request, Response> handler) {
      this(endpoint, identity, units, write, null, handler);
    }
  }

  private static final Pattern USER = Pattern.compile("/users/([^/]+)");
  private static final Pattern USER_PART = Pattern.compile(
      "/users/([^/]+)/(assignLicense|mailboxSettings|sendMail|messages|revokeSignInSessions)");
  private static final Pattern TAP = Pattern.compile("/users/([^/]+)/authentication/temporaryAccessPassMethods");
  private static final Pattern TAP_ITEM = Pattern.compile("/users/([^/]+)/authentication/temporaryAccessPassMethods/([^/]+)");
  private static final Pattern DELETED_ITEM = Pattern.compile("/directory/deletedItems/([^/]+)");
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
          GraphJson.collection("subscribedSkus", tenant.skus().stream().map(GraphJson::sku).toList(), null)));
    }
    Matcher tapItem = TAP_ITEM.matcher(path);
    if (tapItem.matches() && method.equals("DELETE")) {
      return new Route("DELETE /users/{id}/authentication/temporaryAccessPassMethods/{id}", true, 1, true, r -> {
        tenant.deleteTemporaryAccessPass(decode(tapItem.group(1)), decode(tapItem.group(2)));
        return Response.status(204);
      });
    }
    if (path.equals("/directory/deletedItems/microsoft.graph.user") && method.equals("GET")) {
      return new Route("GET /directory/deletedItems/microsoft.graph.user", true, readUnits, false, r -> Response.ok(
          GraphJson.collection("directory/deletedItems/microsoft.graph.user",
              tenant.deletedUsers().stream().map(this::deletedUser).toList(), null)));
    }
    Matcher deletedItem = DELETED_ITEM.matcher(path);
    if (deletedItem.matches() && method.equals("GET")) {
      String id = decode(deletedItem.group(1));
      return new Route("GET /directory/deletedItems/{id}", true, readUnits, false, r -> Response.ok(GraphJson.entity(
          "directory/deletedItems/$entity", tenant.deletedUsers().stream().filter(u -> u.id.equals(id)).findFirst()
              .map(this::deletedUser).orElseThrow(() -> GraphError.notFound(id)))));
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
          return new Route("GET /users/{id}/mailboxSettings", false, 0, false, id, r -> mailboxSettings(id));
        case "mailboxSettings PATCH":
          return new Route("PATCH /users/{id}/mailboxSettings", false, 0, false, id, r -> patchMailboxSettings(id, r));
        case "revokeSignInSessions POST":
          return new Route("POST /users/{id}/revokeSignInSessions", true, 1, true, r -> {
            tenant.revokeSignInSessions(id);
            return Response.ok(Map.of("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean", "value", true));
          });
        case "sendMail POST":
          return new Route("POST /users/{id}/sendMail", false, 0, false, id, r -> sendMail(id, r));
        case "messages GET":
          return new Route("GET /users/{id}/messages", false, 0, false, id, r -> messages(id));
        default:
          break;
      }
    }
    if (user.matches() && method.equals("GET")) {
      String id = decode(user.group(1));
      return new Route("GET /users/{id}", true, readUnits, false,
          r -> Response.ok(GraphJson.entity("users/$entity", GraphJson.select(user(tenant.user(id)), r.query().get("$select")))));
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
    List<List<String[]>> disjunction = ODataFilter.parse(query.get("$filter"), advanced);
    List<Map<String, Object>> matching = new ArrayList<>();
    for (SimulatedTenant.User candidate : tenant.users()) {
      Map<String, Object> full = user(candidate);
      if (disjunction.isEmpty() || disjunction.stream().anyMatch(clauses -> clauses.stream().allMatch(c -> ODataFilter.matches(full, c)))) {
        matching.add(GraphJson.select(full, query.get("$select")));
      }
    }
    Long count = "true".equalsIgnoreCase(query.get("$count")) ? (long) matching.size() : null;
    return Response.ok(GraphJson.collection("users", matching, count));
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
    List<Map<String, Object>> values = page.stream().map(user -> GraphJson.select(user(user), query.get("$select"))).toList();
    Map<String, Object> body = GraphJson.collection("users", values, null);
    String select = query.containsKey("$select") ? "&$select=" + query.get("$select") : "";
    String base = "http://" + request.header("host") + GraphSimulator.VERSION + "/users/delta?";
    if (page.size() == DELTA_PAGE && page.get(page.size() - 1).changed < upTo) {
      body.put("@odata.nextLink", base + "$skiptoken=" + page.get(page.size() - 1).changed + "-" + upTo + select);
    } else {
      body.put("@odata.deltaLink", base + "$deltatoken=" + upTo + select);
    }
    return Response.ok(body);
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
    return Response.ok(GraphJson.entity("users/$entity", GraphJson.select(user(tenant.assignLicense(id, add, remove)), null)));
  }

  private Response mailboxSettings(String id) {
    SimulatedTenant.User user = tenant.user(id);
    SimulatedMailbox mailbox = tenant.mailbox(id);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users('" + user.id + "')/mailboxSettings");
    settings.put("archiveFolder", "AAMkAGI2TG93AAA=");
    settings.put("timeZone", "UTC");
    Map<String, Object> replies = new LinkedHashMap<>();
    replies.put("status", mailbox.automaticReply == null ? "disabled" : "alwaysEnabled");
    replies.put("externalAudience", "all");
    replies.put("internalReplyMessage", mailbox.automaticReply == null ? "" : mailbox.automaticReply);
    replies.put("externalReplyMessage", mailbox.automaticReply == null ? "" : mailbox.automaticReply);
    settings.put("automaticRepliesSetting", replies);
    settings.put("language", Map.of("locale", "en-US", "displayName", "English (United States)"));
    settings.put("dateFormat", "M/d/yyyy");
    settings.put("timeFormat", "h:mm tt");
    settings.put("userPurpose", mailbox.type.userPurpose);
    return Response.ok(settings);
  }

  /** Only automaticRepliesSetting is modelled; userPurpose is read-only, as in Graph. */
  private Response patchMailboxSettings(String id, Request request) {
    JsonNode body = required(request);
    if (body.has("userPurpose")) {
      throw new GraphError(400, "ErrorInvalidProperty", "The property 'userPurpose' is read-only.");
    }
    JsonNode replies = body.path("automaticRepliesSetting");
    if (replies.isObject()) {
      String status = replies.path("status").asText("");
      if (!List.of("disabled", "alwaysEnabled", "scheduled").contains(status)) {
        throw new GraphError(400, "ErrorInvalidRequest", "Invalid automaticRepliesSetting status '" + status + "'.");
      }
      tenant.setAutomaticReply(id, status.equals("disabled") ? null : replies.path("internalReplyMessage").asText(""));
    } else {
      tenant.mailbox(id);
    }
    return Response.ok(Map.of("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users('" + id + "')/mailboxSettings"));
  }

  private Map<String, Object> deletedUser(SimulatedTenant.User user) {
    Map<String, Object> json = GraphJson.select(user(user), null);
    json.put("@odata.type", "#microsoft.graph.user");
    json.put("deletedDateTime", user.deletedAt.toString());
    return json;
  }

  /** The recipients a sendMail request names (To, Cc and Bcc count alike against the sender's daily limit). */
  static int recipients(Request request) {
    JsonNode message = request.body() == null ? null : ignoringCase(request.body(), "message");
    if (message == null || !message.isObject()) {
      return 0;
    }
    int count = 0;
    for (String field : List.of("toRecipients", "ccRecipients", "bccRecipients")) {
      count += message.path(field).size();
    }
    return count;
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
    return Response.ok(GraphJson.collection("users('" + id + "')/messages", values, null));
  }

  private Response createTap(String id, Request request) {
    JsonNode body = required(request);
    Instant start = body.hasNonNull("startDateTime") ? Instant.parse(body.get("startDateTime").asText()) : null;
    Integer lifetime = body.hasNonNull("lifetimeInMinutes") ? body.get("lifetimeInMinutes").asInt() : null;
    Boolean once = body.hasNonNull("isUsableOnce") ? body.get("isUsableOnce").asBoolean() : null;
    var created = tenant.createTemporaryAccessPass(id, start, lifetime, once);
    Map<String, Object> json = GraphJson.tap(created.getKey());
    json.put("temporaryAccessPass", created.getValue());
    return new Response(201, Map.of(), json);
  }

  private Response listTaps(String id) {
    SimulatedTenant.User user = tenant.user(id);
    List<Map<String, Object>> values = user.temporaryAccessPass == null ? List.of() : List.of(GraphJson.tap(user.temporaryAccessPass));
    return Response.ok(GraphJson.collection("users('" + id + "')/authentication/temporaryAccessPassMethods", values, null));
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

  private Map<String, Object> user(SimulatedTenant.User user) {
    return GraphJson.user(user, tenant.hasMailbox(user));
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
