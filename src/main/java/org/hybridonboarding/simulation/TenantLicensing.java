package org.hybridonboarding.simulation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hybridonboarding.simulation.SimulatedTenant.Assignment;
import org.hybridonboarding.simulation.SimulatedTenant.Group;
import org.hybridonboarding.simulation.SimulatedTenant.Sku;
import org.hybridonboarding.simulation.SimulatedTenant.User;

/**
 * The tenant's subscriptions and licence assignments, direct and group-based, with Graph's rules
 * and words for each refusal. Not thread-safe of its own: the tenant calls it under its lock.
 */
final class TenantLicensing {

  private final Clock clock;
  private final Map<String, Sku> skus = new LinkedHashMap<>();
  private volatile Set<String> prohibitedUsageLocations = Set.of();

  TenantLicensing(Clock clock) {
    this.clock = clock;
    addSku(new Sku("05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", 500, 0));
    // Nearly used up, so a newcomer can try the no-seat path.
    addSku(new Sku("6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", 25, 23));
  }

  private void addSku(Sku sku) {
    skus.put(sku.skuPartNumber, sku);
  }

  List<Sku> skus() {
    return List.copyOf(skus.values());
  }

  Optional<Sku> sku(UUID skuId) {
    return skus.values().stream().filter(s -> s.skuId.equals(skuId)).findFirst();
  }

  /** The subscription's id for a skuPartNumber, or null when the tenant has none. */
  UUID skuId(String skuPartNumber) {
    return skuPartNumber == null || !skus.containsKey(skuPartNumber) ? null : skus.get(skuPartNumber).skuId;
  }

  void addSeats(String skuPartNumber, int seats) {
    skus.get(skuPartNumber).prepaidEnabled += seats;
  }

  void setProhibitedUsageLocations(Set<String> countries) {
    this.prohibitedUsageLocations = Set.copyOf(countries);
  }

  /** POST /users/{id}/assignLicense with Graph's checks and its words for each failure. */
  void assign(User user, List<UUID> add, List<UUID> remove) {
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
    // One request, one change: adding and removing together never shows the user without a licence.
    recordHistory(user);
  }

  /**
   * Group-based licensing as it runs in the background after a sync: members get the group's
   * licence (Active) or an Error state with CountViolation when no seat is left; members who
   * left lose it.
   */
  void processGroups(Collection<Group> groups, Collection<User> users) {
    for (Group group : groups) {
      for (User user : users) {
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
        recordHistory(user);
      }
    }
  }

  /** A user that leaves the tenant frees its seats. */
  void unassignAll(User user) {
    for (Assignment assignment : List.copyOf(user.assignments)) {
      unassign(user, assignment);
    }
    recordHistory(user);
  }

  /** Demo seed: a licence held since long ago. */
  void seed(User user, String skuPartNumber, Instant licensedAt) {
    Sku sku = skus.get(skuPartNumber);
    if (!user.assignedSkus().contains(sku.skuId)) {
      sku.consumed++;
      user.assignments.add(new Assignment(sku.skuId, null, "Active", "None", clock.instant()));
    }
    user.licensedAt = licensedAt;
    recordHistory(user);
  }

  private void unassign(User user, Assignment assignment) {
    user.assignments.remove(assignment);
    if (assignment.active() && !user.assignedSkus().contains(assignment.skuId())) {
      sku(assignment.skuId()).ifPresent(sku -> sku.consumed--);
    }
    if (user.assignedSkus().isEmpty() && user.licensedAt != null) {
      user.licensedAt = null;
      user.unlicensedSince = clock.instant();
    }
  }

  /** Notes the SKUs the user holds now, when they differ from the last noted. */
  private void recordHistory(User user) {
    List<UUID> now = List.copyOf(user.assignedSkus());
    List<SimulatedTenant.LicenceState> history = user.licenceHistory;
    if (history.isEmpty() ? !now.isEmpty() : !Set.copyOf(history.get(history.size() - 1).skuIds()).equals(Set.copyOf(now))) {
      history.add(new SimulatedTenant.LicenceState(clock.instant(), now));
    }
  }

  private void licensed(User user) {
    if (user.licensedAt == null) {
      user.licensedAt = clock.instant();
      user.unlicensedSince = null;
    }
  }
}
