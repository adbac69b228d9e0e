package org.hybridonboarding.cloud;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The cloud gateway: Microsoft Graph v1.0 through the Graph SDK for Java. */
@Component
class GraphCloudGateway implements CloudGateway, LeaverCloud, MoverCloud {

  private static final Logger log = LoggerFactory.getLogger(GraphCloudGateway.class);

  private final GraphUsers users;
  private final GraphLicensing licensing;
  private final GraphMail mail;
  private final GraphLeavers leavers;
  private final GraphMovers movers;

  GraphCloudGateway(GraphServiceClient graph, HandoverProperties handover, MailSlots mailSlots) {
    this.users = new GraphUsers(graph);
    this.licensing = new GraphLicensing(graph, users);
    this.mail = new GraphMail(graph, users, handover, mailSlots);
    this.leavers = new GraphLeavers(graph, users);
    this.movers = new GraphMovers(users, licensing);
  }

  @Override
  public Set<String> addressesInUse(String employeeId, List<String> addresses) {
    return described("look up addresses in use", String.join(", ", addresses), () -> users.addressesInUse(employeeId, addresses));
  }

  @Override
  public void preflight(String skuPartNumber, String employeeId, List<String> addresses) {
    described("pre-flight", "SKU " + skuPartNumber + ", employeeId " + employeeId, () -> {
      licensing.preflight(skuPartNumber, employeeId, addresses);
      return null;
    });
  }

  @Override
  public Optional<CloudUser> findSyncedUser(String immutableId) {
    return described("find the synced user", "onPremisesImmutableId " + immutableId, () -> users.findSynced(immutableId));
  }

  @Override
  public UserChanges usersChangedSince(String deltaLink) {
    return described("read the users changed since the last poll (delta query)",
        deltaLink == null ? "all users, first poll" : "the tenant", () -> users.changedSince(deltaLink));
  }

  @Override
  public String assignLicense(String userId, String usageLocation, String skuPartNumber) {
    return described("assign licence " + skuPartNumber, "user " + userId, () -> licensing.assign(userId, usageLocation, skuPartNumber));
  }

  @Override
  public boolean groupLicenseActive(String userId, String skuPartNumber, Instant since) {
    return described("read the licence state of " + skuPartNumber, "user " + userId,
        () -> licensing.groupLicenseActive(userId, skuPartNumber, since));
  }

  @Override
  public String handOverCredentials(CredentialHandover credentials) {
    return described("create and mail a Temporary Access Pass", credentials.userPrincipalName(), () -> mail.handOver(credentials));
  }

  @Override
  public List<String> removeDirectLicenses(String userId) {
    return described("remove licences", "user " + userId, () -> licensing.removeDirect(userId));
  }

  @Override
  public Optional<MoverCloud.Mover> findMover(String immutableId) {
    return described("find the mover", "onPremisesImmutableId " + immutableId, () -> movers.find(immutableId));
  }

  @Override
  public List<String> swapLicense(String userId, String skuPartNumber) {
    return described("swap the licence for " + skuPartNumber, "user " + userId, () -> licensing.swap(userId, skuPartNumber));
  }

  @Override
  public boolean hasMailbox(String userId) {
    return described("check the mailbox", "user " + userId, () -> users.hasMailbox(userId));
  }

  @Override
  public void notify(List<String> to, String subject, String html) {
    described("mail a notice", String.join(", ", to), () -> {
      mail.send(to, subject, html);
      return null;
    });
  }

  @Override
  public Optional<LeaverCloud.Leaver> findLeaver(String immutableId) {
    return described("find the leaver", "onPremisesImmutableId " + immutableId, () -> leavers.find(immutableId));
  }

  @Override
  public void revokeSignInSessions(String userId) {
    described("revoke the sign-in sessions", "user " + userId, () -> {
      leavers.revokeSignInSessions(userId);
      return null;
    });
  }

  @Override
  public int deleteTemporaryAccessPasses(String userId) {
    return described("delete the Temporary Access Passes", "user " + userId, () -> leavers.deleteTemporaryAccessPasses(userId));
  }

  @Override
  public Optional<String> mailboxPurpose(String userId) {
    return described("read the mailbox's purpose", "user " + userId, () -> leavers.mailboxPurpose(userId));
  }

  @Override
  public void setAutomaticReply(String userId, String message) {
    described("set the automatic reply", "user " + userId, () -> {
      leavers.setAutomaticReply(userId, message);
      return null;
    });
  }

  @Override
  public void restoreLicenses(String userId, List<String> skuIds) {
    described("assign the licences again", "user " + userId, () -> {
      licensing.assignAgain(userId, skuIds);
      return null;
    });
  }

  @Override
  public boolean softDeleted(String userId) {
    return described("look in the deleted items", "user " + userId, () -> leavers.softDeleted(userId));
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

}
