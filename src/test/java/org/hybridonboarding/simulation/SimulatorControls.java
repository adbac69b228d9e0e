package org.hybridonboarding.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What a test does to the simulated world and reads back from it, for tests in any package: seats,
 * Exchange Online's delay and policies, Graph's faults, throttling and request counts, Connect
 * Sync's cycle, the embedded directory. The simulator's own classes stay package-private; a test
 * of the process or of a gateway lives in the package of what it tests and uses this.
 * (DemoIntegrationTest imports it into the demo contexts.)
 */
public class SimulatorControls {

  /** A cloud user as a test sees it. */
  public record CloudUser(String id, String userPrincipalName, String usageLocation, List<String> assignedSkuIds,
      List<Licence> licences) {
  }

  /** One licence assignment: direct (assignedByGroup null) or by a group, and its state. */
  public record Licence(String skuId, String assignedByGroup, String state, String error) {
  }

  private final SimulatedTenant tenant;
  private final GraphSimulator graph;
  private final ConnectSync sync;
  /** Absent where the demo talks to another directory (onboarding.directory.embedded=false, Samba). */
  private final ObjectProvider<EmbeddedDirectory> directory;

  public SimulatorControls(SimulatedTenant tenant, GraphSimulator graph, ConnectSync sync,
      ObjectProvider<EmbeddedDirectory> directory) {
    this.tenant = tenant;
    this.graph = graph;
    this.sync = sync;
    this.directory = directory;
  }

  public int freeSeats(String skuPartNumber) {
    return sku(skuPartNumber).free();
  }

  public int consumedSeats(String skuPartNumber) {
    return sku(skuPartNumber).consumed;
  }

  /** Buys (or, negative, cancels) seats. */
  public void addSeats(String skuPartNumber, int seats) {
    tenant.addSeats(skuPartNumber, seats);
  }

  /** Leaves the subscription without a free seat. */
  public void useUpSeats(String skuPartNumber) {
    tenant.addSeats(skuPartNumber, -freeSeats(skuPartNumber));
  }

  private SimulatedTenant.Sku sku(String skuPartNumber) {
    return tenant.skus().stream().filter(s -> s.skuPartNumber.equals(skuPartNumber)).findFirst().orElseThrow();
  }

  public void setMailboxDelay(Duration delay) {
    tenant.setMailboxDelay(delay);
  }

  public void setProhibitedUsageLocations(Set<String> countries) {
    tenant.setProhibitedUsageLocations(countries);
  }

  public void setTapPolicyEnabled(boolean enabled) {
    tenant.setTapPolicyEnabled(enabled);
  }

  public boolean cloudUserExists(String id) {
    return tenant.users().stream().anyMatch(user -> user.id.equals(id));
  }

  public CloudUser cloudUser(String id) {
    SimulatedTenant.User user = tenant.user(id);
    return new CloudUser(user.id, user.userPrincipalName, user.usageLocation,
        user.assignedSkus().stream().map(Object::toString).toList(),
        user.assignments.stream().map(a -> new Licence(a.skuId().toString(), a.assignedByGroup(), a.state(), a.error())).toList());
  }

  /** How many cloud users, live or soft-deleted, carry that employeeId: a rehire must leave one. */
  public long cloudUsersWithEmployeeId(String employeeId) {
    return tenant.users().stream().filter(u -> employeeId.equals(u.source.employeeId())).count();
  }

  /** The SKUs (skuIds) the user held after each licence change, oldest first. */
  public List<List<String>> licenceHistory(String id) {
    return tenant.licenceHistory(id).stream()
        .map(state -> state.skuIds().stream().map(Object::toString).toList())
        .toList();
  }

  /**
   * A user that Connect Sync brings from somewhere this product does not manage (another forest,
   * a cloud-only import): it holds these addresses in Entra ID. Returns its id.
   */
  public String addSyncedUser(String immutableId, String samAccountName, String userPrincipalName, String mail,
      String mailNickname, String employeeId, String givenName, String surname, String usageLocation) {
    List<String> proxies = mail == null ? List.of() : List.of("SMTP:" + mail);
    return tenant.sync(new SyncedAccount(null, immutableId, samAccountName, userPrincipalName, mail, mailNickname, proxies,
        employeeId, givenName + " " + surname, givenName, surname, "IT", null, usageLocation, true, true, false, false)).id;
  }

  /** The cloud user anchored on that immutableId, live or soft-deleted, or null. */
  public String cloudUserIdByAnchor(String immutableId) {
    return tenant.users().stream().filter(u -> immutableId.equals(u.source.immutableId())).map(u -> u.id).findFirst()
        .orElse(null);
  }

  public boolean accountEnabled(String id) {
    return tenant.user(id).source.accountEnabled();
  }

  public boolean softDeleted(String id) {
    return tenant.deletedUsers().stream().anyMatch(u -> u.id.equals(id));
  }

  /** What Exchange Online says of the mailbox: its type, FullAccess holders, the automatic reply. */
  public record Mailbox(String type, List<String> fullAccess, String automaticReply) {
  }

  public Mailbox mailbox(String userId) {
    synchronized (tenant) {
      SimulatedMailbox mailbox = tenant.mailbox(userId);
      return new Mailbox(mailbox.type.name(), List.copyOf(mailbox.fullAccess), mailbox.automaticReply);
    }
  }

  /** Set-Mailbox -Type in Exchange Online only, as a script that forgets the on-premises object does. */
  public void convertInExchangeOnly(String userId, boolean shared) {
    synchronized (tenant) {
      tenant.exchange().setType(tenant.user(userId), shared ? SimulatedMailbox.Type.SharedMailbox : SimulatedMailbox.Type.UserMailbox);
    }
  }

  /** Whether the app holds an Exchange role for the admin API's cmdlets. */
  public void setExchangeRoleAssigned(boolean assigned) {
    graph.setExchangeRoleAssigned(assigned);
  }

  public void resetRequestCounts() {
    graph.resetRequestCounts();
  }

  /** Graph requests by "METHOD /path" (ids as {id}), and answers such as "429 …" or "503 …". */
  public Map<String, Long> requestCounts() {
    return graph.requestCounts();
  }

  /** Answers this share of requests with 503 or 504; 0 for none. */
  public void injectFaults(double rate) {
    graph.injectFaults(rate == 0 ? SimulatorProperties.Faults.NONE : new SimulatorProperties.Faults(rate, Duration.ZERO));
  }

  public void setThrottling(int resourceUnits, Duration window, int writes, Duration writeWindow) {
    graph.setThrottling(new SimulatorProperties.Throttling(resourceUnits, window, writes, writeWindow));
  }

  /** Exchange Online's per-mailbox limits (sending limits, Outlook request limits); {@code MailLimits.OFF} for none. */
  public void setMailLimits(SimulatorProperties.MailLimits limits) {
    graph.setMailLimits(limits);
  }

  public void pauseSync() {
    sync.pause();
  }

  public void resumeSync() {
    sync.resume();
  }

  public void runSyncCycle() {
    sync.runCycle();
  }

  /** Drops every connection, as a restarted domain controller does. */
  public void restartDirectory() throws Exception {
    directory.getObject().restart();
  }
}
