package org.hybridonboarding.cloud;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.LicenseAssignmentState;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Graph's licences: seats, assignment (direct or by group) and removal. */
final class GraphLicensing {

  private static final Logger log = LoggerFactory.getLogger(GraphLicensing.class);

  private final GraphServiceClient graph;
  private final GraphUsers users;
  /** skuPartNumber → skuId: a subscription's id never changes. */
  private final Map<String, UUID> skuIds = new ConcurrentHashMap<>();

  GraphLicensing(GraphServiceClient graph, GraphUsers users) {
    this.graph = graph;
    this.users = users;
  }

  void preflight(String skuPartNumber, String employeeId, List<String> addresses) {
    // Seats change all the time: always ask. The ids it brings are remembered for licensing.
    List<SubscribedSku> skus = subscribedSkus();
    SubscribedSku sku = skus.stream()
        .filter(s -> skuPartNumber.equalsIgnoreCase(s.getSkuPartNumber()))
        .findFirst()
        .orElseThrow(() -> new CloudException(CloudException.Code.LICENSE_ERROR, "The tenant has no subscription for SKU " + skuPartNumber,
            freeSeats(skus)));
    if (free(sku) <= 0) {
      throw new CloudException(CloudException.Code.NO_FREE_SEAT, "No free seat for " + skuPartNumber + ": " + consumed(sku) + " of "
          + enabled(sku) + " are assigned. Buy seats or choose another SKU.", freeSeats(skus));
    }
    Set<String> inUse = users.addressesInUse(employeeId, addresses);
    if (!inUse.isEmpty()) {
      throw new CloudException(CloudException.Code.ADDRESS_IN_USE, "Already used in Entra ID by another user: " + String.join(", ", inUse));
    }
  }

