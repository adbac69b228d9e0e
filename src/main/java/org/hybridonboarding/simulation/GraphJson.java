package org.hybridonboarding.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Graph's JSON for the tenant's users, subscriptions and passes, and its $select and collections. */
final class GraphJson {

  private static final List<String> DEFAULT_USER_PROPERTIES = List.of("businessPhones", "displayName",
      "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname",
      "userPrincipalName", "id");
  private GraphJson() {
  }

  static Map<String, Object> user(SimulatedTenant.User user, boolean mailboxProvisioned) {
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
    u.put("signInSessionsValidFromDateTime", (user.signInSessionsValidFrom == null ? user.createdDateTime
        : user.signInSessionsValidFrom).toString());
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
          "provisioningStatus", mailboxProvisioned ? "Success" : "PendingProvisioning"));
    }
    u.put("provisionedPlans", plans);
    return u;
  }

  static Map<String, Object> sku(SimulatedTenant.Sku sku) {
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
  static Map<String, Object> select(Map<String, Object> full, String select) {
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

  static Map<String, Object> collection(String set, List<?> values, Long count) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#" + set);
    if (count != null) {
      body.put("@odata.count", count);
    }
    body.put("value", values);
    return body;
  }

  static Map<String, Object> entity(String set, Map<String, Object> properties) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#" + set);
    body.putAll(properties);
    return body;
  }

  static Map<String, Object> tap(SimulatedTenant.TemporaryAccessPass pass) {
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

}
