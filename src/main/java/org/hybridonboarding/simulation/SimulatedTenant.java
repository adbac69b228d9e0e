package org.hybridonboarding.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of the simulated Entra tenant: synced users, subscriptions with seat counts, licence
 * assignments and Exchange Online mailboxes. Every method is synchronized: the tenant is small
 * and consistency matters more than concurrency here.
 */
class SimulatedTenant {

  static final String EXCHANGE_PLAN_ID = "efb87545-963c-4e0d-99df-69c6916d9eb0";
  static final String EXCHANGE_PLAN_NAME = "EXCHANGE_S_ENTERPRISE";

  /** A subscription: what GET /subscribedSkus shows. */
  static final class Sku {
    final UUID skuId;
    final String skuPartNumber;
    final int prepaidEnabled;
    final AtomicInteger consumed;

    Sku(String skuId, String skuPartNumber, int prepaidEnabled, int consumed) {
      this.skuId = UUID.fromString(skuId);
      this.skuPartNumber = skuPartNumber;
      this.prepaidEnabled = prepaidEnabled;
      this.consumed = new AtomicInteger(consumed);
    }

    int free() {
      return prepaidEnabled - consumed.get();
    }
  }

  /** A user in the tenant. */
  static final class User {
    final String id = UUID.randomUUID().toString();
    final Instant createdDateTime;
    SyncedAccount source;
    String userPrincipalName;
    String usageLocation;
    Instant lastSync;
    final List<UUID> assignedSkus = new ArrayList<>();
    Instant licensedAt;
    boolean mailboxBlocked;

    User(Instant createdDateTime) {
      this.createdDateTime = createdDateTime;
    }
  }

  private final Clock clock;
  private final Duration mailboxDelay;
  private final String initialDomain;
  private final List<String> verifiedDomains;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, Sku> skus = new LinkedHashMap<>();

  SimulatedTenant(Clock clock, SimulatorProperties properties) {
    this.clock = clock;
    this.mailboxDelay = properties.mailboxDelay();
    this.initialDomain = properties.initialDomain();
    this.verifiedDomains = properties.verifiedDomains().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    addSku(new Sku("05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", 500, 0));
    // Nearly used up, so a newcomer can try the no-seat path.
    addSku(new Sku("6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", 25, 23));
  }

  private void addSku(Sku sku) {
    skus.put(sku.skuPartNumber, sku);
  }

  synchronized List<Sku> skus() {
    return List.copyOf(skus.values());
  }

  /** Connect Sync's export of one AD user: matched on the source anchor, created or updated. */
  synchronized User sync(SyncedAccount account) {
    User user = users.values().stream()
        .filter(u -> u.source.immutableId().equals(account.immutableId()))
        .findFirst()
        .orElseGet(() -> {
          User created = new User(clock.instant());
          users.put(created.id, created);
          return created;
        });
    user.source = account;
    user.userPrincipalName = cloudUpn(account.userPrincipalName(), account.samAccountName());
    if (account.usageLocation() != null) {
      user.usageLocation = account.usageLocation();
    }
    user.mailboxBlocked = account.hasMailboxGuid();
    user.lastSync = clock.instant();
    return user;
  }

  /** A UPN whose suffix is not verified in the tenant arrives as alias@tenant.onmicrosoft.com. */
  private String cloudUpn(String upn, String samAccountName) {
    if (upn == null) {
      return samAccountName + "@" + initialDomain;
    }
    int at = upn.lastIndexOf('@');
    String suffix = upn.substring(at + 1).toLowerCase(Locale.ROOT);
    return verifiedDomains.contains(suffix) ? upn : upn.substring(0, at) + "@" + initialDomain;
  }

  synchronized List<User> users() {
    return List.copyOf(users.values());
  }

  /** By object id or userPrincipalName, as Graph's /users/{id | userPrincipalName}. */
  synchronized User user(String idOrUpn) {
    User byId = users.get(idOrUpn);
    if (byId != null) {
      return byId;
    }
    return users.values().stream()
        .filter(u -> u.userPrincipalName.equalsIgnoreCase(idOrUpn))
        .findFirst()
        .orElseThrow(() -> GraphError.notFound(idOrUpn));
  }

  synchronized void setUsageLocation(String idOrUpn, String usageLocation) {
    User user = user(idOrUpn);
    if (usageLocation != null && !usageLocation.matches("[A-Z]{2}")) {
      throw GraphError.badRequest("Invalid value specified for property 'usageLocation' of resource 'User'.");
    }
    user.usageLocation = usageLocation;
  }

  /** POST /users/{id}/assignLicense with Graph's checks and its words for each failure. */
  synchronized User assignLicense(String idOrUpn, List<UUID> add, List<UUID> remove) {
    User user = user(idOrUpn);
    List<Sku> adding = new ArrayList<>();
    for (UUID skuId : add) {
      Sku sku = sku(skuId).orElseThrow(() -> GraphError.badRequest(
          "License " + skuId + " does not correspond to a valid company License."));
      if (!user.assignedSkus.contains(skuId)) {
        adding.add(sku);
      }
    }
    for (UUID skuId : remove) {
      if (sku(skuId).isEmpty()) {
        throw GraphError.badRequest("License " + skuId + " does not correspond to a valid company License.");
      }
    }
    if (!adding.isEmpty() && (user.usageLocation == null || user.usageLocation.isBlank())) {
      throw GraphError.badRequest("License assignment cannot be done for user with invalid usage location.");
    }
    for (Sku sku : adding) {
      if (sku.free() <= 0) {
        throw GraphError.badRequest("Subscription with SKU " + sku.skuId + " does not have any available licenses.");
      }
    }
    for (UUID skuId : remove) {
      if (user.assignedSkus.remove(skuId)) {
        sku(skuId).ifPresent(sku -> sku.consumed.decrementAndGet());
      }
    }
    for (Sku sku : adding) {
      sku.consumed.incrementAndGet();
      user.assignedSkus.add(sku.skuId);
    }
    if (!adding.isEmpty() && user.licensedAt == null) {
      user.licensedAt = clock.instant();
    }
    if (user.assignedSkus.isEmpty()) {
      user.licensedAt = null;
    }
    return user;
  }

  /** Exchange Online provisions a mailbox for a licensed remote-mailbox user, after a delay. */
  synchronized boolean hasMailbox(User user) {
    return user.licensedAt != null && user.source.remoteMailbox() && !user.mailboxBlocked
        && !clock.instant().isBefore(user.licensedAt.plus(mailboxDelay));
  }

  /** Demo seed: users who had their licence and mailbox long before today. */
  synchronized void seedLicensed(String employeeId, String skuPartNumber) {
    users.values().stream()
        .filter(u -> employeeId.equals(u.source.employeeId()))
        .findFirst()
        .ifPresent(user -> {
          Sku sku = skus.get(skuPartNumber);
          if (!user.assignedSkus.contains(sku.skuId)) {
            assignLicense(user.id, List.of(sku.skuId), List.of());
          }
          user.licensedAt = user.licensedAt.minus(mailboxDelay);
        });
  }

  synchronized Optional<Sku> sku(UUID skuId) {
    return skus.values().stream().filter(s -> s.skuId.equals(skuId)).findFirst();
  }
}
