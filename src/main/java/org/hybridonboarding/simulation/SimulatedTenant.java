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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The state of the simulated Entra tenant: synced users and groups, subscriptions with seat
 * counts, direct and group-based licence assignments, Exchange Online mailboxes with their
 * messages, and Temporary Access Passes. Every method is synchronized: the tenant is small and
 * consistency matters more than concurrency here.
 */
class SimulatedTenant {

  static final String EXCHANGE_PLAN_ID = "efb87545-963c-4e0d-99df-69c6916d9eb0";
  static final String EXCHANGE_PLAN_NAME = "EXCHANGE_S_ENTERPRISE";
  static final int TAP_MIN_MINUTES = 60;
  static final int TAP_MAX_MINUTES = 43_200;

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
  static final class User {
    final String id = UUID.randomUUID().toString();
    final Instant createdDateTime;
    SyncedAccount source;
    String userPrincipalName;
    String usageLocation;
    Instant lastSync;
    final List<Assignment> assignments = new ArrayList<>();
    Instant licensedAt;
    boolean mailboxBlocked;
    final List<Message> messages = new ArrayList<>();
    TemporaryAccessPass temporaryAccessPass;
    /** The tenant's change sequence number of this user's last change, for delta queries. */
    long changed;

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
  private volatile Duration mailboxDelay;
  private volatile Set<String> prohibitedUsageLocations = Set.of();
  private final Duration replicationLag;
  private final String initialDomain;
  private final List<String> verifiedDomains;
  private final Map<String, String> groupLicenses;
  private volatile boolean tapPolicyEnabled;
  private final Map<String, User> users = new LinkedHashMap<>();
  /** The same users by their anchor (immutableId): a sync cycle looks each one up. */
  private final Map<String, User> byAnchor = new HashMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, Sku> skus = new LinkedHashMap<>();
  private long changeSequence;

