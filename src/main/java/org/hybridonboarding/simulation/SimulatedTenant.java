package org.hybridonboarding.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The state of the simulated Entra tenant: synced users and groups, subscriptions with seat
 * counts, direct and group-based licence assignments, Exchange Online mailboxes with their
 * messages, and Temporary Access Passes. Every method is synchronized: the tenant is small and
 * consistency matters more than concurrency here. Licensing ({@link TenantLicensing}) and
 * Exchange Online ({@link ExchangeOnline}) are parts of their own, called under this lock.
 * Some 400 lines because the tenant's objects (users, groups, subscriptions, assignments,
 * messages, passes, the deleted items) are declared here, where every part that reads them is;
 * the mailboxes' own rules are ExchangeOnline's.
 */
class SimulatedTenant {

  static final String EXCHANGE_PLAN_ID = "efb87545-963c-4e0d-99df-69c6916d9eb0";
  static final String EXCHANGE_PLAN_NAME = "EXCHANGE_S_ENTERPRISE";
  static final int TAP_MIN_MINUTES = 60;
  static final int TAP_MAX_MINUTES = 43_200;
  static final Duration SOFT_DELETE_RETENTION = Duration.ofDays(30);

  /** A subscription: what GET /subscribedSkus shows. */
  static final class Sku {
    final UUID skuId;
    final String skuPartNumber;
    int prepaidEnabled;
    int consumed;

    Sku(String skuId, String skuPartNumber, int prepaidEnabled, int consumed) {
      this.skuId = UUID.fromString(skuId);
      this.skuPartNumber = skuPartNumber;
      this.prepaidEnabled = prepaidEnabled;
      this.consumed = consumed;
    }

    int free() {
      return prepaidEnabled - consumed;
    }
  }

  /**
   * One licence assignment, direct (assignedByGroup null) or inherited from a group.
   *
   * @param error None, or CountViolation etc. when state is Error
   */
  record Assignment(UUID skuId, String assignedByGroup, String state, String error, Instant lastUpdated) {

    boolean active() {
      return "Active".equals(state);
    }
  }

  /** A mail in a mailbox. */
  record Message(String id, String from, List<String> to, String subject, String contentType, String content,
      Instant received) {
  }

  /** A Temporary Access Pass; the value is kept only to hand it out once, as Graph does. */
  record TemporaryAccessPass(String id, Instant created, Instant start, int lifetimeMinutes, boolean usableOnce) {
  }

  /** A user in the tenant. */
  /** The SKUs a user held (actively) from that moment on. */
  record LicenceState(Instant at, List<UUID> skuIds) {
  }

  static final class User {
    final String id = UUID.randomUUID().toString();
    final Instant createdDateTime;
    SyncedAccount source;
    String userPrincipalName;
    String usageLocation;
    Instant lastSync;
    final List<Assignment> assignments = new ArrayList<>();
    Instant licensedAt;
    /** When the last licence went: an unlicensed user mailbox is disconnected 30 days later. */
    Instant unlicensedSince;
    boolean mailboxBlocked;
    /** Exchange Online's mailbox, once provisioned. */
    SimulatedMailbox mailbox;
    /** Soft-deleted (in deletedItems) since then; restorable for 30 days. */
    Instant deletedAt;
    /** revokeSignInSessions: tokens issued before this no longer work. */
    Instant signInSessionsValidFrom;
    final List<Message> messages = new ArrayList<>();
    TemporaryAccessPass temporaryAccessPass;
    /** The tenant's change sequence number of this user's last change, for delta queries. */
    long changed;
    /** Every change of the SKUs the user holds, in order: tests read whether a swap left a gap. */
    final List<LicenceState> licenceHistory = new ArrayList<>();

    User(Instant createdDateTime) {
      this.createdDateTime = createdDateTime;
    }

