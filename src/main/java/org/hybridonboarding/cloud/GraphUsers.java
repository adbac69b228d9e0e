package org.hybridonboarding.cloud;

import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.ArrayList;
import java.util.List;
import com.microsoft.graph.users.delta.DeltaGetResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Graph's users: who holds an address, who sync brought, whose mailbox is ready. */
final class GraphUsers {

  static final String[] USER_FIELDS = {"id", "userPrincipalName", "usageLocation", "assignedLicenses", "accountEnabled"};

  private final GraphServiceClient graph;

  GraphUsers(GraphServiceClient graph) {
    this.graph = graph;
  }

  Set<String> addressesInUse(String employeeId, List<String> addresses) {
    if (addresses.isEmpty()) {
      return Set.of();
    }
    String filter = addresses.stream()
        .map(a -> odataString(a))
        .map(a -> "userPrincipalName eq '" + a + "' or mail eq '" + a + "' or proxyAddresses/any(p:p eq 'smtp:" + a + "')")
        .collect(Collectors.joining(" or "));
    var users = graph.users().get(request -> {
      request.queryParameters.filter = filter;
      request.queryParameters.select = new String[] {"id", "userPrincipalName", "mail", "proxyAddresses", "employeeId"};
      request.queryParameters.count = true;
      request.headers.add("ConsistencyLevel", "eventual");
    });
    Set<String> wanted = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Set<String> inUse = new TreeSet<>();
    for (User user : Optional.ofNullable(users.getValue()).orElse(List.of())) {
      if (employeeId != null && employeeId.equalsIgnoreCase(user.getEmployeeId())) {
        continue;
      }
      List<String> held = new ArrayList<>();
      held.add(user.getUserPrincipalName());
      held.add(user.getMail());
      Optional.ofNullable(user.getProxyAddresses()).orElse(List.of())
          .forEach(p -> held.add(p.substring(p.indexOf(':') + 1)));
      held.stream().filter(Objects::nonNull).map(h -> h.toLowerCase(Locale.ROOT)).filter(wanted::contains).forEach(inUse::add);
    }
    return inUse;
  }

  UserChanges changedSince(String deltaLink) {
    var delta = graph.users().delta();
    DeltaGetResponse page = deltaLink == null
        ? delta.get(request -> request.queryParameters.select = new String[] {"id", "employeeId", "onPremisesImmutableId", "accountEnabled"})
        : delta.withUrl(deltaLink).get();
    List<UserChanges.Synced> users = new ArrayList<>();
    while (true) {
      for (User user : page.getValue()) {
        if (user.getOnPremisesImmutableId() != null) {
          users.add(new UserChanges.Synced(user.getId(), user.getEmployeeId(), user.getOnPremisesImmutableId(),
              Boolean.TRUE.equals(user.getAccountEnabled())));
        }
      }
      if (page.getOdataNextLink() == null) {
        return new UserChanges(users, page.getOdataDeltaLink());
      }
      page = delta.withUrl(page.getOdataNextLink()).get();
    }
  }

  Optional<CloudUser> findSynced(String immutableId) {
    return synced(immutableId, USER_FIELDS)
        .map(user -> new CloudUser(user.getId(), user.getUserPrincipalName(), user.getUsageLocation(),
            Boolean.TRUE.equals(user.getAccountEnabled())));
  }

  /** The user anchored on Base64(objectGUID), with these properties. */
  Optional<User> synced(String immutableId, String... select) {
    // onPremisesImmutableId is only filterable as an advanced query.
    var users = graph.users().get(request -> {
      request.queryParameters.filter = "onPremisesImmutableId eq '" + odataString(immutableId) + "'";
      request.queryParameters.select = select;
      request.queryParameters.count = true;
      request.headers.add("ConsistencyLevel", "eventual");
    });
    return Optional.ofNullable(users.getValue()).orElse(List.of()).stream().findFirst();
  }

  /** The mail of the user with this employeeId in Entra ID; empty for null. */
  Optional<String> managerMail(String managerEmployeeId) {
    if (managerEmployeeId == null) {
      return Optional.empty();
    }
    var managers = graph.users().get(request -> {
      request.queryParameters.filter = "employeeId eq '" + odataString(managerEmployeeId) + "'";
      request.queryParameters.select = new String[] {"id", "mail"};
    });
    return Optional.ofNullable(managers.getValue()).orElse(List.of()).stream()
        .map(User::getMail)
        .filter(Objects::nonNull)
        .findFirst();
  }

  /**
   * One read: mailboxSettings answers 404 MailboxNotEnabledForRESTAPI until Exchange has made the
   * mailbox, so it says all that provisionedPlans would.
   */
  boolean hasMailbox(String userId) {
    try {
      graph.users().byUserId(userId).mailboxSettings().get();
      return true;
    } catch (ODataError error) {
      if (error.getResponseStatusCode() == 404) {
        return false;
      }
      throw error;
    }
  }

  /** A value inside an OData string literal: single quotes are doubled. */
  static String odataString(String value) {
    return value.replace("'", "''");
  }
}
