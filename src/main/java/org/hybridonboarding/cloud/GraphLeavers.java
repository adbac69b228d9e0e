package org.hybridonboarding.cloud;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.AutomaticRepliesSetting;
import com.microsoft.graph.models.AutomaticRepliesStatus;
import com.microsoft.graph.models.ExternalAudienceScope;
import com.microsoft.graph.models.LicenseAssignmentState;
import com.microsoft.graph.models.MailboxSettings;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Graph's side of a leaver: sessions, passes, the mailbox's purpose and automatic reply, licences back, deleted items. */
final class GraphLeavers {

  private static final Logger log = LoggerFactory.getLogger(GraphLeavers.class);

  private final GraphServiceClient graph;

  GraphLeavers(GraphServiceClient graph) {
    this.graph = graph;
  }

  Optional<LeaverCloud.Leaver> find(String immutableId) {
    var users = graph.users().get(request -> {
      request.queryParameters.filter = "onPremisesImmutableId eq '" + GraphUsers.odataString(immutableId) + "'";
      request.queryParameters.select = new String[] {"id", "userPrincipalName", "accountEnabled", "usageLocation",
          "licenseAssignmentStates"};
      request.queryParameters.count = true;
      request.headers.add("ConsistencyLevel", "eventual");
    });
    return Optional.ofNullable(users.getValue()).orElse(List.of()).stream().findFirst()
        .map(user -> new LeaverCloud.Leaver(user.getId(), user.getUserPrincipalName(),
            Boolean.TRUE.equals(user.getAccountEnabled()), user.getUsageLocation(),
            Optional.ofNullable(user.getLicenseAssignmentStates()).orElse(List.of()).stream()
                .filter(state -> state.getAssignedByGroup() == null)
                .map(LicenseAssignmentState::getSkuId)
                .filter(Objects::nonNull)
                .map(UUID::toString)
                .distinct()
                .toList()));
  }

  void revokeSignInSessions(String userId) {
    graph.users().byUserId(userId).revokeSignInSessions().post();
    log.info("Revoked the sign-in sessions of {}", userId);
  }

  int deleteTemporaryAccessPasses(String userId) {
    var methods = graph.users().byUserId(userId).authentication().temporaryAccessPassMethods().get();
    List<TemporaryAccessPassAuthenticationMethod> passes = Optional.ofNullable(methods.getValue()).orElse(List.of());
    for (TemporaryAccessPassAuthenticationMethod pass : passes) {
      try {
        graph.users().byUserId(userId).authentication().temporaryAccessPassMethods()
            .byTemporaryAccessPassAuthenticationMethodId(pass.getId()).delete();
      } catch (ODataError error) {
        if (error.getResponseStatusCode() != 404) {
          throw error;
        }
      }
    }
    if (!passes.isEmpty()) {
      log.info("Deleted {} Temporary Access Pass(es) of {}", passes.size(), userId);
    }
    return passes.size();
  }

  Optional<String> mailboxPurpose(String userId) {
    try {
      MailboxSettings settings = graph.users().byUserId(userId).mailboxSettings().get();
      return Optional.ofNullable(settings.getUserPurpose()).map(purpose -> purpose.getValue());
    } catch (ODataError error) {
      if (error.getResponseStatusCode() == 404) {
        // MailboxNotEnabledForRESTAPI: no mailbox (yet, or any more).
        return Optional.empty();
      }
      throw error;
    }
  }

  void setAutomaticReply(String userId, String message) {
    AutomaticRepliesSetting replies = new AutomaticRepliesSetting();
    if (message == null) {
      replies.setStatus(AutomaticRepliesStatus.Disabled);
    } else {
      replies.setStatus(AutomaticRepliesStatus.AlwaysEnabled);
      replies.setExternalAudience(ExternalAudienceScope.All);
      replies.setInternalReplyMessage(message);
      replies.setExternalReplyMessage(message);
    }
    MailboxSettings settings = new MailboxSettings();
    settings.setAutomaticRepliesSetting(replies);
    graph.users().byUserId(userId).mailboxSettings().patch(settings);
    log.info("Automatic reply of {} {}", userId, message == null ? "switched off" : "set");
  }

  void restoreLicenses(String userId, String usageLocation, List<String> skuIds) {
    User user = graph.users().byUserId(userId).get(request ->
        request.queryParameters.select = new String[] {"id", "usageLocation", "assignedLicenses"});
    List<UUID> held = Optional.ofNullable(user.getAssignedLicenses()).orElse(List.of()).stream()
        .map(AssignedLicense::getSkuId).toList();
    List<AssignedLicense> add = new ArrayList<>();
    for (String skuId : skuIds) {
      if (!held.contains(UUID.fromString(skuId))) {
        AssignedLicense license = new AssignedLicense();
        license.setSkuId(UUID.fromString(skuId));
        license.setDisabledPlans(new ArrayList<>());
        add.add(license);
      }
    }
    if (add.isEmpty()) {
      return;
    }
    if (user.getUsageLocation() == null && usageLocation != null) {
      User patch = new User();
      patch.setUsageLocation(usageLocation);
      graph.users().byUserId(userId).patch(patch);
    }
    AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
    body.setAddLicenses(add);
    body.setRemoveLicenses(new ArrayList<>());
    try {
      graph.users().byUserId(userId).assignLicense().post(body);
    } catch (ODataError error) {
      throw GraphLicensing.licenseFailure(error, String.join(", ", skuIds));
    }
    log.info("Assigned {} licence(s) to {} again", add.size(), userId);
  }

  boolean softDeleted(String userId) {
    try {
      graph.directory().deletedItems().byDirectoryObjectId(userId).get();
      return true;
    } catch (ODataError error) {
      if (error.getResponseStatusCode() == 404) {
        return false;
      }
      throw error;
    }
  }
}