    /** The SKUs the user holds, each once however it was assigned. */
    List<UUID> assignedSkus() {
      return assignments.stream().filter(Assignment::active).map(Assignment::skuId).distinct().toList();
    }

    Set<String> addresses() {
      Set<String> addresses = new LinkedHashSet<>();
      if (source.mail() != null) {
        addresses.add(source.mail().toLowerCase(Locale.ROOT));
      }
      addresses.add(userPrincipalName.toLowerCase(Locale.ROOT));
      source.proxyAddresses().forEach(p -> addresses.add(p.substring(p.indexOf(':') + 1).toLowerCase(Locale.ROOT)));
      return addresses;
    }
  }

  /** A group in the tenant, with the licence its members inherit (group-based licensing). */
  static final class Group {
    final String id = UUID.randomUUID().toString();
    SyncedGroup source;
    final Set<String> memberIds = new LinkedHashSet<>();
    UUID licenseSku;
  }

  private final Clock clock;
  private final TenantLicensing licensing;
  private final ExchangeOnline exchange;
  private final Duration replicationLag;
  private final String initialDomain;
  private final List<String> verifiedDomains;
  private final Map<String, String> groupLicenses;
  private volatile boolean tapPolicyEnabled;
  private final Map<String, User> users = new LinkedHashMap<>();
  /** The same users by their anchor (immutableId): a sync cycle looks each one up. */
  private final Map<String, User> byAnchor = new HashMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  /** Users that left sync scope, by anchor: Entra ID's deleted items. */
  private final Map<String, User> deleted = new LinkedHashMap<>();
  private long changeSequence;

  SimulatedTenant(Clock clock, SimulatorProperties properties) {
    this.clock = clock;
    this.licensing = new TenantLicensing(clock);
    this.exchange = new ExchangeOnline(clock, properties.mailboxDelay());
    this.replicationLag = properties.replicationLag();
    this.initialDomain = properties.initialDomain();
    this.verifiedDomains = properties.verifiedDomains().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    this.groupLicenses = properties.groupLicenses();
    this.tapPolicyEnabled = properties.tapPolicyEnabled();
  }

  synchronized List<Sku> skus() {
    return licensing.skus();
  }

  /** Connect Sync's export of one AD user: matched on the source anchor, created or updated. */
  synchronized User sync(SyncedAccount account) {
    User user = byAnchor.computeIfAbsent(account.immutableId(), anchor -> {
      User restored = restore(anchor);
      if (restored != null) {
        return restored;
      }
      User created = new User(clock.instant());
      users.put(created.id, created);
      return created;
    });
    if (!account.equals(user.source)) {
      // Connect Sync exports only what changed; each change is what a delta query reports.
      user.changed = ++changeSequence;
    }
    user.source = account;
    user.userPrincipalName = cloudUpn(account.userPrincipalName(), account.samAccountName());
    if (account.usageLocation() != null) {
      user.usageLocation = account.usageLocation();
    }
    user.mailboxBlocked = account.hasMailboxGuid();
    user.lastSync = clock.instant();
    exchange.followOnPremises(user);
    return user;
  }

  /**
   * Back in sync scope within 30 days of leaving it: the same user (same id) and its mailbox come
   * back from the deleted items; later, the soft-deleted user has been purged and a new one is made.
   */
  private User restore(String anchor) {
    User gone = deleted.remove(anchor);
    if (gone == null || !clock.instant().isBefore(gone.deletedAt.plus(SOFT_DELETE_RETENTION))) {
      return null;
    }
    gone.deletedAt = null;
    users.put(gone.id, gone);
    gone.changed = ++changeSequence;
    return gone;
  }