  SimulatedTenant(Clock clock, SimulatorProperties properties) {
    this.clock = clock;
    this.mailboxDelay = properties.mailboxDelay();
    this.replicationLag = properties.replicationLag();
    this.initialDomain = properties.initialDomain();
    this.verifiedDomains = properties.verifiedDomains().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    this.groupLicenses = properties.groupLicenses();
    this.tapPolicyEnabled = properties.tapPolicyEnabled();
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
    User user = byAnchor.computeIfAbsent(account.immutableId(), anchor -> {
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
    return user;
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
    String skuPartNumber = groupLicenses.get(synced.name());
    group.licenseSku = skuPartNumber == null || !skus.containsKey(skuPartNumber) ? null : skus.get(skuPartNumber).skuId;
    return group;
  }

  /**
   * Group-based licensing as it runs in the background after a sync: members get the group's
   * licence (Active) or an Error state with CountViolation when no seat is left; members who
   * left lose it.
   */
  synchronized void processGroupLicensing() {
    for (Group group : groups.values()) {
      for (User user : users.values()) {
        boolean member = group.memberIds.contains(user.id) && group.licenseSku != null;
        Optional<Assignment> current = user.assignments.stream()
            .filter(a -> group.id.equals(a.assignedByGroup()))
            .findFirst();
        if (!member) {
          current.ifPresent(a -> unassign(user, a));
        } else if (current.isEmpty() || !current.get().active()) {
          current.ifPresent(user.assignments::remove);
          Sku sku = sku(group.licenseSku).orElseThrow();
          boolean holdsAlready = user.assignedSkus().contains(sku.skuId);
          if (holdsAlready || sku.free() > 0) {
            if (!holdsAlready) {
              sku.consumed++;
            }
            user.assignments.add(new Assignment(sku.skuId, group.id, "Active", "None", clock.instant()));
            licensed(user);
          } else {
            user.assignments.add(new Assignment(sku.skuId, group.id, "Error", "CountViolation", clock.instant()));
          }
        }
      }
    }
  }

  /**
   * Connect Sync's deletion of a user that left its scope (moved to an OU it does not read, or
   * deleted): the user goes, and so do its licences' seats.
   */
  synchronized void deleteSynced(String immutableId) {
    User user = byAnchor.remove(immutableId);
    if (user == null) {
      return;
    }
    for (Assignment assignment : List.copyOf(user.assignments)) {
      unassign(user, assignment);
    }
    groups.values().forEach(group -> group.memberIds.remove(user.id));
    users.remove(user.id);
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
    List<Sku> adding = new ArrayList<>();
    for (UUID skuId : add) {
      Sku sku = sku(skuId).orElseThrow(() -> GraphError.badRequest(
          "License " + skuId + " does not correspond to a valid company License."));
      boolean direct = user.assignments.stream().anyMatch(a -> a.skuId().equals(skuId) && a.assignedByGroup() == null);
      if (!direct) {
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
    if (!adding.isEmpty() && prohibitedUsageLocations.contains(user.usageLocation)) {
      throw GraphError.badRequest("License assignment failed because service plans of the license are not "
          + "available in the usage location " + user.usageLocation + ".");
    }
    for (Sku sku : adding) {
      if (sku.free() <= 0 && !user.assignedSkus().contains(sku.skuId)) {
        throw GraphError.badRequest("Subscription with SKU " + sku.skuId + " does not have any available licenses.");
      }
    }
    for (UUID skuId : remove) {
      user.assignments.stream()
          .filter(a -> a.skuId().equals(skuId) && a.assignedByGroup() == null)
          .findFirst()
          .ifPresent(a -> unassign(user, a));
    }
    for (Sku sku : adding) {
      if (!user.assignedSkus().contains(sku.skuId)) {
        sku.consumed++;
      }
      user.assignments.add(new Assignment(sku.skuId, null, "Active", "None", clock.instant()));
    }
    if (!adding.isEmpty()) {
      licensed(user);
    }
    return user;
  }

  private void unassign(User user, Assignment assignment) {
    user.assignments.remove(assignment);
    if (assignment.active() && !user.assignedSkus().contains(assignment.skuId())) {
      sku(assignment.skuId()).ifPresent(sku -> sku.consumed--);
    }
    if (user.assignedSkus().isEmpty()) {
      user.licensedAt = null;
    }
  }

  private void licensed(User user) {
    if (user.licensedAt == null) {
      user.licensedAt = clock.instant();
    }
  }

  /** Exchange Online provisions a mailbox for a licensed remote-mailbox user, after a delay. */
  synchronized boolean hasMailbox(User user) {
    return user.licensedAt != null && user.source.remoteMailbox() && !user.mailboxBlocked
        && !clock.instant().isBefore(user.licensedAt.plus(mailboxDelay));
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
    skus.get(skuPartNumber).prepaidEnabled += seats;
  }

  /** Test and demo controls: how Exchange Online and licensing behave from now on. */
  void setMailboxDelay(Duration delay) {
    this.mailboxDelay = delay;
  }

  void setProhibitedUsageLocations(Set<String> countries) {
    this.prohibitedUsageLocations = Set.copyOf(countries);
  }

  synchronized void setTapPolicyEnabled(boolean enabled) {
    this.tapPolicyEnabled = enabled;
  }

  /** POST /users/{sender}/sendMail: delivered into the mailboxes of the recipients that have one. */
  synchronized void sendMail(String senderIdOrUpn, List<String> to, String subject, String contentType, String content) {
    User sender = user(senderIdOrUpn);
    if (!hasMailbox(sender)) {
      throw new GraphError(404, "MailboxNotEnabledForRESTAPI",
          "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
    }
    String from = Objects.requireNonNullElse(sender.source.mail(), sender.userPrincipalName);
    for (String address : to) {
      users.values().stream()
          .filter(u -> u.addresses().contains(address.toLowerCase(Locale.ROOT)) && hasMailbox(u))
          .findFirst()
          .ifPresent(recipient -> recipient.messages.add(new Message(UUID.randomUUID().toString(), from, to,
              subject, contentType, content, clock.instant())));
    }
  }

  /** GET /users/{id}/messages. */
  synchronized List<Message> messages(String idOrUpn) {
    User user = user(idOrUpn);
    if (!hasMailbox(user)) {
      throw new GraphError(404, "MailboxNotEnabledForRESTAPI",
          "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
    }
    return List.copyOf(user.messages);
  }

  /** Demo seed: users who had their licence and mailbox long before today. */
  synchronized void seedLicensed(String userPrincipalName, String skuPartNumber) {
    users.values().stream()
        .filter(u -> userPrincipalName.equalsIgnoreCase(u.userPrincipalName))
        .findFirst()
        .ifPresent(user -> {
          Sku sku = skus.get(skuPartNumber);
          if (!user.assignedSkus().contains(sku.skuId)) {
            sku.consumed++;
            user.assignments.add(new Assignment(sku.skuId, null, "Active", "None", clock.instant()));
          }
          user.licensedAt = clock.instant().minus(mailboxDelay);
        });
  }

  synchronized Optional<Sku> sku(UUID skuId) {
    return skus.values().stream().filter(s -> s.skuId.equals(skuId)).findFirst();
  }
}
