package org.hybridonboarding.exchange;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hybridonboarding.cloud.GraphClientConfiguration;
import org.hybridonboarding.cloud.GraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Exchange Online admin API over HTTPS: POST {base}/{tenantId}/InvokeCommand with the cmdlet
 * and its parameters, an app-only token for outlook.office365.com, X-AnchorMailbox on the
 * mailbox. 429 and 5xx are technical failures (the job retries); 401/403 mean the app lacks
 * Exchange.ManageAsApp or an Exchange role, which a person must grant.
 */
@Component
class AdminApiExchange implements ExchangeAdmin {

  private static final Logger log = LoggerFactory.getLogger(AdminApiExchange.class);
  static final String PERMISSIONS = "The app needs the application permission Exchange.ManageAsApp on Office 365 "
      + "Exchange Online (admin consent) and an Exchange role that includes Get-Mailbox, Set-Mailbox, "
      + "Get-MailboxStatistics, Get-MailboxPermission and Add-MailboxPermission (Exchange Recipient Administrator, "
      + "or RBAC for Applications scoped to them).";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json;
  private final URI endpoint;
  private final Supplier<String> token;

  AdminApiExchange(ExchangeProperties properties, GraphProperties graph, ObjectMapper json) {
    this.json = json;
    String tenant = graph.tenantId() == null || graph.tenantId().isBlank() ? "common" : graph.tenantId();
    this.endpoint = URI.create(properties.baseUrl() + "/" + tenant + "/InvokeCommand");
    Optional<TokenCredential> credential = GraphClientConfiguration.credential(graph);
    if (credential.isPresent()) {
      TokenRequestContext audience = new TokenRequestContext().addScopes(properties.tokenAudience());
      // The credential caches the token and renews it before it expires.
      this.token = () -> credential.get().getTokenSync(audience).getToken();
    } else if (properties.staticToken() != null && !properties.staticToken().isBlank()) {
      this.token = properties::staticToken;
    } else {
      this.token = () -> {
        throw new IllegalStateException("No credential for the Exchange Online admin API: set onboarding.graph.client-secret "
            + "or onboarding.graph.client-certificate-path");
      };
    }
  }

  @Override
  public Mailbox mailbox(String identity) {
    JsonNode mailbox = first(invoke("Get-Mailbox", identity, Map.of("Identity", identity)), identity);
    JsonNode statistics = first(invoke("Get-MailboxStatistics", identity, Map.of("Identity", identity)), identity);
    return new Mailbox(mailbox.path("RecipientTypeDetails").asText(), mailbox.path("LitigationHoldEnabled").asBoolean(),
        !"None".equalsIgnoreCase(mailbox.path("ArchiveStatus").asText("None")), bytes(statistics.path("TotalItemSize").asText()));
  }

  @Override
  public void setType(String identity, boolean shared) {
    invoke("Set-Mailbox", identity, Map.of("Identity", identity, "Type", shared ? "Shared" : "Regular"));
    log.info("Exchange Online: Set-Mailbox {} -Type {}", identity, shared ? "Shared" : "Regular");
  }

  @Override
  public void grantFullAccess(String identity, String user) {
    if (fullAccess(identity).stream().anyMatch(holder -> holder.equalsIgnoreCase(user))) {
      return;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("Identity", identity);
    parameters.put("User", user);
    parameters.put("AccessRights", List.of("FullAccess"));
    parameters.put("AutoMapping", true);
    invoke("Add-MailboxPermission", identity, parameters);
    log.info("Exchange Online: {} has FullAccess to {}", user, identity);
  }

  @Override
  public List<String> fullAccess(String identity) {
    List<String> holders = new ArrayList<>();
    for (JsonNode entry : invoke("Get-MailboxPermission", identity, Map.of("Identity", identity))) {
      String user = entry.path("User").asText();
      boolean full = false;
      for (JsonNode right : entry.path("AccessRights")) {
        full |= "FullAccess".equalsIgnoreCase(right.asText());
      }
      if (full && !user.contains("SELF") && !entry.path("Deny").asBoolean()) {
        holders.add(user);
      }
    }
    return holders;
  }

  /** One cmdlet; the answer's "value" array, following @odata.nextLink. */
  private List<JsonNode> invoke(String cmdlet, String anchor, Map<String, Object> parameters) {
    Map<String, Object> body = Map.of("CmdletInput", Map.of("CmdletName", cmdlet, "Parameters", parameters));
    List<JsonNode> values = new ArrayList<>();
    try {
      HttpRequest request = HttpRequest.newBuilder(endpoint)
          .timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + token.get())
          .header("X-AnchorMailbox", "UPN:" + anchor)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
          .build();
      URI next = null;
      do {
        HttpResponse<byte[]> response = http.send(next == null ? request : HttpRequest.newBuilder(request, (n, v) -> true)
            .uri(next).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        check(cmdlet, anchor, response.statusCode(), answer);
        answer.path("value").forEach(values::add);
        next = answer.hasNonNull("@odata.nextLink") ? URI.create(answer.get("@odata.nextLink").asText()) : null;
      } while (next != null);
    } catch (IOException e) {
      throw new IllegalStateException("Exchange Online admin API: " + cmdlet + " " + anchor + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling the Exchange Online admin API", e);
    }
    return values;
  }

  private static void check(String cmdlet, String anchor, int status, JsonNode answer) {
    if (status >= 200 && status < 300) {
      return;
    }
    String code = answer.path("error").path("code").asText("");
    String message = answer.path("error").path("message").asText("");
    if (status == 401 || status == 403) {
      throw new ExchangeException(ExchangeException.Code.EXCHANGE_ACCESS_DENIED, "Exchange Online refused " + cmdlet
          + " (HTTP " + status + " " + code + ": " + message + "). " + PERMISSIONS);
    }
    if (status == 404 || message.toLowerCase(Locale.ROOT).contains("couldn't be found")) {
      throw new ExchangeException(ExchangeException.Code.MAILBOX_NOT_FOUND, "Exchange Online has no mailbox " + anchor
          + " (" + cmdlet + ": " + message + ")");
    }
    // 429 (Retry-After), 5xx and anything unexpected: the job's retries, then an incident.
    throw new IllegalStateException("Exchange Online admin API: " + cmdlet + " " + anchor + " answered HTTP " + status
        + " " + code + ": " + message);
  }

  private static JsonNode first(List<JsonNode> values, String identity) {
    if (values.isEmpty()) {
      throw new ExchangeException(ExchangeException.Code.MAILBOX_NOT_FOUND, "Exchange Online has no mailbox " + identity);
    }
    return values.get(0);
  }

  /** TotalItemSize reads like "1.234 GB (1,324,997,632 bytes)": the bytes in brackets. */
  static long bytes(String totalItemSize) {
    int open = totalItemSize.lastIndexOf('(');
    if (open < 0) {
      return 0;
    }
    String digits = totalItemSize.substring(open + 1).replaceAll("[^0-9]", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }
}