  /** Connect Sync's export of one AD group, with its members resolved to synced users. */
  synchronized Group sync(SyncedGroup synced) {
    Group group = groups.values().stream()
        .filter(g -> g.source.immutableId().equals(synced.immutableId()))
        .findFirst()
        .orElseGet(() -> {
          Group created = new Group();
          groups.put(created.id, created);
          return created;
        });
    group.source = synced;
    group.memberIds.clear();
    if (!synced.memberDns().isEmpty()) {
      Map<String, User> byDn = new HashMap<>();
      users.values().stream().filter(u -> u.source.dn() != null)
          .forEach(u -> byDn.putIfAbsent(u.source.dn().toLowerCase(Locale.ROOT), u));
      for (String memberDn : synced.memberDns()) {
        User member = byDn.get(memberDn.toLowerCase(Locale.ROOT));
        if (member != null) {
          group.memberIds.add(member.id);
        }
      }
    }
    group.licenseSku = licensing.skuId(groupLicenses.get(synced.name()));
    return group;
  }

  /**
   * Group-based licensing as it runs in the background after a sync: members get the group's
   * licence (Active) or an Error state with CountViolation when no seat is left; members who
   * left lose it.
   */
  synchronized void processGroupLicensing() {
    licensing.processGroups(groups.values(), users.values());
  }

  /**
   * Connect Sync's deletion of a user that left its scope (moved to an OU it does not read, or
   * deleted): Entra ID soft-deletes the user (deletedItems, 30 days) and Exchange Online its
   * mailbox; its licences' seats are freed.
   */
  synchronized void deleteSynced(String immutableId) {
    User user = byAnchor.remove(immutableId);
    if (user == null) {
      return;
    }
    licensing.unassignAll(user);
    groups.values().forEach(group -> group.memberIds.remove(user.id));
    users.remove(user.id);
    user.deletedAt = clock.instant();
    deleted.put(immutableId, user);
  }

  /** GET /directory/deletedItems/microsoft.graph.user: soft-deleted users not yet purged. */
  synchronized List<User> deletedUsers() {
    Instant now = clock.instant();
    deleted.values().removeIf(user -> !now.isBefore(user.deletedAt.plus(SOFT_DELETE_RETENTION)));
    return List.copyOf(deleted.values());
  }

  /** POST /users/{id}/revokeSignInSessions. */
  synchronized void revokeSignInSessions(String idOrUpn) {
    user(idOrUpn).signInSessionsValidFrom = clock.instant();
  }

  /** DELETE /users/{id}/authentication/temporaryAccessPassMethods/{methodId}. */
  synchronized void deleteTemporaryAccessPass(String idOrUpn, String methodId) {
    User user = user(idOrUpn);
    if (user.temporaryAccessPass == null || !user.temporaryAccessPass.id().equals(methodId)) {
      throw GraphError.notFound(methodId);
    }
    user.temporaryAccessPass = null;
  }

  /** The mailbox of that user, or Graph's 404 when Exchange Online has none. */
  synchronized SimulatedMailbox mailbox(String idOrUpn) {
    return exchange.requireMailbox(user(idOrUpn));
  }

  /** PATCH /users/{id}/mailboxSettings with automaticRepliesSetting. */
  synchronized void setAutomaticReply(String idOrUpn, String message) {
    exchange.requireMailbox(user(idOrUpn)).automaticReply = message;
  }

