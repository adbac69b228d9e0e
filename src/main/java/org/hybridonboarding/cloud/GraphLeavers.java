package org.hybridonboarding.cloud;

import com.microsoft.graph.models.AutomaticRepliesSetting;
import com.microsoft.graph.models.AutomaticRepliesStatus;
import com.microsoft.graph.models.ExternalAudienceScope;
import com.microsoft.graph.models.LicenseAssignmentState;
import com.microsoft.graph.models.MailboxSettings;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
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
  private final GraphUsers users;

  GraphLeavers(GraphServiceClient graph, GraphUsers users) {
    this.graph = graph;
    this.users = users;
  }

  Optional<LeaverCloud.Leaver> find(String immutableId) {
    return users.synced(immutableId, "id", "userPrincipalName", "accountEnabled", "usageLocation", "licenseAssignmentStates")
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
