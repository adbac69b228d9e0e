package org.hybridonboarding.cloud;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.LicenseAssignmentState;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.ProvisionedPlan;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import com.microsoft.graph.users.delta.DeltaGetResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The cloud gateway: Microsoft Graph v1.0 through the Graph SDK for Java. */
@Component
class GraphCloudGateway implements CloudGateway {

  private static final Logger log = LoggerFactory.getLogger(GraphCloudGateway.class);

  private static final String[] USER_FIELDS = {"id", "userPrincipalName", "usageLocation", "assignedLicenses"};

  private final GraphServiceClient graph;
  private final HandoverProperties handover;
  /** skuPartNumber → skuId: a subscription's id never changes. */
  private final Map<String, UUID> skuIds = new ConcurrentHashMap<>();

  GraphCloudGateway(GraphServiceClient graph, HandoverProperties handover) {
    this.graph = graph;
    this.handover = handover;
  }

  @Override
  public Set<String> addressesInUse(String employeeId, List<String> addresses) {
    return described("look up addresses in use", String.join(", ", addresses), () -> doAddressesInUse(employeeId, addresses));
  }

  @Override
  public void preflight(String skuPartNumber, String employeeId, List<String> addresses) {
    described("pre-flight", "SKU " + skuPartNumber + ", employeeId " + employeeId, () -> {
      doPreflight(skuPartNumber, employeeId, addresses);
      return null;
    });
  }

  @Override
  public Optional<CloudUser> findSyncedUser(String immutableId) {
    return described("find the synced user", "onPremisesImmutableId " + immutableId, () -> doFindSyncedUser(immutableId));
  }

  @Override
  public UserChanges usersChangedSince(String deltaLink) {
    return described("read the users changed since the last poll (delta query)",
        deltaLink == null ? "all users, first poll" : "the tenant", () -> doUsersChangedSince(deltaLink));
  }

  @Override
  public String assignLicense(String userId, String usageLocation, String skuPartNumber) {
    return described("assign licence " + skuPartNumber, "user " + userId, () -> doAssignLicense(userId, usageLocation, skuPartNumber));
  }

  @Override
  public boolean groupLicenseActive(String userId, String skuPartNumber, Instant since) {
    return described("read the licence state of " + skuPartNumber, "user " + userId, () -> doGroupLicenseActive(userId, skuPartNumber, since));
  }

  @Override
  public String handOverCredentials(CredentialHandover credentials) {
    return described("create and mail a Temporary Access Pass", credentials.userPrincipalName(), () -> doHandOverCredentials(credentials));
  }

  @Override
  public List<String> removeDirectLicenses(String userId) {
    return described("remove licences", "user " + userId, () -> doRemoveDirectLicenses(userId));
  }

  @Override
  public boolean hasMailbox(String userId) {
    return described("check the mailbox", "user " + userId, () -> doHasMailbox(userId));
  }

  @Override
  public void notify(String to, String subject, String html) {
    described("mail a notice", to, () -> {
      send(to, subject, html);
      return null;
    });
  }

  private void send(String to, String subject, String html) {
    Message mail = new Message();
    mail.setSubject(subject);
    ItemBody body = new ItemBody();
    body.setContentType(BodyType.Html);
    body.setContent(html);
    mail.setBody(body);
    EmailAddress address = new EmailAddress();
    address.setAddress(to);
    Recipient recipient = new Recipient();
    recipient.setEmailAddress(address);
    mail.setToRecipients(List.of(recipient));
    SendMailPostRequestBody send = new SendMailPostRequestBody();
    send.setMessage(mail);
    send.setSaveToSentItems(false);
    graph.users().byUserId(handover.sender()).sendMail().post(send);
  }