  /** Exchange Online's recipients by address, for its admin API. */
  synchronized User recipient(String address) {
    return users.values().stream()
        .filter(u -> u.addresses().contains(address.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElse(null);
  }

  ExchangeOnline exchange() {
    return exchange;
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

  /** Users changed after that sequence number, oldest change first, at most limit of them. */
  synchronized List<User> changedAfter(long sequence, long upTo, int limit) {
    return users.values().stream()
        .filter(user -> user.changed > sequence && user.changed <= upTo)
        .sorted(java.util.Comparator.comparingLong(user -> user.changed))
        .limit(limit)
        .toList();
  }

  synchronized long changeSequence() {
    return changeSequence;
  }

  synchronized List<User> users() {
    return List.copyOf(users.values());
  }

  synchronized List<Group> groups() {
    return List.copyOf(groups.values());
  }

  /**
   * By object id or userPrincipalName, as Graph's /users/{id | userPrincipalName}. A user synced
   * moments ago is not yet visible this way (eventual consistency).
   */
  /** Every change of the SKUs the user held, oldest first. */
  synchronized List<LicenceState> licenceHistory(String idOrUpn) {
    return List.copyOf(user(idOrUpn).licenceHistory);
  }

  synchronized User user(String idOrUpn) {
    User found = users.get(idOrUpn);
    if (found == null) {
      found = users.values().stream()
          .filter(u -> u.userPrincipalName.equalsIgnoreCase(idOrUpn))
          .findFirst()
          .orElseThrow(() -> GraphError.notFound(idOrUpn));
    }
    if (clock.instant().isBefore(found.createdDateTime.plus(replicationLag))) {
      throw GraphError.notFound(idOrUpn);
    }
    return found;
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
    licensing.assign(user, add, remove);
    return user;
  }

  synchronized boolean hasMailbox(User user) {
    return exchange.hasMailbox(user);
  }

  /**
   * POST /users/{id}/authentication/temporaryAccessPassMethods: one pass per user, a new one
   * replaces the old. Returns the pass's value, which Graph shows only in this answer.
   */
  synchronized Map.Entry<TemporaryAccessPass, String> createTemporaryAccessPass(String idOrUpn, Instant start,
      Integer lifetimeMinutes, Boolean usableOnce) {
    User user = user(idOrUpn);
    if (!tapPolicyEnabled) {
      throw GraphError.badRequest("The Temporary Access Pass authentication method policy is not enabled for this user.");
    }
    int lifetime = lifetimeMinutes == null ? 60 : lifetimeMinutes;
    if (lifetime < TAP_MIN_MINUTES || lifetime > TAP_MAX_MINUTES) {
      throw GraphError.badRequest("lifetimeInMinutes must be between " + TAP_MIN_MINUTES + " and "
          + TAP_MAX_MINUTES + ".");
    }
    Instant now = clock.instant();
    TemporaryAccessPass pass = new TemporaryAccessPass(UUID.randomUUID().toString(), now,
        start == null ? now : start, lifetime, usableOnce != null && usableOnce);
    user.temporaryAccessPass = pass;
    return Map.entry(pass, Passes.random());
  }

  /** Buying (or cancelling) seats of a subscription. */
  synchronized void addSeats(String skuPartNumber, int seats) {
    licensing.addSeats(skuPartNumber, seats);
  }

  /** Test and demo controls: how Exchange Online and licensing behave from now on. */
  void setMailboxDelay(Duration delay) {
    exchange.setMailboxDelay(delay);
  }

  void setProhibitedUsageLocations(Set<String> countries) {
    licensing.setProhibitedUsageLocations(countries);
  }

  synchronized void setTapPolicyEnabled(boolean enabled) {
    this.tapPolicyEnabled = enabled;
  }

  /** POST /users/{sender}/sendMail: delivered into the mailboxes of the recipients that have one. */
  synchronized void sendMail(String senderIdOrUpn, List<String> to, String subject, String contentType, String content) {
    exchange.send(user(senderIdOrUpn), to, subject, contentType, content, users.values());
  }

  /** GET /users/{id}/messages. */
  synchronized List<Message> messages(String idOrUpn) {
    return exchange.messages(user(idOrUpn));
  }

  /** Demo seed: users who had their licence and mailbox long before today. */
  synchronized void seedLicensed(String userPrincipalName, String skuPartNumber) {
    users.values().stream()
        .filter(u -> userPrincipalName.equalsIgnoreCase(u.userPrincipalName))
        .findFirst()
        .ifPresent(user -> licensing.seed(user, skuPartNumber, clock.instant().minus(exchange.mailboxDelay())));
  }

  synchronized Optional<Sku> sku(UUID skuId) {
    return licensing.sku(skuId);
  }
}