  /**
   * One POST, no read first: adding a SKU the user holds already is no error in Graph, so a retry
   * is safe. Sync brings msExchUsageLocation as usageLocation; only a country an operator chose
   * since (usageLocation not null) is set first, before sync carries it from AD.
   */
  String assign(String userId, String usageLocation, String skuPartNumber) {
    UUID skuId = skuId(skuPartNumber);
    try {
      if (usageLocation != null) {
        User patch = new User();
        patch.setUsageLocation(usageLocation);
        graph.users().byUserId(userId).patch(patch);
        log.info("Set usageLocation {} on user {}", usageLocation, userId);
      }
      post(userId, List.of(skuId), List.of());
      log.info("Assigned {} to user {}", skuPartNumber, userId);
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
    return Optional.ofNullable(skuIds.get(skuPartNumber)).orElseThrow(() -> new CloudException(CloudException.Code.LICENSE_ERROR,
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

  boolean groupLicenseActive(String userId, String skuPartNumber, Instant since) {
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
      throw new CloudException(error.equals("CountViolation") ? CloudException.Code.NO_FREE_SEAT : CloudException.Code.LICENSE_ERROR, message, freeSeats());
    }
    return false;
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
      return new CloudException(CloudException.Code.USAGE_LOCATION_INVALID, detail);
    }
    if (text.contains("does not have any available licenses")) {
      return new CloudException(CloudException.Code.NO_FREE_SEAT, "No free seat for " + skuPartNumber + ". " + detail);
    }
    return new CloudException(CloudException.Code.LICENSE_ERROR, detail);
  }

  List<String> removeDirect(String userId) {
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
      try {
        post(userId, List.of(), direct);
      } catch (ODataError error) {
        if (error.getResponseStatusCode() == 400) {
          throw new CloudException(CloudException.Code.LICENSE_REMOVAL_REFUSED, "Entra ID refused to remove the licences of "
              + user.getUserPrincipalName() + ": " + (error.getError() == null ? error.getMessage() : error.getError().getMessage()));
        }
        throw error;
      }
      log.info("Removed {} licence(s) from {}", direct.size(), user.getUserPrincipalName());
    }
    return direct.stream().map(UUID::toString).toList();
  }

  /** A reinstatement: the SKUs removed at the offboarding, assigned again (those held already are left). */
  void assignAgain(String userId, List<String> skuIds) {
    User user = graph.users().byUserId(userId).get(request ->
        request.queryParameters.select = new String[] {"id", "assignedLicenses"});
    List<UUID> held = Optional.ofNullable(user.getAssignedLicenses()).orElse(List.of()).stream()
        .map(AssignedLicense::getSkuId).toList();
    List<UUID> add = skuIds.stream().map(UUID::fromString).filter(skuId -> !held.contains(skuId)).toList();
    if (add.isEmpty()) {
      return;
    }
    try {
      post(userId, add, List.of());
    } catch (ODataError error) {
      throw licenseFailure(error, String.join(", ", skuIds));
    }
    log.info("Assigned {} licence(s) to {} again", add.size(), userId);
  }

  /**
   * A transfer's licence change: one assignLicense that adds the new SKU and removes the direct
   * mailbox SKUs held before, so there is no moment without a mailbox licence. The seat is checked
   * first, as the onboarding's pre-flight does.
   */
  List<String> swap(String userId, String skuPartNumber) {
    List<SubscribedSku> skus = subscribedSkus();
    SubscribedSku target = skus.stream()
        .filter(s -> skuPartNumber.equalsIgnoreCase(s.getSkuPartNumber()))
        .findFirst()
        .orElseThrow(() -> new CloudException(CloudException.Code.LICENSE_ERROR, "The tenant has no subscription for SKU "
            + skuPartNumber, freeSeats(skus)));
    Set<UUID> withMailbox = skus.stream().filter(GraphMovers::withMailbox).map(SubscribedSku::getSkuId)
        .collect(java.util.stream.Collectors.toSet());
    User user = graph.users().byUserId(userId).get(request ->
        request.queryParameters.select = new String[] {"id", "userPrincipalName", "licenseAssignmentStates"});
    List<UUID> direct = Optional.ofNullable(user.getLicenseAssignmentStates()).orElse(List.of()).stream()
        .filter(state -> state.getAssignedByGroup() == null)
        .map(LicenseAssignmentState::getSkuId)
        .filter(Objects::nonNull)
        .distinct()
        .toList();
    boolean held = direct.contains(target.getSkuId());
    List<UUID> remove = direct.stream().filter(id -> !id.equals(target.getSkuId()) && withMailbox.contains(id)).toList();
    if (held && remove.isEmpty()) {
      log.info("User {} holds {} and no other mailbox licence already", user.getUserPrincipalName(), skuPartNumber);
      return List.of();
    }
    if (!held && free(target) <= 0) {
      throw new CloudException(CloudException.Code.NO_FREE_SEAT, "No free seat for " + skuPartNumber + ": " + consumed(target)
          + " of " + enabled(target) + " are assigned. Buy seats or choose another SKU.", freeSeats(skus));
    }
    try {
      post(userId, held ? List.of() : List.of(target.getSkuId()), remove);
    } catch (ODataError error) {
      RuntimeException failure = licenseFailure(error, skuPartNumber);
      throw failure instanceof CloudException licence
          ? new CloudException(licence.code(), licence.getMessage(), freeSeats()) : failure;
    }
    List<String> removed = partNumbers(remove);
    log.info("Swapped the licence of {}: {} added, {} removed in one call", user.getUserPrincipalName(), skuPartNumber, removed);
    return removed;
  }

  /** skuIds as the tenant's subscriptions name them (an id no subscription has stays as it is). */
  List<String> partNumbers(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    if (!skuIds.values().containsAll(ids)) {
      subscribedSkus();
    }
    Map<UUID, String> names = new java.util.HashMap<>();
    skuIds.forEach((partNumber, id) -> names.put(id, partNumber));
    return ids.stream().map(id -> names.getOrDefault(id, id.toString())).toList();
  }

  /** POST /users/{id}/assignLicense, every plan of the added SKUs enabled. */
  private void post(String userId, List<UUID> add, List<UUID> remove) {
    AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
    body.setAddLicenses(add.stream().map(skuId -> {
      AssignedLicense license = new AssignedLicense();
      license.setSkuId(skuId);
      license.setDisabledPlans(new ArrayList<>());
      return license;
    }).collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    body.setRemoveLicenses(new ArrayList<>(remove));
    graph.users().byUserId(userId).assignLicense().post(body);
  }
}