  /**
   * Technical failures (5xx, 429 beyond the retry budget, unexpected answers) become the job's
   * failure and, once retries are spent, the incident an admin reads in Cockpit: say which system,
   * which operation, which answer and for whom. Business failures pass unchanged.
   */
  private static <T> T described(String operation, String target, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (CloudException business) {
      throw business;
    } catch (ApiException e) {
      String detail = e instanceof ODataError odata && odata.getError() != null
          ? odata.getError().getCode() + ": " + odata.getError().getMessage() : e.getMessage();
      throw new IllegalStateException("Microsoft Graph: " + operation + " (" + target + ") failed with HTTP "
          + e.getResponseStatusCode() + " " + detail, e);
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).startsWith("Microsoft Graph:")) {
        throw e;
      }
      throw new IllegalStateException("Microsoft Graph: " + operation + " (" + target + ") failed: " + e, e);
    }
  }

  private Set<String> doAddressesInUse(String employeeId, List<String> addresses) {
    if (addresses.isEmpty()) {
      return Set.of();
    }
    String filter = addresses.stream()
        .map(a -> odataString(a))
        .map(a -> "userPrincipalName eq '" + a + "' or mail eq '" + a + "' or proxyAddresses/any(p:p eq 'smtp:" + a + "')")
        .collect(Collectors.joining(" or "));
    var users = graph.users().get(request -> {
      request.queryParameters.filter = filter;
      request.queryParameters.select = new String[] {"id", "userPrincipalName", "mail", "proxyAddresses", "employeeId"};
      request.queryParameters.count = true;
      request.headers.add("ConsistencyLevel", "eventual");
    });
    Set<String> wanted = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Set<String> inUse = new TreeSet<>();
    for (User user : Optional.ofNullable(users.getValue()).orElse(List.of())) {
      if (employeeId != null && employeeId.equalsIgnoreCase(user.getEmployeeId())) {
        continue;
      }
      List<String> held = new ArrayList<>();
      held.add(user.getUserPrincipalName());
      held.add(user.getMail());
      Optional.ofNullable(user.getProxyAddresses()).orElse(List.of())
          .forEach(p -> held.add(p.substring(p.indexOf(':') + 1)));
      held.stream().filter(Objects::nonNull).map(h -> h.toLowerCase(Locale.ROOT)).filter(wanted::contains).forEach(inUse::add);
    }
    return inUse;
  }

  private void doPreflight(String skuPartNumber, String employeeId, List<String> addresses) {
    // Seats change all the time: always ask. The ids it brings are remembered for licensing.
    List<SubscribedSku> skus = subscribedSkus();
    SubscribedSku sku = skus.stream()
        .filter(s -> skuPartNumber.equalsIgnoreCase(s.getSkuPartNumber()))
        .findFirst()
        .orElseThrow(() -> new CloudException("LICENSE_ERROR", "The tenant has no subscription for SKU " + skuPartNumber,
            freeSeats(skus)));
    if (free(sku) <= 0) {
      throw new CloudException("NO_FREE_SEAT", "No free seat for " + skuPartNumber + ": " + consumed(sku) + " of "
          + enabled(sku) + " are assigned. Buy seats or choose another SKU.", freeSeats(skus));
    }
    Set<String> inUse = doAddressesInUse(employeeId, addresses);
    if (!inUse.isEmpty()) {
      throw new CloudException("ADDRESS_IN_USE", "Already used in Entra ID by another user: " + String.join(", ", inUse));
    }
  }

  private UserChanges doUsersChangedSince(String deltaLink) {
    var delta = graph.users().delta();
    DeltaGetResponse page = deltaLink == null
        ? delta.get(request -> request.queryParameters.select = new String[] {"id", "employeeId", "onPremisesImmutableId"})
        : delta.withUrl(deltaLink).get();
    List<UserChanges.Synced> users = new ArrayList<>();
    while (true) {
      for (User user : page.getValue()) {
        if (user.getOnPremisesImmutableId() != null) {
          users.add(new UserChanges.Synced(user.getId(), user.getEmployeeId(), user.getOnPremisesImmutableId()));
        }
      }
      if (page.getOdataNextLink() == null) {
        return new UserChanges(users, page.getOdataDeltaLink());
      }
      page = delta.withUrl(page.getOdataNextLink()).get();
    }
  }

  private Optional<CloudUser> doFindSyncedUser(String immutableId) {
    // onPremisesImmutableId is only filterable as an advanced query.
    var users = graph.users().get(request -> {
      request.queryParameters.filter = "onPremisesImmutableId eq '" + odataString(immutableId) + "'";
      request.queryParameters.select = USER_FIELDS;
      request.queryParameters.count = true;
      request.headers.add("ConsistencyLevel", "eventual");
    });
    return Optional.ofNullable(users.getValue()).orElse(List.of()).stream()
        .findFirst()
        .map(user -> new CloudUser(user.getId(), user.getUserPrincipalName(), user.getUsageLocation()));
  }

  private String doAssignLicense(String userId, String usageLocation, String skuPartNumber) {
    UUID skuId = skuId(skuPartNumber);
    User user = graph.users().byUserId(userId).get(request -> request.queryParameters.select = USER_FIELDS);
    boolean assigned = Optional.ofNullable(user.getAssignedLicenses()).orElse(List.of()).stream()
        .anyMatch(license -> skuId.equals(license.getSkuId()));
    if (assigned) {
      log.info("User {} already holds {}", user.getUserPrincipalName(), skuPartNumber);
      return skuId.toString();
    }
    try {
      // Sync brings msExchUsageLocation; an operator may have chosen another country since.
      if (!usageLocation.equals(user.getUsageLocation())) {
        User patch = new User();
        patch.setUsageLocation(usageLocation);
        graph.users().byUserId(userId).patch(patch);
        log.info("Set usageLocation {} on {} (was {})", usageLocation, user.getUserPrincipalName(), user.getUsageLocation());
      }
      AssignedLicense license = new AssignedLicense();
      license.setSkuId(skuId);
      license.setDisabledPlans(new ArrayList<>());
      AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
      body.setAddLicenses(List.of(license));
      body.setRemoveLicenses(new ArrayList<>());
      graph.users().byUserId(userId).assignLicense().post(body);
      log.info("Assigned {} to {}", skuPartNumber, user.getUserPrincipalName());
      return skuId.toString();
    } catch (ODataError error) {
      RuntimeException failure = licenseFailure(error, skuPartNumber);
      throw failure instanceof CloudException licence
          ? new CloudException(licence.code(), licence.getMessage(), freeSeats()) : failure;
    }
  }

  private UUID skuId(String skuPartNumber) {
    UUID known = skuIds.get(skuPartNumber);
    if (known != null) {
      return known;
    }
    List<SubscribedSku> skus = subscribedSkus();
    return Optional.ofNullable(skuIds.get(skuPartNumber)).orElseThrow(() -> new CloudException("LICENSE_ERROR",
        "The tenant has no subscription for SKU " + skuPartNumber, freeSeats(skus)));
  }

  /** What an operator can switch to: the SKUs with seats left, asked afresh. */
  private Map<String, Integer> freeSeats() {
    return freeSeats(subscribedSkus());
  }

  private static Map<String, Integer> freeSeats(List<SubscribedSku> skus) {
    Map<String, Integer> free = new java.util.TreeMap<>();
    for (SubscribedSku sku : skus) {
      if (free(sku) > 0) {
        free.put(sku.getSkuPartNumber(), free(sku));
      }
    }
    return free;
  }

  private static int enabled(SubscribedSku sku) {
    return sku.getPrepaidUnits() == null || sku.getPrepaidUnits().getEnabled() == null ? 0 : sku.getPrepaidUnits().getEnabled();
  }

  private static int consumed(SubscribedSku sku) {
    return sku.getConsumedUnits() == null ? 0 : sku.getConsumedUnits();
  }

  private static int free(SubscribedSku sku) {
    return enabled(sku) - consumed(sku);
  }

  private List<SubscribedSku> subscribedSkus() {
    List<SubscribedSku> skus = Optional.ofNullable(graph.subscribedSkus().get(request -> request.queryParameters.select =
        new String[] {"skuId", "skuPartNumber", "prepaidUnits", "consumedUnits"}).getValue()).orElse(List.of());
    skus.forEach(sku -> skuIds.put(sku.getSkuPartNumber(), sku.getSkuId()));
    return skus;
  }

  private boolean doGroupLicenseActive(String userId, String skuPartNumber, Instant since) {
    UUID skuId = skuId(skuPartNumber);
    User user = graph.users().byUserId(userId).get(request ->
        request.queryParameters.select = new String[] {"id", "userPrincipalName", "licenseAssignmentStates"});
    Optional<LicenseAssignmentState> state = Optional.ofNullable(user.getLicenseAssignmentStates()).orElse(List.of())
        .stream()
        .filter(s -> skuId.equals(s.getSkuId()) && s.getAssignedByGroup() != null)
        .findFirst();
    if (state.isEmpty()) {
      return false;
    }
    String status = Objects.toString(state.get().getState(), "");
    if (status.startsWith("Active")) {
      return true;
    }
    boolean stale = state.get().getLastUpdatedDateTime() != null
        && state.get().getLastUpdatedDateTime().toInstant().isBefore(since);
    if (status.equals("Error") && !stale) {
      String error = Objects.toString(state.get().getError(), "Other");
      String message = "Group-based licensing of " + skuPartNumber + " failed for " + user.getUserPrincipalName()
          + " (group " + state.get().getAssignedByGroup() + "): " + error;
      throw new CloudException(error.equals("CountViolation") ? "NO_FREE_SEAT" : "LICENSE_ERROR", message, freeSeats());
    }
    return false;
  }

  private String doHandOverCredentials(CredentialHandover credentials) {
    String recipient = managerMail(credentials.managerEmployeeId()).orElse(handover.helpdeskAddress());
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalStateException("The new hire has no manager with a mailbox and "
          + "onboarding.credentials.helpdesk-address is not set");
    }
    int lifetime = (int) handover.tapLifetime().toMinutes();
    TemporaryAccessPassAuthenticationMethod request = new TemporaryAccessPassAuthenticationMethod();
    request.setStartDateTime(credentials.validFrom().atOffset(ZoneOffset.UTC));
    request.setLifetimeInMinutes(lifetime);
    request.setIsUsableOnce(handover.tapUsableOnce());
    TemporaryAccessPassAuthenticationMethod created;
    try {
      created = graph.users().byUserId(credentials.userId()).authentication().temporaryAccessPassMethods().post(request);
    } catch (ODataError error) {
      if (error.getResponseStatusCode() == 400 || error.getResponseStatusCode() == 403) {
        throw new CloudException("TAP_FAILED", "Entra ID refused a Temporary Access Pass for "
            + credentials.userPrincipalName() + ": Graph " + error.getResponseStatusCode() + " "
            + (error.getError() == null ? "" : error.getError().getCode() + ": " + error.getError().getMessage()));
      }
      throw error;
    }
    send(recipient, WelcomeMail.subject(credentials),
        WelcomeMail.html(credentials, created.getTemporaryAccessPass(), lifetime, handover.tapUsableOnce()));
    log.info("Mailed a Temporary Access Pass for {} to {}", credentials.userPrincipalName(), recipient);
    return recipient;
  }

  private Optional<String> managerMail(String managerEmployeeId) {
    if (managerEmployeeId == null) {
      return Optional.empty();
    }
    var managers = graph.users().get(request -> {
      request.queryParameters.filter = "employeeId eq '" + odataString(managerEmployeeId) + "'";
      request.queryParameters.select = new String[] {"id", "mail"};
    });
    return Optional.ofNullable(managers.getValue()).orElse(List.of()).stream()
        .map(User::getMail)
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** Graph answers licence problems with 400 and words, not codes: map the words it uses. */
  private static RuntimeException licenseFailure(ODataError error, String skuPartNumber) {
    if (error.getResponseStatusCode() != 400) {
      return error;
    }
    String message = error.getError() == null ? "" : Objects.toString(error.getError().getMessage(), "");
    String graphCode = error.getError() == null ? "" : Objects.toString(error.getError().getCode(), "");
    String text = message.toLowerCase(Locale.ROOT);
    String detail = "Graph " + graphCode + ": " + message;
    if (text.contains("usage location")) {
      return new CloudException("USAGE_LOCATION_INVALID", detail);
    }
    if (text.contains("does not have any available licenses")) {
      return new CloudException("NO_FREE_SEAT", "No free seat for " + skuPartNumber + ". " + detail);
    }
    return new CloudException("LICENSE_ERROR", detail);
  }

  private List<String> doRemoveDirectLicenses(String userId) {
    User user;
    try {
      user = graph.users().byUserId(userId).get(request ->
          request.queryParameters.select = new String[] {"id", "userPrincipalName", "licenseAssignmentStates"});
    } catch (ODataError error) {
      if (error.getResponseStatusCode() == 404) {
        return List.of();
      }
      throw error;
    }
    List<UUID> direct = Optional.ofNullable(user.getLicenseAssignmentStates()).orElse(List.of()).stream()
        .filter(state -> state.getAssignedByGroup() == null)
        .map(LicenseAssignmentState::getSkuId)
        .distinct()
        .toList();
    if (!direct.isEmpty()) {
      AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
      body.setAddLicenses(new ArrayList<>());
      body.setRemoveLicenses(new ArrayList<>(direct));
      graph.users().byUserId(userId).assignLicense().post(body);
      log.info("Removed {} licence(s) from {}", direct.size(), user.getUserPrincipalName());
    }
    return direct.stream().map(UUID::toString).toList();
  }

  private boolean doHasMailbox(String userId) {
    User user = graph.users().byUserId(userId).get(request -> request.queryParameters.select = new String[] {"id", "provisionedPlans"});
    boolean provisioned = Optional.ofNullable(user.getProvisionedPlans()).orElse(List.of()).stream()
        .anyMatch(GraphCloudGateway::isExchangeProvisioned);
    if (!provisioned) {
      return false;
    }
    try {
      graph.users().byUserId(userId).mailboxSettings().get();
      return true;
    } catch (ODataError error) {
      if (error.getResponseStatusCode() == 404) {
        // MailboxNotEnabledForRESTAPI: Exchange has not finished yet.
        return false;
      }
      throw error;
    }
  }

  private static boolean isExchangeProvisioned(ProvisionedPlan plan) {
    return "exchange".equalsIgnoreCase(plan.getService()) && "Success".equalsIgnoreCase(plan.getProvisioningStatus());
  }

  /** A value inside an OData string literal: single quotes are doubled. */
  private static String odataString(String value) {
    return value.replace("'", "''");
  }
}
