package org.hybridonboarding.cloud;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.ProvisionedPlan;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The cloud gateway: Microsoft Graph v1.0 through the Graph SDK for Java. */
@Component
class GraphCloudGateway implements CloudGateway {

  private static final Logger log = LoggerFactory.getLogger(GraphCloudGateway.class);

  private static final String[] USER_FIELDS = {"id", "userPrincipalName", "usageLocation", "assignedLicenses"};

  private final GraphServiceClient graph;

  GraphCloudGateway(GraphServiceClient graph) {
    this.graph = graph;
  }

  @Override
  public Optional<CloudUser> findSyncedUser(String immutableId) {
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

  @Override
  public String assignLicense(String userId, String usageLocation, String skuPartNumber) {
    UUID skuId = skuId(skuPartNumber);
    User user = graph.users().byUserId(userId).get(request -> request.queryParameters.select = USER_FIELDS);
    boolean assigned = Optional.ofNullable(user.getAssignedLicenses()).orElse(List.of()).stream()
        .anyMatch(license -> skuId.equals(license.getSkuId()));
    if (assigned) {
      log.info("User {} already holds {}", user.getUserPrincipalName(), skuPartNumber);
      return skuId.toString();
    }
    try {
      if (user.getUsageLocation() == null || user.getUsageLocation().isBlank()) {
        User patch = new User();
        patch.setUsageLocation(usageLocation);
        graph.users().byUserId(userId).patch(patch);
        log.info("Set usageLocation {} on {}: sync did not bring one", usageLocation, user.getUserPrincipalName());
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
      throw licenseFailure(error, skuPartNumber);
    }
  }

  private UUID skuId(String skuPartNumber) {
    var skus = graph.subscribedSkus().get();
    return Optional.ofNullable(skus.getValue()).orElse(List.of()).stream()
        .filter(sku -> skuPartNumber.equalsIgnoreCase(sku.getSkuPartNumber()))
        .map(SubscribedSku::getSkuId)
        .findFirst()
        .orElseThrow(() -> new CloudException("LICENSE_ERROR",
            "The tenant has no subscription for SKU " + skuPartNumber));
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

  @Override
  public boolean hasMailbox(String userId) {
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
